// SPDX-License-Identifier: GPL-3.0-or-later
// How a file shows in the conversation (docs/protocol.md, "Files"): a download link with the name
// (as text, never markup), the size and, for programs and scripts, a warning; a picture gets a small
// thumbnail that is the link too. Nothing opens by itself: the server sends every file as an
// attachment, and the link only goes to the server the widget came from. A file still on its way
// shows its name with progress and Cancel, or why it failed with Retry / Remove.

import { el } from "./dom";
import { serverUrl } from "./page";
import type { FileRef } from "./protocol";
import type { Strings } from "./strings";
import type { UploadState } from "./uploadQueue";

export interface FileActions {
    cancel(cid: string): void;
    retry(cid: string): void;
}

/** What the box shows, so that a render with nothing new leaves the DOM (and the thumbnail) alone. */
function signature(file: FileRef, upload: UploadState | undefined): string {
    const state = upload ? `${upload.error === null ? "going" : `failed:${upload.error}:${upload.retry}`}` : "stored";
    return JSON.stringify([file.url, file.name, file.size, file.image, file.executable, state]);
}

export class FileView {
    constructor(private readonly origin: string, private readonly strings: Strings, private readonly actions: FileActions) {}

    /** Fills `box` with the file of message `cid`; empties and hides it when there is none. */
    render(box: HTMLElement, cid: string, file: FileRef | null | undefined, upload: UploadState | undefined): void {
        if (!file) {
            box.hidden = true;
            box.replaceChildren();
            delete box.dataset.signature;
            return;
        }
        box.hidden = false;
        const sig = signature(file, upload);
        if (box.dataset.signature === sig) {
            if (upload) this.setProgress(box, upload.progress);
            return;
        }
        box.dataset.signature = sig;
        const href = upload ? null : serverUrl(this.origin, file.url);
        box.replaceChildren(...(href === null ? this.pending(cid, file, upload) : this.link(href, file)));
    }

    /** Moves the progress bar of a line on its way, if `box` holds one. */
    setProgress(box: HTMLElement, fraction: number): void {
        const bar = box.querySelector("progress");
        if (bar) bar.value = Math.max(0, Math.min(1, fraction));
    }

    private link(href: string, file: FileRef): HTMLElement[] {
        const size = this.strings.fileSize(file.size);
        const link = el("a", "cw-file-link", {
            href,
            download: file.name,
            rel: "noopener",
            title: this.strings.fileDownload(file.name, size),
            "data-testid": "concierge-file-link",
        });
        if (file.image) {
            // The name follows as text: the picture needs no words of its own.
            const thumbnail = el("img", "cw-file-thumbnail", { src: href, alt: "", "data-testid": "concierge-file-thumbnail" });
            link.append(thumbnail);
        }
        const name = el("span", "cw-file-name", { "data-testid": "concierge-file-name" });
        name.textContent = file.name;
        const sizeText = el("span", "cw-file-size", { "data-testid": "concierge-file-size" });
        sizeText.textContent = size;
        link.append(name, sizeText);
        const parts: HTMLElement[] = [link];
        if (file.executable) {
            const warning = el("span", "cw-file-warning", { "data-testid": "concierge-file-executable" });
            warning.textContent = `⚠ ${this.strings.fileExecutable}`;
            parts.push(warning);
        }
        return parts;
    }

    private pending(cid: string, file: FileRef, upload: UploadState | undefined): HTMLElement[] {
        const s = this.strings;
        const name = el("span", "cw-file-name", { "data-testid": "concierge-file-name" });
        name.textContent = file.name;
        const size = el("span", "cw-file-size", { "data-testid": "concierge-file-size" });
        size.textContent = s.fileSize(file.size);
        const head = el("div", "cw-file-head");
        head.append(name, size);
        if (!upload) return [head]; // a stored file whose address is not the server's: not linked
        if (upload.error === null) {
            const bar = el("progress", "cw-file-progress", { max: "1", "aria-label": s.uploadSending(file.name), "data-testid": "concierge-upload-progress" });
            bar.value = upload.progress;
            const cancel = this.button(s.uploadCancel, "concierge-upload-cancel", () => this.actions.cancel(cid));
            const row = el("div", "cw-file-row");
            row.append(bar, cancel);
            return [head, row];
        }
        const error = el("p", "cw-file-error", { role: "alert", "data-testid": "concierge-upload-error" });
        error.textContent = upload.error;
        const row = el("div", "cw-file-row");
        if (upload.retry) row.append(this.button(s.uploadRetry, "concierge-upload-retry", () => this.actions.retry(cid)));
        row.append(this.button(s.uploadRemove, "concierge-upload-remove", () => this.actions.cancel(cid)));
        return [head, error, row];
    }

    private button(label: string, testId: string, onClick: () => void): HTMLButtonElement {
        const button = el("button", "cw-link cw-file-action", { type: "button", "data-testid": testId });
        button.textContent = label;
        button.addEventListener("click", onClick);
        return button;
    }
}
