// SPDX-License-Identifier: GPL-3.0-or-later
// One file upload over HTTP (docs/protocol.md, "Files"): the bytes as the body of
// `POST /v1/visitor/files?cid=…&name=…[&departmentId=…]` with the visitor token as a Bearer token.
// XMLHttpRequest rather than fetch: it reports upload progress and can be aborted on every browser
// the widget supports. What a refusal means to the visitor is worded here too.

import type { Strings } from "./strings";

export interface UploadRequest {
    origin: string;
    visitorToken: string;
    cid: string;
    file: Blob;
    name: string;
    /** Only for the upload that opens a dialog (as for message.send). */
    departmentId: number | null;
    onProgress: (fraction: number) => void;
}

/** How an upload ended: stored (the server's `{"message": …}`), refused (its JSON `code`), or never answered. */
export type UploadOutcome =
    | { kind: "stored"; message: unknown }
    | { kind: "refused"; code: string; message: string; retryAfter: number | null }
    | { kind: "network" }
    | { kind: "aborted" };

export interface UploadHandle {
    readonly done: Promise<UploadOutcome>;
    abort(): void;
}

/** The status line of a refusal whose body was not JSON (a proxy's page): the code the status stands for. */
function codeOfStatus(status: number): string {
    switch (status) {
        case 400:
            return "bad_request";
        case 401:
            return "auth_failed";
        case 403:
            return "forbidden";
        case 404:
            return "not_found";
        case 413:
            return "too_large";
        case 429:
            return "rate_limited";
        default:
            return "internal";
    }
}

function outcomeOf(xhr: XMLHttpRequest): UploadOutcome {
    let body: Record<string, unknown> = {};
    try {
        const parsed: unknown = JSON.parse(xhr.responseText);
        if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
    } catch {
        // not JSON: judged by the status alone
    }
    if (xhr.status === 200 && body.message && typeof body.message === "object") return { kind: "stored", message: body.message };
    return {
        kind: "refused",
        code: typeof body.code === "string" ? body.code : codeOfStatus(xhr.status),
        message: typeof body.message === "string" ? body.message : "",
        retryAfter: typeof body.retryAfter === "number" ? body.retryAfter : null,
    };
}

export function startUpload(request: UploadRequest): UploadHandle {
    // Percent-encoding, not URLSearchParams: its "+" for a space is a plus sign to the server (QUrlQuery).
    let query = `cid=${encodeURIComponent(request.cid)}&name=${encodeURIComponent(request.name)}`;
    if (request.departmentId !== null) query += `&departmentId=${request.departmentId}`;
    const xhr = new XMLHttpRequest();
    const done = new Promise<UploadOutcome>((resolve) => {
        xhr.upload.onprogress = (e) => {
            if (e.lengthComputable && e.total > 0) request.onProgress(e.loaded / e.total);
        };
        xhr.onload = () => resolve(outcomeOf(xhr));
        // A refusal before the whole body went (413 at once) can reach the browser as a network error.
        xhr.onerror = () => resolve(xhr.status > 0 ? outcomeOf(xhr) : { kind: "network" });
        xhr.ontimeout = () => resolve({ kind: "network" });
        xhr.onabort = () => resolve({ kind: "aborted" });
    });
    xhr.open("POST", `${request.origin}/v1/visitor/files?${query}`);
    xhr.setRequestHeader("Authorization", `Bearer ${request.visitorToken}`);
    xhr.send(request.file);
    return { done, abort: () => xhr.abort() };
}

const MIB = 1024 * 1024;

/**
 * The size limit in bytes, as the server's 413 message states it ("… larger than 10485760 bytes",
 * "… limit is 10 MB"): the visitor's hello does not tell it, so this is where the widget learns it.
 * Null when the message does not say.
 */
export function limitFromMessage(message: string): number | null {
    const bytes = /(\d{4,})\s*(?:bytes|B)\b/i.exec(message);
    if (bytes) return Number(bytes[1]);
    const mb = /(\d+(?:[.,]\d+)?)\s*(?:MB|MiB|МБ)/i.exec(message);
    if (mb) return Math.round(Number(mb[1].replace(",", ".")) * MIB);
    return null;
}

/** "This file is too big (limit 10 MB)", the limit in megabytes as the server counts them. */
export function tooBigText(limitBytes: number | null, strings: Strings): string {
    return strings.uploadTooBig(limitBytes === null ? null : Math.round((limitBytes / MIB) * 10) / 10);
}

/** Whether trying the same upload again may work (the same `cid`, so it is never stored twice). */
export function canRetry(outcome: UploadOutcome): boolean {
    if (outcome.kind === "network") return true;
    return outcome.kind === "refused" && ["rate_limited", "unavailable", "internal", "auth_failed"].includes(outcome.code);
}

/** What the visitor reads under a file that was not sent. */
export function uploadFailureText(outcome: UploadOutcome, strings: Strings): string {
    if (outcome.kind === "network") return strings.uploadNetwork;
    if (outcome.kind !== "refused") return strings.uploadFailed;
    switch (outcome.code) {
        case "too_large":
            return tooBigText(limitFromMessage(outcome.message), strings);
        case "forbidden":
            return strings.uploadForbidden;
        case "rate_limited": {
            // The message count frees up within seconds; the hourly byte budget may take most of
            // an hour, which reads better in minutes.
            const seconds = Math.max(1, Math.ceil(outcome.retryAfter ?? 1));
            return seconds > 120 ? strings.uploadBudgetSpent(Math.ceil(seconds / 60)) : strings.uploadRateLimited(seconds);
        }
        case "unavailable":
            return strings.uploadServerBusy;
        default:
            return strings.uploadFailed;
    }
}
