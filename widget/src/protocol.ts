// SPDX-License-Identifier: GPL-3.0-or-later
// Wire types of the visitor endpoint, as written in docs/protocol.md ("Visitor endpoint").
// Only the fields the widget reads are typed; unknown fields are ignored by contract.

export const PROTOCOL_VERSION = "1.3";

export type Author = "visitor" | "operator" | "system";

/**
 * `event` of a system line. "transfer", "takeover" and "ban" reach the visitor with empty `text` (the
 * widget words them); the others may carry text, and get the widget's wording when they do not.
 */
export type SystemEvent = "" | "transfer" | "takeover" | "contact.requested" | "contact.given" | "rating" | "ban" | "redirect";
export type DialogState = "waiting" | "active" | "closed";

export interface Message {
    id: number;
    cid: string;
    dialogId: number;
    author: Author;
    authorName?: string;
    text: string;
    at: string;
    event?: SystemEvent | string;
    /** A file message (protocol 1.3): `text` is then usually "". */
    file?: FileRef | null;
}

/** A file a message carries (docs/protocol.md, "Files"); `url` is relative to the server's origin. */
export interface FileRef {
    url: string;
    name: string;
    size: number;
    mime: string;
    /** PNG, JPEG, GIF or WebP by content: the widget shows a thumbnail. */
    image: boolean;
    /** A program or script: the widget warns before the visitor saves it. */
    executable: boolean;
}

/** A department of the site; `available`: someone in it is Online (visitor lists only). */
export interface Department {
    id: number;
    name: string;
    available: boolean;
}

export interface VisitorDialog {
    id: number;
    state: DialogState;
    operatorName?: string | null;
    /** The assigned operator's picture, relative to the server's origin; "" or absent: none (1.3). */
    operatorAvatarUrl?: string | null;
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
    departments?: Department[];
    /** This visitor is banned: the widget shows a neutral notice and sends nothing (protocol 1.2). */
    banned?: boolean;
}

/** The visitor's answer to a contact request (`contact.submit`); an email or a phone is required. */
export interface ContactDetails {
    name: string;
    email: string;
    phone: string;
}

/** The visitor's rating of a closed dialog (`dialog.rate` without `dialogId`). */
export interface RatingAnswer {
    score: number;
    comment: string;
}

/** What the visitor typed into the offline form (`offline.request` without `cid`/`departmentId`). */
export interface OfflineRequest extends ContactDetails {
    text: string;
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

/** Longest rating comment the server accepts. */
export const MAX_RATING_COMMENT_LENGTH = 1000;

/** A message's `file`, checked field by field; null when absent or not a file. */
export function parseFileRef(value: unknown): FileRef | null {
    const f = value as Partial<FileRef> | null;
    if (!f || typeof f !== "object" || typeof f.url !== "string" || f.url === "" || typeof f.name !== "string") return null;
    return {
        url: f.url,
        name: f.name,
        size: typeof f.size === "number" && f.size >= 0 ? f.size : 0,
        mime: typeof f.mime === "string" ? f.mime : "",
        image: f.image === true,
        executable: f.executable === true,
    };
}

/** The `departments` list of a hello result or `operators.available`; null when absent (older server). */
export function parseDepartments(value: unknown): Department[] | null {
    if (!Array.isArray(value)) return null;
    const departments: Department[] = [];
    for (const item of value) {
        const d = item as Partial<Department> | null;
        if (d && typeof d === "object" && typeof d.id === "number" && typeof d.name === "string") {
            departments.push({ id: d.id, name: d.name, available: d.available === true });
        }
    }
    return departments;
}
