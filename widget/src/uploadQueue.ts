// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's files on their way: one line each in the conversation, with progress and Cancel while
// it goes, the reason and (when trying again may help) Retry once it failed. A stored file becomes an
// ordinary message with the same `cid`, which takes the line's place (as a sent text does). The files
// themselves cannot be kept in the tab's storage: a reload forgets uploads that had not finished.
// An empty file, or one over the size limit once a refusal has told it, is refused before a byte goes
// (docs/protocol.md, "Files": Clients).

import { canRetry, limitFromMessage, startUpload, tooBigText, UploadHandle, UploadOutcome, uploadFailureText } from "./fileUpload";
import { newCid } from "./ids";
import type { Message } from "./protocol";
import type { ChatMessage } from "./storage";
import type { Strings } from "./strings";

/** What the line of a file on its way shows besides the name and size. */
export interface UploadState {
    /** 0…1 of the bytes sent. */
    progress: number;
    /** Why it was not sent, or null while it goes. */
    error: string | null;
    /** Whether Retry is offered (else only Remove). */
    retry: boolean;
}

/** A message as the view shows it: stored or waiting, or a file on its way (`upload`). */
export type ShownMessage = ChatMessage & { upload?: UploadState };

export interface UploadQueueOwner {
    /** Null before the first hello: nothing can be uploaded yet. */
    visitorToken(): string | null;
    /** The department a dialog opened now goes to, or null (a dialog is open, or no choice). */
    departmentForNewDialog(): number | null;
    /** The server stored the file as this message. */
    stored(message: Message): void;
    /** A line appeared, failed or went away. */
    changed(): void;
    /** Only the progress of a line moved (cheaper than `changed`). */
    progress(cid: string, fraction: number): void;
}

interface Upload {
    cid: string;
    file: Blob;
    name: string;
    at: string;
    state: UploadState;
    handle: UploadHandle | null;
}

export class UploadQueue {
    private uploads: Upload[] = [];
    /** The server's size limit in bytes, once a `too_large` refusal has said it. */
    private maxBytes: number | null = null;

    constructor(private readonly origin: string, private readonly strings: Strings, private readonly owner: UploadQueueOwner) {}

    /** Starts sending each file; false (nothing started) when the widget has no visitor token yet. */
    add(files: readonly File[]): boolean {
        if (this.owner.visitorToken() === null) return false;
        for (const file of files) {
            const upload: Upload = {
                cid: newCid(),
                file,
                name: file.name || this.strings.unnamedFile, // in the visitor's language, like the rest
                at: new Date().toISOString(),
                state: { progress: 0, error: null, retry: false },
                handle: null,
            };
            this.uploads.push(upload);
            const refusal = this.refusedHere(file);
            if (refusal === null) this.send(upload);
            else upload.state.error = refusal;
        }
        this.owner.changed();
        return true;
    }

    cancel(cid: string): void {
        const upload = this.find(cid);
        if (!upload) return;
        this.uploads = this.uploads.filter((u) => u !== upload);
        upload.handle?.abort();
        this.owner.changed();
    }

    retry(cid: string): void {
        const upload = this.find(cid);
        if (!upload || upload.handle) return;
        upload.state = { progress: 0, error: null, retry: false };
        this.send(upload);
        this.owner.changed();
    }

    /** Every upload stops and goes away (a ban). */
    clear(): void {
        const uploads = this.uploads;
        this.uploads = [];
        for (const upload of uploads) upload.handle?.abort();
    }

    /** The lines to show after the stored messages; `storedCids`: those already taken over by their message. */
    lines(storedCids: ReadonlySet<string>): ShownMessage[] {
        return this.uploads
            .filter((u) => !storedCids.has(u.cid))
            .map((u) => ({
                id: null,
                cid: u.cid,
                dialogId: null,
                author: "visitor",
                text: "",
                at: u.at,
                event: "",
                state: u.state.error === null ? "sending" : "failed",
                file: { url: "", name: u.name, size: u.file.size, mime: u.file.type, image: false, executable: false },
                upload: { ...u.state },
            }));
    }

    /** Why `file` is not worth sending, or null. */
    private refusedHere(file: Blob): string | null {
        if (file.size === 0) return this.strings.uploadEmpty;
        if (this.maxBytes !== null && file.size > this.maxBytes) return tooBigText(this.maxBytes, this.strings);
        return null;
    }

    private find(cid: string): Upload | undefined {
        return this.uploads.find((u) => u.cid === cid);
    }

    private send(upload: Upload): void {
        const token = this.owner.visitorToken();
        if (token === null) {
            this.finish(upload, { kind: "network" });
            return;
        }
        upload.handle = startUpload({
            origin: this.origin,
            visitorToken: token,
            cid: upload.cid,
            file: upload.file,
            name: upload.name,
            departmentId: this.owner.departmentForNewDialog(),
            onProgress: (fraction) => {
                upload.state.progress = fraction;
                this.owner.progress(upload.cid, fraction);
            },
        });
        void upload.handle.done.then((outcome) => this.finish(upload, outcome));
    }

    private finish(upload: Upload, outcome: UploadOutcome): void {
        upload.handle = null;
        if (outcome.kind === "aborted" || !this.uploads.includes(upload)) return;
        if (outcome.kind === "stored") {
            this.uploads = this.uploads.filter((u) => u !== upload);
            const message = outcome.message as Message;
            if (typeof message.id === "number") this.owner.stored(message);
            this.owner.changed();
            return;
        }
        if (outcome.kind === "refused" && outcome.code === "too_large") this.maxBytes = limitFromMessage(outcome.message) ?? this.maxBytes;
        upload.state = { progress: 0, error: uploadFailureText(outcome, this.strings), retry: canRetry(outcome) };
        this.owner.changed();
    }
}
