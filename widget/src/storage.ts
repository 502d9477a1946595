// SPDX-License-Identifier: GPL-3.0-or-later
// Persistence. The visitor token lives in localStorage (shared by all tabs and kept across visits);
// the resume point and the cached conversation live in sessionStorage, per tab, so that a reload or a
// navigation to another page shows the chat at once and resumes from the exact `seq` it was built
// from. A new tab has no cache and asks for a snapshot instead. Storage can be disabled or full
// (private modes, quotas): every access is guarded and the widget then simply works without it.

import type { Department, Message, VisitorDialog } from "./protocol";

export const TOKEN_KEY = "concierge.visitorToken";
export const SESSION_KEY = "concierge.session";
export const OPEN_KEY = "concierge.open";
export const DEPARTMENT_KEY = "concierge.department";
export const RATING_DONE_KEY = "concierge.ratingDone";

/**
 * How long the department choice is remembered: one visit, which like the server's visit ends after
 * 30 minutes unseen. It lives in localStorage so that other tabs of the same visit share it.
 */
const VISIT_MS = 30 * 60 * 1000;

/** How many messages the per-tab cache keeps (the server's snapshot carries the last 200 too). */
const MAX_CACHED_MESSAGES = 200;

export type LocalState = "sending" | "sent" | "failed";

export interface ChatMessage extends Omit<Message, "id" | "dialogId"> {
    id: number | null; // null until the server has stored it
    dialogId: number | null;
    state: LocalState;
}

/** What one tab remembers between page loads. Valid only for the token it names. */
export interface SessionCache {
    visitorToken: string;
    lastSeq: number;
    dialog: VisitorDialog | null;
    operatorsAvailable: boolean;
    messages: ChatMessage[];
    /** The site's departments as last heard (absent in caches of older widget versions). */
    departments?: Department[];
    /** The dialog opened by this tab's offline form, while its confirmation is shown. */
    offlineDialogId?: number | null;
    /** The server said this visitor is banned (shown at once on the next page, before the hello). */
    banned?: boolean;
    /** The open dialog whose operator asked for contact details, while the form is shown. */
    contactDialogId?: number | null;
    /** The "thank you" after the contact form was sent. */
    contactThanks?: boolean;
    /** The closed dialog the widget asks to rate. */
    ratingDialogId?: number | null;
    /** The closed dialog just rated, while the "thank you" is shown. */
    ratingThanksDialogId?: number | null;
}

function read(storage: () => Storage, key: string): string | null {
    try {
        return storage().getItem(key);
    } catch {
        return null;
    }
}

function write(storage: () => Storage, key: string, value: string | null): void {
    try {
        if (value === null) storage().removeItem(key);
        else storage().setItem(key, value);
    } catch {
        // Storage unavailable or full: the widget keeps working from memory.
    }
}

const local = (): Storage => window.localStorage;
const session = (): Storage => window.sessionStorage;

export function loadToken(): string | null {
    return read(local, TOKEN_KEY);
}

export function saveToken(token: string | null): void {
    write(local, TOKEN_KEY, token);
}

export function loadSession(token: string | null): SessionCache | null {
    if (!token) return null;
    const raw = read(session, SESSION_KEY);
    if (!raw) return null;
    try {
        const cache = JSON.parse(raw) as SessionCache;
        if (cache.visitorToken !== token || typeof cache.lastSeq !== "number" || !Array.isArray(cache.messages)) {
            return null;
        }
        return cache;
    } catch {
        return null;
    }
}

export function saveSession(cache: SessionCache | null): void {
    if (!cache) {
        write(session, SESSION_KEY, null);
        return;
    }
    const trimmed: SessionCache = { ...cache, messages: cache.messages.slice(-MAX_CACHED_MESSAGES) };
    write(session, SESSION_KEY, JSON.stringify(trimmed));
}

export function loadOpen(): boolean {
    return read(session, OPEN_KEY) === "1";
}

export function saveOpen(open: boolean): void {
    write(session, OPEN_KEY, open ? "1" : null);
}

/** The department the visitor chose during this visit, or null. Each read extends the visit. */
export function loadDepartment(now: number = Date.now()): number | null {
    const raw = read(local, DEPARTMENT_KEY);
    if (!raw) return null;
    try {
        const saved = JSON.parse(raw) as { id?: unknown; at?: unknown };
        if (typeof saved.id !== "number" || typeof saved.at !== "number" || now - saved.at > VISIT_MS) return null;
        saveDepartment(saved.id, now);
        return saved.id;
    } catch {
        return null;
    }
}

export function saveDepartment(id: number | null, now: number = Date.now()): void {
    write(local, DEPARTMENT_KEY, id === null ? null : JSON.stringify({ id, at: now }));
}

/**
 * The newest dialog of this visitor that was rated or whose rating was skipped, in any tab: the
 * server takes one rating per dialog, so no other tab asks again. 0 when there is none.
 */
export function loadRatingDone(token: string | null): number {
    const raw = read(local, RATING_DONE_KEY);
    if (!raw || !token) return 0;
    try {
        const saved = JSON.parse(raw) as { visitorToken?: unknown; dialogId?: unknown };
        return saved.visitorToken === token && typeof saved.dialogId === "number" ? saved.dialogId : 0;
    } catch {
        return 0;
    }
}

export function saveRatingDone(token: string, dialogId: number): void {
    if (dialogId <= loadRatingDone(token)) return;
    write(local, RATING_DONE_KEY, JSON.stringify({ visitorToken: token, dialogId }));
}
