// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's teleport (docs/protocol.md, "Teleport"): a `redirect` event sends this tab to another
// page. The server only lets http(s) addresses through, but the widget checks again: whatever reaches
// location.assign must never be a `javascript:` or `data:` address, whoever sent it.

/** Long enough to read "Opening a page for you…", short enough not to feel stuck. */
export const REDIRECT_DELAY_MS = 1_200;

/** The server's limit for a redirect address. */
const MAX_URL_LENGTH = 2048;

/** The address to open, or null unless it is an absolute http:// or https:// URL with a host. */
export function redirectTarget(raw: unknown): string | null {
    if (typeof raw !== "string" || raw.length > MAX_URL_LENGTH) return null;
    let url: URL;
    try {
        url = new URL(raw); // no base: a relative address throws
    } catch {
        return null;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.host) return null;
    return url.href;
}

let pending: number | undefined;

/**
 * Opens `raw` in this tab after `announce` has said so for a moment; a later redirect replaces one
 * still waiting. Returns false (and does nothing) for an address that is not http(s).
 */
export function followRedirect(raw: unknown, announce: () => void): boolean {
    const url = redirectTarget(raw);
    if (url === null) return false;
    announce();
    window.clearTimeout(pending);
    // Later, not now: the event is saved as handled first, so the next page does not get it again.
    pending = window.setTimeout(() => window.location.assign(url), REDIRECT_DELAY_MS);
    return true;
}
