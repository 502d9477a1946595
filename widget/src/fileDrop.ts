// SPDX-License-Identifier: GPL-3.0-or-later
// The three ways a file gets into the chat: the paper-clip button (the browser's own file chooser),
// a drop on the chat window, and a picture pasted into the input. Each hands the files on, or does
// nothing when the chat input is not there to send with (`accepting` says so).

import { el } from "./dom";
import type { Strings } from "./strings";

/** A paper clip (Material "attach_file"). */
const CLIP_ICON =
    "M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z";

export function icon(pathData: string): SVGSVGElement {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", pathData);
    svg.append(path);
    return svg;
}

/** Whether a drag carries files (not text or a link dragged from the page). */
function carriesFiles(e: DragEvent): boolean {
    return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");
}

export class FileDrop {
    /** The paper clip and its hidden file input, to put beside the chat input. */
    readonly controls: HTMLElement[];
    /** The "drop here" cover of the chat window, shown while files are dragged over it. */
    readonly dropNote: HTMLElement;

    constructor(strings: Strings, private readonly accepting: () => boolean, private readonly onFiles: (files: File[]) => void) {
        const input = el("input", "cw-file-input", { type: "file", multiple: "", tabindex: "-1", "aria-hidden": "true", "data-testid": "concierge-file-input" });
        input.addEventListener("change", () => {
            this.hand(Array.from(input.files ?? []));
            input.value = ""; // the same file may be chosen again
        });
        const button = el("button", "cw-attach", {
            type: "button",
            "aria-label": strings.attachFile,
            title: strings.attachFile,
            "data-testid": "concierge-attach",
        });
        button.append(icon(CLIP_ICON));
        button.addEventListener("click", () => input.click());
        this.controls = [button, input];
        this.dropNote = el("div", "cw-drop", { "aria-hidden": "true", "data-testid": "concierge-drop" });
        this.dropNote.textContent = strings.dropFiles;
        this.dropNote.hidden = true;
    }

    /** A pasted picture (a screenshot) is sent as a file; pasted text stays text. */
    listenForPaste(input: HTMLElement): void {
        input.addEventListener("paste", (e: ClipboardEvent) => {
            const images = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith("image/"));
            if (images.length === 0) return;
            e.preventDefault();
            this.hand(images);
        });
    }

    listenForDrops(target: HTMLElement): void {
        let depth = 0; // dragenter/dragleave fire for every child crossed
        const show = (shown: boolean) => (this.dropNote.hidden = !shown || !this.accepting());
        target.addEventListener("dragenter", (e) => {
            if (!carriesFiles(e)) return;
            depth += 1;
            show(true);
        });
        target.addEventListener("dragleave", (e) => {
            if (!carriesFiles(e)) return;
            depth = Math.max(0, depth - 1);
            if (depth === 0) show(false);
        });
        target.addEventListener("dragover", (e) => {
            if (!carriesFiles(e)) return;
            // Without this the browser would open the dropped file in place of the site.
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = this.accepting() ? "copy" : "none";
        });
        target.addEventListener("drop", (e) => {
            if (!carriesFiles(e)) return;
            e.preventDefault();
            depth = 0;
            show(false);
            this.hand(Array.from(e.dataTransfer?.files ?? []));
        });
    }

    private hand(files: File[]): void {
        if (files.length > 0 && this.accepting()) this.onFiles(files);
    }
}
