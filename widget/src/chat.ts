// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's conversation: what the widget shows, how server events and snapshots change it, and
// the rules that keep a message from being lost or shown twice (docs/protocol.md, "Events, sequence
// numbers and resume" and "Idempotent sends").

import { Connection, ConnectionState } from "./connection";
import { newCid } from "./ids";
import { currentPageView } from "./page";
import {
    HelloResult,
    MAX_TEXT_LENGTH,
    Message,
    RequestError,
    VisitorDialog,
    VisitorSnapshot,
} from "./protocol";
import { ChatMessage, loadSession, loadToken, saveSession, saveToken, SessionCache } from "./storage";
import type { Strings } from "./strings";
import type { ChatView } from "./ui";

const TYPING_IDLE_MS = 3_000;
const TYPING_REFRESH_MS = 5_000;
const OPERATOR_TYPING_TIMEOUT_MS = 8_000;

function isMessage(value: unknown): value is Message {
    const m = value as Message | null;
    return !!m && typeof m === "object" && typeof m.id === "number" && typeof m.text === "string";
}

function fromServer(m: Message): ChatMessage {
    return {
        id: m.id,
        cid: m.cid ?? "",
        dialogId: m.dialogId ?? null,
        author: m.author,
        authorName: m.authorName,
        text: m.text,
        at: m.at,
        state: "sent",
    };
}

export class Chat {
    private token: string | null;
    private lastSeq = 0;
    /** Whether this tab holds a conversation built up to `lastSeq` (then hello asks to resume). */
    private hasState = false;
    private messages: ChatMessage[] = [];
    private dialog: VisitorDialog | null = null;
    private operatorsAvailable = true;
    private pageViewSent = false;
    private everReady = false;
    private inFlight = new Set<string>();
    private typingSent = false;
    private typingSentAt = 0;
    private typingIdleTimer: number | undefined;
    private operatorTypingTimer: number | undefined;
    private unread = 0;
    private open = false;
    private readonly connection: Connection;

    constructor(endpoint: string, private readonly view: ChatView, private readonly strings: Strings) {
        this.connection = new Connection(endpoint, this);
        this.token = loadToken();
        const cache = loadSession(this.token);
        if (cache) {
            this.hasState = true;
            this.lastSeq = cache.lastSeq;
            this.messages = cache.messages;
            this.dialog = cache.dialog;
            this.operatorsAvailable = cache.operatorsAvailable;
        }
    }

    start(): void {
        this.render();
        this.connection.start();
    }

    // --- what the visitor does -------------------------------------------------------------

    setOpen(open: boolean): void {
        this.open = open;
        if (open) this.unread = 0;
        this.view.setUnread(this.unread);
    }

    /** Returns false when the text was refused (the input then keeps it). */
    send(rawText: string): boolean {
        const text = rawText.replace(/\s+$/, "").replace(/^\s*\n/, "");
        if (!text.trim()) return false;
        if (text.length > MAX_TEXT_LENGTH) {
            this.view.flash(this.strings.tooLong);
            return false;
        }
        this.stopTyping();
        const message: ChatMessage = {
            id: null,
            cid: newCid(),
            dialogId: null,
            author: "visitor",
            text,
            at: new Date().toISOString(),
            state: "sending",
        };
        this.messages.push(message);
        this.persist();
        this.render();
        this.transmit(message);
        return true;
    }

    /** The visitor edited the input; `hasText` tells whether anything is left in it. */
    inputChanged(hasText: boolean): void {
        window.clearTimeout(this.typingIdleTimer);
        if (!hasText) {
            this.stopTyping();
            return;
        }
        const now = Date.now();
        if (!this.typingSent || now - this.typingSentAt > TYPING_REFRESH_MS) {
            this.typingSent = true;
            this.typingSentAt = now;
            this.connection.notify({ type: "typing", typing: true });
        }
        this.typingIdleTimer = window.setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
    }

    private stopTyping(): void {
        window.clearTimeout(this.typingIdleTimer);
        if (!this.typingSent) return;
        this.typingSent = false;
        this.connection.notify({ type: "typing", typing: false });
    }

    // --- ConnectionOwner -------------------------------------------------------------------

    helloFields(): Record<string, unknown> {
        const fields: Record<string, unknown> = {};
        if (this.token) {
            fields.visitorToken = this.token;
            if (this.hasState) fields.resume = { lastSeq: this.lastSeq };
        }
        return fields;
    }

    onReady(result: HelloResult): void {
        if (!result || typeof result.visitorToken !== "string") return;
        if (result.visitorToken !== this.token) {
            // A new visitor (ours was unknown): nothing cached belongs to it except unsent text.
            this.token = result.visitorToken;
            saveToken(this.token);
            this.messages = this.messages.filter((m) => m.state === "sending");
            this.dialog = null;
        }
        if (!result.resumed) {
            if (result.snapshot) this.applySnapshot(result.snapshot);
            this.lastSeq = typeof result.seq === "number" ? result.seq : 0;
        }
        this.hasState = true;
        this.everReady = true;
        this.connection.resetSeq(this.lastSeq);
        this.persist();
        this.render();
        this.view.setConnection(null);

        if (!this.pageViewSent) {
            this.connection
                .request("page.view", { ...currentPageView() })
                .then(() => (this.pageViewSent = true))
                .catch(() => undefined); // sent again after the next hello
        }
        for (const message of this.messages) {
            if (message.state === "sending") this.transmit(message);
        }
    }

    onHelloError(code: string): void {
        if (code === "auth_failed") {
            // Unknown or expired visitor token: start over as a new visitor on the next attempt.
            this.token = null;
            this.hasState = false;
            this.lastSeq = 0;
            saveToken(null);
            saveSession(null);
        } else if (code === "unsupported_version") {
            this.view.setConnection(this.strings.unsupported);
        }
    }

    onEvent(seq: number, name: string, data: unknown): void {
        if (seq <= this.lastSeq) return; // already applied (replayed after a lost ack)
        this.lastSeq = seq;
        const d = (data ?? {}) as Record<string, unknown>;
        switch (name) {
            case "message.new":
                if (isMessage(d.message)) {
                    this.upsert(d.message);
                    if (d.message.author === "operator") {
                        this.showOperatorTyping(false);
                        if (!this.open) this.unread += 1;
                        this.view.setUnread(this.unread);
                    }
                }
                break;
            case "dialog.updated":
                if (d.dialog && typeof d.dialog === "object") this.dialog = d.dialog as VisitorDialog;
                break;
            case "typing":
                if (d.author !== "visitor") this.showOperatorTyping(d.typing === true);
                break;
            case "operators.available":
                if (typeof d.available === "boolean") this.operatorsAvailable = d.available;
                break;
            default:
                break; // newer event kinds are ignored by contract
        }
        this.persist();
        this.render();
    }

    onStateChange(state: ConnectionState): void {
        if (state === "online") return; // cleared in onReady
        if (state === "stopped") {
            this.view.setConnection(this.strings.unsupported);
            return;
        }
        this.view.setConnection(this.everReady ? this.strings.reconnecting : this.strings.connecting);
        if (state === "offline") this.showOperatorTyping(false);
    }

    // --- internals -------------------------------------------------------------------------

    private transmit(message: ChatMessage): void {
        if (!this.connection.isReady() || this.inFlight.has(message.cid)) return;
        this.inFlight.add(message.cid);
        this.connection
            .request("message.send", { cid: message.cid, text: message.text })
            .then((data) => {
                const stored = (data as { message?: unknown }).message;
                if (isMessage(stored)) this.upsert(stored);
                else message.state = "sent";
            })
            .catch((error: unknown) => {
                if (error instanceof RequestError && error.code !== "internal" && error.code !== "rate_limited") {
                    message.state = "failed";
                    this.view.flash(error.code === "too_long" ? this.strings.tooLong : this.strings.sendFailed);
                }
                // Otherwise it stays "sending" and goes again, with the same cid, after reconnecting.
            })
            .then(() => {
                this.inFlight.delete(message.cid);
                this.persist();
                this.render();
            });
    }

    /** Adds a stored message, or completes the local copy with the same id or cid. */
    private upsert(stored: Message): void {
        const incoming = fromServer(stored);
        const index = this.messages.findIndex(
            (m) => (m.id !== null && m.id === incoming.id) || (incoming.cid !== "" && m.cid === incoming.cid),
        );
        if (index >= 0) this.messages[index] = incoming;
        else this.messages.push(incoming);
    }

    private applySnapshot(snapshot: VisitorSnapshot): void {
        const stored: ChatMessage[] = [];
        const seen = new Set<number>();
        for (const m of Array.isArray(snapshot.messages) ? snapshot.messages : []) {
            if (isMessage(m) && !seen.has(m.id)) {
                seen.add(m.id);
                stored.push(fromServer(m));
            }
        }
        stored.sort((a, b) => (a.id as number) - (b.id as number));
        const cids = new Set(stored.map((m) => m.cid));
        const unsent = this.messages.filter((m) => m.state === "sending" && !cids.has(m.cid));
        this.messages = stored.concat(unsent);
        this.dialog = snapshot.dialog ?? null;
        if (typeof snapshot.operatorsAvailable === "boolean") this.operatorsAvailable = snapshot.operatorsAvailable;
    }

    private showOperatorTyping(typing: boolean): void {
        window.clearTimeout(this.operatorTypingTimer);
        this.view.setOperatorTyping(typing);
        if (typing) {
            // A lost "typing: false" must not leave the indicator on forever.
            this.operatorTypingTimer = window.setTimeout(() => this.view.setOperatorTyping(false), OPERATOR_TYPING_TIMEOUT_MS);
        }
    }

    private subtitle(): string {
        const s = this.strings;
        if (!this.dialog) return s.subtitleDefault;
        switch (this.dialog.state) {
            case "waiting":
                return s.subtitleWaiting;
            case "active":
                return this.dialog.operatorName ? s.subtitleWith(this.dialog.operatorName) : s.subtitleDefault;
            case "closed":
                return s.subtitleClosed;
            default:
                return s.subtitleDefault;
        }
    }

    private render(): void {
        this.view.setMessages(this.messages);
        this.view.setSubtitle(this.subtitle());
        this.view.setOperatorsAvailable(this.operatorsAvailable);
    }

    private persist(): void {
        if (!this.token || !this.hasState) return;
        const cache: SessionCache = {
            visitorToken: this.token,
            lastSeq: this.lastSeq,
            dialog: this.dialog,
            operatorsAvailable: this.operatorsAvailable,
            messages: this.messages,
        };
        saveSession(cache);
    }
}
