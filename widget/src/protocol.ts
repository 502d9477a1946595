// SPDX-License-Identifier: GPL-3.0-or-later
// Wire types of the visitor endpoint, as written in docs/protocol.md ("Visitor endpoint").
// Only the fields the widget reads are typed; unknown fields are ignored by contract.

export const PROTOCOL_VERSION = "1.1";

export type Author = "visitor" | "operator" | "system";
export type DialogState = "waiting" | "active" | "closed";

export interface Message {
    id: number;
    cid: string;
    dialogId: number;
    author: Author;
    authorName?: string;
    text: string;
    at: string;
}

export interface VisitorDialog {
    id: number;
    state: DialogState;
    operatorName?: string | null;
}

export interface VisitorSnapshot {
    dialog: VisitorDialog | null;
    messages: Message[];
    operatorsAvailable: boolean;
}

export interface HelloResult {
    protocol: string;
    visitorToken: string;
    visitorId: number;
    resumed: boolean;
    seq?: number;
    snapshot?: VisitorSnapshot;
}

export interface UtmParams {
    source?: string;
    medium?: string;
    campaign?: string;
    term?: string;
    content?: string;
}

/** A frame the server sent; `type` decides which of the other fields are there. */
export interface ServerFrame {
    type: string;
    rid?: string;
    data?: unknown;
    code?: string;
    message?: string;
    seq?: number;
    name?: string;
    retryAfter?: number;
}

export class RequestError extends Error {
    constructor(readonly code: string, message: string) {
        super(message);
    }
}

/** Close codes the server uses after an `error` (see "Requests, results and errors"). */
export const CLOSE_UNSUPPORTED_VERSION = 4001;
export const CLOSE_AUTH_FAILED = 4003;

/** Longest message text the server accepts (`too_long` above it). */
export const MAX_TEXT_LENGTH = 10000;
