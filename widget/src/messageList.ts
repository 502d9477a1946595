// SPDX-License-Identifier: GPL-3.0-or-later
// The rules that keep the visitor's conversation whole (docs/protocol.md, "Idempotent sends" and
// "Events, sequence numbers and resume"): a stored message takes the place of the local copy with
// the same id or `cid` instead of appearing twice, and a snapshot replaces what the tab had but keeps
// what the visitor wrote that has not reached the server yet.

import { Message, parseFileRef } from "./protocol";
import type { ChatMessage } from "./storage";

export function isMessage(value: unknown): value is Message {
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
        event: m.event ?? "",
        file: parseFileRef(m.file),
        state: "sent",
    };
}

/** Adds a stored message to `messages`, or completes the local copy with the same id or cid. */
export function upsertMessage(messages: ChatMessage[], stored: Message): void {
    const incoming = fromServer(stored);
    const index = messages.findIndex(
        (m) => (m.id !== null && m.id === incoming.id) || (incoming.cid !== "" && m.cid === incoming.cid),
    );
    if (index >= 0) messages[index] = incoming;
    else messages.push(incoming);
}

/** The conversation after a snapshot: its messages in order, then the local ones still waiting to go. */
export function messagesAfterSnapshot(snapshotMessages: unknown, local: readonly ChatMessage[]): ChatMessage[] {
    const stored: ChatMessage[] = [];
    const seen = new Set<number>();
    for (const m of Array.isArray(snapshotMessages) ? snapshotMessages : []) {
        if (isMessage(m) && !seen.has(m.id)) {
            seen.add(m.id);
            stored.push(fromServer(m));
        }
    }
    stored.sort((a, b) => (a.id as number) - (b.id as number));
    const cids = new Set(stored.map((m) => m.cid));
    const unsent = local.filter((m) => m.state === "sending" && !cids.has(m.cid));
    return stored.concat(unsent);
}
