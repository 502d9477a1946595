// SPDX-License-Identifier: GPL-3.0-or-later
// What the widget reports about the page it runs on (`page.view`), and where its server is.

import type { UtmParams } from "./protocol";

export interface PageView {
    url: string;
    title: string;
    referrer: string;
    utm?: UtmParams;
}

const UTM_KEYS: readonly (keyof UtmParams)[] = ["source", "medium", "campaign", "term", "content"];

/** The utm_* parameters of a query string, or undefined when there is none. */
export function parseUtm(search: string): UtmParams | undefined {
    const params = new URLSearchParams(search);
    const utm: UtmParams = {};
    let any = false;
    for (const key of UTM_KEYS) {
        const value = params.get(`utm_${key}`);
        if (value) {
            utm[key] = value.slice(0, 500);
            any = true;
        }
    }
    return any ? utm : undefined;
}

export function currentPageView(): PageView {
    const view: PageView = {
        url: location.href,
        title: document.title,
        referrer: document.referrer,
    };
    const utm = parseUtm(location.search);
    if (utm) view.utm = utm;
    return view;
}

/**
 * The origin of the server that served this script: `<script src="https://chat.example/widget.js">`
 * gives `https://chat.example`. Uploads go there and file links point there. `script` must be captured
 * while the bundle first runs — document.currentScript is null afterwards.
 */
export function serverOrigin(script: HTMLScriptElement | null): string {
    let src = script?.src;
    if (!src) {
        const tags = document.querySelectorAll<HTMLScriptElement>("script[src]");
        for (const tag of Array.from(tags)) {
            if (/\/widget\.js(\?|#|$)/.test(tag.src)) src = tag.src;
        }
    }
    return new URL(src || location.href, location.href).origin;
}

/** The visitor endpoint of the server at `origin`: `https://chat.example` gives `wss://chat.example/v1/visitor`. */
export function visitorEndpoint(origin: string): string {
    const url = new URL(origin);
    const scheme = url.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${url.host}/v1/visitor`;
}

/**
 * The absolute address of a server path (a file's or an avatar's `url`), or null unless it stays on
 * the server: whatever a message says, a link or picture never points at another site or a script.
 */
export function serverUrl(origin: string, path: unknown): string | null {
    if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) return null;
    try {
        const url = new URL(path, origin);
        return url.origin === origin ? url.href : null;
    } catch {
        return null;
    }
}
