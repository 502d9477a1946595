// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor socket: hello, requests by `rid`, events acknowledged by `seq`, heartbeat and
// reconnection. It knows the transport rules of docs/protocol.md and nothing about chat; the owner
// decides what goes into `hello` and what an event means.

import {
    CLOSE_UNSUPPORTED_VERSION,
    HelloResult,
    PROTOCOL_VERSION,
    RequestError,
    ServerFrame,
} from "./protocol";

export type ConnectionState = "connecting" | "online" | "offline" | "stopped";

export interface ConnectionOwner {
    /** Fields of `hello` besides type/rid/protocol, built anew for every attempt. */
    helloFields(): Record<string, unknown>;
    /** `hello` succeeded; requests may be sent from here on. */
    onReady(result: HelloResult): void;
    /** `hello` was refused with `code`; the server closes the socket next. */
    onHelloError(code: string): void;
    /** A server event. It is acknowledged once this returns, so persist what it changed first. */
    onEvent(seq: number, name: string, data: unknown): void;
    onStateChange(state: ConnectionState): void;
}

export const HEARTBEAT_MS = 20_000;
export const SILENCE_LIMIT_MS = 45_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
const ACK_DELAY_MS = 250;
const ACK_BATCH = 20;

/** Exponential backoff with "equal jitter": attempt 0 waits 0.5–1 s, doubling up to 15–30 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * Math.pow(2, attempt));
    return ceiling / 2 + random() * (ceiling / 2);
}

interface Pending {
    resolve: (data: unknown) => void;
    reject: (error: Error) => void;
}

export class Connection {
    private socket: WebSocket | null = null;
    private state: ConnectionState = "offline";
    private ready = false;
    private nextRid = 1;
    private helloRid = "";
    private pending = new Map<string, Pending>();
    private attempt = 0;
    private reconnectTimer: number | undefined;
    private heartbeatTimer: number | undefined;
    private lastFrameAt = 0;
    private lastPingAt = 0;
    private ackedSeq = 0;
    private seenSeq = 0;
    private ackTimer: number | undefined;

    constructor(private readonly url: string, private readonly owner: ConnectionOwner) {}

    start(): void {
        window.addEventListener("online", () => this.reconnectNow());
        this.connect();
    }

    isReady(): boolean {
        return this.ready;
    }

    /** Sends a request and resolves with its result `data`; rejects with RequestError or on disconnect. */
    request(type: string, fields: Record<string, unknown> = {}): Promise<unknown> {
        if (!this.ready || !this.socket) return Promise.reject(new Error("not connected"));
        const rid = String(this.nextRid++);
        return new Promise((resolve, reject) => {
            this.pending.set(rid, { resolve, reject });
            this.send({ ...fields, type, rid });
        });
    }

    /** A frame without an answer (`typing`, `ack`, `ping`); dropped when not connected. */
    notify(frame: Record<string, unknown>): void {
        if (this.ready) this.send(frame);
    }

    /** The owner restarted numbering (a snapshot): acks continue from `seq`. */
    resetSeq(seq: number): void {
        this.ackedSeq = seq;
        this.seenSeq = seq;
    }

    private connect(): void {
        this.clearTimers();
        this.setState("connecting");
        let socket: WebSocket;
        try {
            socket = new WebSocket(this.url);
        } catch {
            this.scheduleReconnect();
            return;
        }
        this.socket = socket;
        this.lastFrameAt = Date.now();
        socket.onopen = () => {
            this.helloRid = String(this.nextRid++);
            this.send({ ...this.owner.helloFields(), type: "hello", rid: this.helloRid, protocol: PROTOCOL_VERSION });
        };
        socket.onmessage = (e: MessageEvent) => {
            if (socket !== this.socket) return;
            this.lastFrameAt = Date.now();
            if (typeof e.data === "string") this.handleFrame(e.data);
        };
        socket.onclose = (e: CloseEvent) => {
            if (socket !== this.socket) return;
            this.dropSocket();
            if (e.code === CLOSE_UNSUPPORTED_VERSION) {
                this.setState("stopped");
                return;
            }
            this.scheduleReconnect();
        };
        // onerror is always followed by onclose, which does the work.
        this.heartbeatTimer = window.setInterval(() => this.heartbeat(), 5_000);
    }

    private heartbeat(): void {
        const now = Date.now();
        if (this.ready && now - this.lastPingAt > 2 * HEARTBEAT_MS) {
            // Our timers were throttled (background tab), not the server silent: ping and allow
            // a few seconds for the answer before judging the socket.
            this.lastFrameAt = Math.max(this.lastFrameAt, now - SILENCE_LIMIT_MS + 10_000);
        }
        if (now - this.lastFrameAt > SILENCE_LIMIT_MS) {
            // Nothing heard for too long: the socket is dead even if the browser has not noticed.
            const socket = this.socket;
            this.dropSocket();
            try {
                socket?.close();
            } catch {
                // already closing
            }
            this.scheduleReconnect();
            return;
        }
        if (this.ready && now - this.lastPingAt >= HEARTBEAT_MS) {
            this.lastPingAt = now;
            this.send({ type: "ping" });
        }
    }

    private handleFrame(text: string): void {
        let frame: ServerFrame;
        try {
            frame = JSON.parse(text) as ServerFrame;
        } catch {
            return;
        }
        if (!frame || typeof frame !== "object" || typeof frame.type !== "string") return;
        switch (frame.type) {
            case "result":
                this.handleResult(frame);
                break;
            case "error":
                this.handleError(frame);
                break;
            case "event":
                this.handleEvent(frame);
                break;
            default:
                break; // pong and anything newer than us
        }
    }

    private handleResult(frame: ServerFrame): void {
        if (frame.rid !== undefined && frame.rid === this.helloRid) {
            this.helloRid = "";
            this.ready = true;
            this.attempt = 0;
            this.lastPingAt = Date.now();
            this.setState("online");
            this.owner.onReady(frame.data as HelloResult);
            return;
        }
        const pending = frame.rid !== undefined ? this.pending.get(frame.rid) : undefined;
        if (!pending) return;
        this.pending.delete(frame.rid as string);
        pending.resolve(frame.data ?? {});
    }

    private handleError(frame: ServerFrame): void {
        const code = frame.code ?? "internal";
        if (frame.rid !== undefined && frame.rid === this.helloRid) {
            this.helloRid = "";
            this.owner.onHelloError(code);
            return;
        }
        const pending = frame.rid !== undefined ? this.pending.get(frame.rid) : undefined;
        if (!pending) return;
        this.pending.delete(frame.rid as string);
        pending.reject(new RequestError(code, frame.message ?? code));
    }

    private handleEvent(frame: ServerFrame): void {
        if (typeof frame.seq !== "number" || typeof frame.name !== "string") return;
        this.owner.onEvent(frame.seq, frame.name, frame.data);
        if (frame.seq > this.seenSeq) this.seenSeq = frame.seq;
        this.scheduleAck();
    }

    private scheduleAck(): void {
        if (this.seenSeq - this.ackedSeq >= ACK_BATCH) {
            this.flushAck();
        } else if (this.ackTimer === undefined) {
            this.ackTimer = window.setTimeout(() => this.flushAck(), ACK_DELAY_MS);
        }
    }

    private flushAck(): void {
        window.clearTimeout(this.ackTimer);
        this.ackTimer = undefined;
        if (this.seenSeq > this.ackedSeq && this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.send({ type: "ack", seq: this.seenSeq });
            this.ackedSeq = this.seenSeq;
        }
    }

    private send(frame: Record<string, unknown>): void {
        if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
        try {
            this.socket.send(JSON.stringify(frame));
        } catch {
            // The close handler reconnects.
        }
    }

    private dropSocket(): void {
        const socket = this.socket;
        if (socket) {
            socket.onopen = socket.onmessage = socket.onclose = null;
        }
        this.socket = null;
        this.ready = false;
        this.helloRid = "";
        this.clearTimers();
        // Acks not sent are harmless: the server replays those events and the owner skips them.
        this.ackedSeq = Math.min(this.ackedSeq, this.seenSeq);
        const pending = Array.from(this.pending.values());
        this.pending.clear();
        for (const p of pending) p.reject(new Error("disconnected"));
    }

    private scheduleReconnect(): void {
        this.setState("offline");
        window.clearTimeout(this.reconnectTimer);
        const delay = backoffDelay(this.attempt++);
        this.reconnectTimer = window.setTimeout(() => this.connect(), delay);
    }

    private reconnectNow(): void {
        if (this.state !== "offline") return;
        this.connect();
    }

    private clearTimers(): void {
        window.clearTimeout(this.reconnectTimer);
        window.clearInterval(this.heartbeatTimer);
        window.clearTimeout(this.ackTimer);
        this.reconnectTimer = this.heartbeatTimer = this.ackTimer = undefined;
    }

    private setState(state: ConnectionState): void {
        if (this.state === state) return;
        this.state = state;
        this.owner.onStateChange(state);
    }
}
