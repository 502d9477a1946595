// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's conversation: what the widget shows, how server events and snapshots change it, and
// the rules that keep a message from being lost or shown twice (docs/protocol.md, "Events, sequence
// numbers and resume" and "Idempotent sends"), and the visitor's side of the dialog actions (contact
// request, rating, ban: "Dialog actions") and of the teleport (redirect, phone-support code: "Teleport").
// Files on their way live in the UploadQueue; stored files are messages like any other ("Files").

import { chosenDepartment, decideComposer } from "./composer";
import { Connection, ConnectionState } from "./connection";
import { DialogActions } from "./dialogActions";
import { newCid } from "./ids";
import { isMessage, messagesAfterSnapshot, upsertMessage } from "./messageList";
import { currentPageView, visitorEndpoint } from "./page";
import {
    ContactDetails,
    Department,
    HelloResult,
    MAX_TEXT_LENGTH,
    Message,
    OfflineRequest,
    parseDepartments,
    RatingAnswer,
    RequestError,
    VisitorDialog,
    VisitorSnapshot,
} from "./protocol";
import { followRedirect } from "./redirect";
import {
    ChatMessage,
    loadDepartment,
    loadRatingDone,
    loadSession,
    loadToken,
    RATING_DONE_KEY,
    saveDepartment,
    saveRatingDone,
    saveSession,
    saveToken,
    SessionCache,
} from "./storage";
import type { Strings } from "./strings";
import { CodeOutcome, parseTeleportCode } from "./teleportBlock";
import { Typing } from "./typing";
import type { ChatView } from "./ui";
import { UploadQueue } from "./uploadQueue";

/** How long a request for a phone-support code waits for the connection before saying so. */
const CODE_CONNECT_WAIT_MS = 5_000;

/** How a request of a dialog action ended: stored, refused for good, or not done (try again). */
type Outcome = "ok" | "refused" | "failed";

export class Chat {
    private token: string | null;
    private lastSeq = 0;
    /** Whether this tab holds a conversation built up to `lastSeq` (then hello asks to resume). */
    private hasState = false;
    private messages: ChatMessage[] = [];
    private dialog: VisitorDialog | null = null;
    private operatorsAvailable = true;
    private departments: Department[] = [];
    private chosenDepartmentId: number | null = loadDepartment();
    /** The dialog this tab's offline form opened, while the visitor waits for an answer to it. */
    private offlineDialogId: number | null = null;
    /** Kept across attempts of one offline request, so a retry after a lost answer is not stored twice. */
    private offlineCid: string | null = null;
    /** Contact request, rating and ban: what they left to show. */
    private readonly actions = new DialogActions();
    private pageViewSent = false;
    private everReady = false;
    private inFlight = new Set<string>();
    private readonly typing: Typing;
    private readonly uploads: UploadQueue;
    private unread = 0;
    private open = false;
    private readonly connection: Connection;

    /** `origin`: the server's, e.g. https://chat.example (the socket, uploads and file links go there). */
    constructor(origin: string, private readonly view: ChatView, private readonly strings: Strings) {
        this.connection = new Connection(visitorEndpoint(origin), this);
        this.typing = new Typing(
            (typing) => this.connection.notify({ type: "typing", typing }),
            (typing) => this.view.setOperatorTyping(typing),
        );
        this.uploads = new UploadQueue(origin, strings, {
            visitorToken: () => this.token,
            departmentForNewDialog: () => (this.isDialogOpen() ? null : this.departmentForNewDialog()),
            stored: (message) => this.storedOwn(message),
            changed: () => this.render(),
            progress: (cid, fraction) => this.view.setUploadProgress(cid, fraction),
        });
        this.token = loadToken();
        const cache = loadSession(this.token);
        if (cache) {
            this.hasState = true;
            this.lastSeq = cache.lastSeq;
            this.messages = cache.messages;
            this.dialog = cache.dialog;
            this.operatorsAvailable = cache.operatorsAvailable;
            this.departments = Array.isArray(cache.departments) ? cache.departments : [];
            this.offlineDialogId = typeof cache.offlineDialogId === "number" ? cache.offlineDialogId : null;
            this.actions.load(cache);
        }
    }

    start(): void {
        // Another tab rated or skipped: this one stops asking.
        window.addEventListener("storage", (e) => {
            if (e.key === RATING_DONE_KEY) this.render();
        });
        this.render();
        this.connection.start();
    }

    // --- what the visitor does -------------------------------------------------------------

    setOpen(open: boolean): void {
        this.open = open;
        if (open) this.unread = 0;
        this.view.setUnread(this.unread);
    }

    /** Returns false when the text was refused (the input then keeps it). */
    send(rawText: string): boolean {
        if (this.actions.banned) return false;
        const text = rawText.replace(/\s+$/, "").replace(/^\s*\n/, "");
        if (!text.trim()) return false;
        if (text.length > MAX_TEXT_LENGTH) {
            this.view.flash(this.strings.tooLong);
            return false;
        }
        this.typing.stop();
        this.actions.contactThanks = false;
        const message: ChatMessage = {
            id: null,
            cid: newCid(),
            dialogId: null,
            author: "visitor",
            text,
            at: new Date().toISOString(),
            state: "sending",
        };
        this.messages.push(message);
        this.persist();
        this.render();
        this.transmit(message);
        return true;
    }

    /** The visitor attached, dropped or pasted files: each goes as a message of its own. */
    attach(files: readonly File[]): void {
        if (this.actions.banned || files.length === 0) return;
        if (!this.uploads.add(files)) this.view.flash(this.strings.uploadNotConnected);
    }

    cancelUpload(cid: string): void {
        this.uploads.cancel(cid);
    }

    retryUpload(cid: string): void {
        if (!this.actions.banned) this.uploads.retry(cid);
    }

    /** The visitor picked a department (remembered for the visit), or asked to choose again (null). */
    chooseDepartment(departmentId: number | null): void {
        this.chosenDepartmentId = departmentId;
        saveDepartment(departmentId);
        this.render();
    }

    /** Sends the offline form; resolves true once the server has stored the request. */
    async sendOfflineRequest(request: OfflineRequest): Promise<boolean> {
        if (this.actions.banned) return false;
        if (!this.connection.isReady()) {
            this.view.flash(this.everReady ? this.strings.reconnecting : this.strings.connecting);
            return false;
        }
        this.offlineCid = this.offlineCid ?? newCid();
        const fields: Record<string, unknown> = { ...request, cid: this.offlineCid };
        const department = this.departmentForNewDialog();
        if (department !== null) fields.departmentId = department;
        try {
            const data = await this.connection.request("offline.request", fields);
            const stored = (data as { message?: unknown }).message;
            this.offlineCid = null;
            if (isMessage(stored)) {
                upsertMessage(this.messages, stored);
                this.noteDialogOpened(stored.dialogId);
                this.offlineDialogId = stored.dialogId;
            }
            this.persist();
            this.render();
            return true;
        } catch (error: unknown) {
            if (error instanceof RequestError) {
                // Refused for good (bad_request, forbidden, too_long): the next try is a new request.
                if (error.code !== "internal" && error.code !== "rate_limited") this.offlineCid = null;
                this.view.flash(error.code === "too_long" ? this.strings.tooLong : this.strings.sendFailed);
            } else {
                this.view.flash(this.strings.sendFailed);
            }
            return false;
        }
    }

    /** Sends the contact form an operator asked for; resolves true once the server has the details. */
    async sendContact(details: ContactDetails): Promise<boolean> {
        if ((await this.requestAction("contact.submit", { ...details }, this.strings.contactFailed)) !== "ok") return false;
        this.actions.contactSent();
        this.persist();
        this.render();
        return true;
    }

    dismissContact(): void {
        this.actions.contactDialogId = null;
        this.persist();
        this.render();
    }

    /** Rates the dialog that just closed; resolves true once the rating is stored. */
    async rate(answer: RatingAnswer): Promise<boolean> {
        const dialogId = this.actions.ratingDialogId;
        if (dialogId === null) return false;
        const fields: Record<string, unknown> = { dialogId, score: answer.score };
        if (answer.comment) fields.comment = answer.comment;
        const outcome = await this.requestAction("dialog.rate", fields, this.strings.ratingFailed);
        if (outcome === "failed") return false;
        // Refused (rated already, elsewhere): asking again would only be refused again.
        this.finishRating(dialogId);
        if (outcome === "ok") this.actions.ratingThanksDialogId = dialogId;
        this.persist();
        this.render();
        return true;
    }

    skipRating(): void {
        if (this.actions.ratingDialogId !== null) this.finishRating(this.actions.ratingDialogId);
        this.persist();
        this.render();
    }

    /** The visitor ends the conversation (the header's "End chat"). */
    async endDialog(): Promise<void> {
        const dialog = this.dialog;
        if (!dialog || dialog.state === "closed") return;
        if ((await this.requestAction("dialog.close", {}, this.strings.sendFailed)) !== "ok") return;
        // The result comes before the server's dialog.updated: ask for the rating at once.
        if (this.dialog?.id === dialog.id) this.noteDialog({ ...this.dialog, state: "closed" });
        this.persist();
        this.render();
    }

    /** A new code for phone support (`teleport.code`, "Teleport"); it replaces the visitor's last one. */
    async teleportCode(): Promise<CodeOutcome> {
        // A click just after the page opened may come before the hello: give the connection a moment.
        for (let waited = 0; !this.connection.isReady() && waited < CODE_CONNECT_WAIT_MS; waited += 250) {
            await new Promise((resolve) => window.setTimeout(resolve, 250));
        }
        if (this.actions.banned) return "unavailable";
        if (!this.connection.isReady()) return "connecting";
        try {
            return parseTeleportCode(await this.connection.request("teleport.code")) ?? "failed";
        } catch {
            return "failed";
        }
    }

    /** The visitor edited the input; `hasText` tells whether anything is left in it. */
    inputChanged(hasText: boolean): void {
        if (!this.actions.banned) this.typing.inputChanged(hasText);
    }

    // --- ConnectionOwner -------------------------------------------------------------------

    helloFields(): Record<string, unknown> {
        const fields: Record<string, unknown> = {};
        if (this.token) {
            fields.visitorToken = this.token;
            if (this.hasState) fields.resume = { lastSeq: this.lastSeq };
        }
        return fields;
    }

    onReady(result: HelloResult): void {
        if (!result || typeof result.visitorToken !== "string") return;
        if (result.visitorToken !== this.token) {
            // A new visitor (ours was unknown): nothing cached belongs to it except unsent text.
            this.token = result.visitorToken;
            saveToken(this.token);
            this.messages = this.messages.filter((m) => m.state === "sending");
            this.dialog = null;
            this.actions.clearForms();
        }
        // Said at every hello: a ban lifted (or expired) gives the chat back.
        if (typeof result.banned === "boolean") this.setBanned(result.banned);
        const departments = parseDepartments(result.departments);
        if (departments) this.departments = departments;
        if (!result.resumed) {
            if (result.snapshot) this.applySnapshot(result.snapshot);
            this.lastSeq = typeof result.seq === "number" ? result.seq : 0;
        }
        this.hasState = true;
        this.everReady = true;
        this.connection.resetSeq(this.lastSeq);
        this.persist();
        this.render();
        this.view.setConnection(null);

        if (!this.pageViewSent && !this.actions.banned) {
            this.connection
                .request("page.view", { ...currentPageView() })
                .then(() => (this.pageViewSent = true))
                .catch(() => undefined); // sent again after the next hello
        }
        for (const message of this.messages) {
            if (message.state === "sending") this.transmit(message);
        }
    }

    onHelloError(code: string): void {
        if (code === "auth_failed") {
            // Unknown or expired visitor token: start over as a new visitor on the next attempt.
            this.token = null;
            this.hasState = false;
            this.lastSeq = 0;
            saveToken(null);
            saveSession(null);
        } else if (code === "unsupported_version") {
            this.view.setConnection(this.strings.unsupported);
        }
    }

    onEvent(seq: number, name: string, data: unknown): void {
        if (seq <= this.lastSeq) return; // already applied (replayed after a lost ack)
        this.lastSeq = seq;
        const d = (data ?? {}) as Record<string, unknown>;
        switch (name) {
            case "message.new":
                if (isMessage(d.message)) {
                    upsertMessage(this.messages, d.message);
                    // Answered in another tab.
                    if (d.message.event === "contact.given") this.actions.contactDialogId = null;
                    if (d.message.author === "operator") {
                        this.actions.contactThanks = false;
                        this.typing.operatorTyping(false);
                        if (!this.open) this.unread += 1;
                        this.view.setUnread(this.unread);
                    }
                }
                break;
            case "dialog.updated":
                if (d.dialog && typeof d.dialog === "object") this.noteDialog(d.dialog as VisitorDialog);
                break;
            case "contact.requested":
                this.actions.contactRequested(typeof d.dialogId === "number" ? d.dialogId : this.dialog?.id ?? null);
                break;
            case "banned":
                this.setBanned(true);
                break;
            case "redirect":
                // Only http(s); the tab goes once this event is saved as handled (below).
                followRedirect(d.url, () => this.view.showRedirecting());
                break;
            case "typing":
                if (d.author !== "visitor") this.typing.operatorTyping(d.typing === true);
                break;
            case "operators.available": {
                if (typeof d.available === "boolean") this.operatorsAvailable = d.available;
                const departments = parseDepartments(d.departments);
                if (departments) this.departments = departments;
                break;
            }
            default:
                break; // newer event kinds are ignored by contract
        }
        this.persist();
        this.render();
    }

    onStateChange(state: ConnectionState): void {
        if (state === "online") return; // cleared in onReady
        if (state === "stopped") {
            this.view.setConnection(this.strings.unsupported);
            return;
        }
        this.view.setConnection(this.everReady ? this.strings.reconnecting : this.strings.connecting);
        if (state === "offline") this.typing.operatorTyping(false);
    }

    // --- internals -------------------------------------------------------------------------

    private transmit(message: ChatMessage): void {
        if (this.actions.banned || !this.connection.isReady() || this.inFlight.has(message.cid)) return;
        this.inFlight.add(message.cid);
        const fields: Record<string, unknown> = { cid: message.cid, text: message.text };
        // Only the message that opens a dialog needs it; the server ignores it on later ones.
        const department = this.isDialogOpen() ? null : this.departmentForNewDialog();
        if (department !== null) fields.departmentId = department;
        this.connection
            .request("message.send", fields)
            .then((data) => {
                const stored = (data as { message?: unknown }).message;
                if (isMessage(stored)) this.storedOwn(stored);
                else message.state = "sent";
            })
            .catch((error: unknown) => {
                if (error instanceof RequestError && error.code !== "internal" && error.code !== "rate_limited") {
                    message.state = "failed";
                    this.view.flash(error.code === "too_long" ? this.strings.tooLong : this.strings.sendFailed);
                }
                // Otherwise it stays "sending" and goes again, with the same cid, after reconnecting.
            })
            .then(() => {
                this.inFlight.delete(message.cid);
                this.persist();
                this.render();
            });
    }

    /** Sends a dialog action's request; anything but success is flashed with `failedNote`. */
    private async requestAction(type: string, fields: Record<string, unknown>, failedNote: string): Promise<Outcome> {
        if (this.actions.banned) return "refused";
        if (!this.connection.isReady()) {
            this.view.flash(this.everReady ? this.strings.reconnecting : this.strings.connecting);
            return "failed";
        }
        try {
            await this.connection.request(type, fields);
            return "ok";
        } catch (error: unknown) {
            this.view.flash(failedNote);
            const refused = error instanceof RequestError && error.code !== "internal" && error.code !== "rate_limited";
            return refused ? "refused" : "failed";
        }
    }

    /** A dialog's new state (an event, the visitor's own close, or a snapshot of the dialog this tab knew). */
    private noteDialog(next: VisitorDialog): void {
        this.actions.noteDialog(this.dialog, next);
        this.dialog = next;
    }

    private finishRating(dialogId: number): void {
        if (this.token) saveRatingDone(this.token, dialogId);
        this.actions.ratingDialogId = null;
    }

    /** Banned: nothing more goes out, what waited to be sent is not sent, every form goes away. */
    private setBanned(banned: boolean): void {
        this.actions.banned = banned;
        if (!banned) return;
        for (const message of this.messages) {
            if (message.state === "sending") message.state = "failed";
        }
        this.actions.clearForms();
        this.offlineDialogId = null;
        this.uploads.clear();
        this.typing.silence();
    }

    /** The department a dialog opened now goes to: the visitor's choice, when the site offers one. */
    private departmentForNewDialog(): number | null {
        return chosenDepartment({ departments: this.departments, chosenDepartmentId: this.chosenDepartmentId })?.id ?? null;
    }

    private isDialogOpen(): boolean {
        return !!this.dialog && this.dialog.state !== "closed";
    }

    /**
     * A request's result names the dialog it went to before the `dialog.updated` that announces it
     * arrives (results come first): note it now, so the composer does not flash back to the choice.
     */
    private noteDialogOpened(dialogId: number): void {
        if (typeof dialogId !== "number") return;
        if (!this.dialog || (this.dialog.state === "closed" && dialogId > this.dialog.id)) {
            this.dialog = { id: dialogId, state: "waiting", operatorName: "" };
        }
    }

    /** The server stored what this tab sent (a text's result, an upload's answer): it may have opened a dialog. */
    private storedOwn(stored: Message): void {
        if (!isMessage(stored)) return;
        upsertMessage(this.messages, stored);
        this.noteDialogOpened(stored.dialogId);
        this.persist();
    }

    private applySnapshot(snapshot: VisitorSnapshot): void {
        this.messages = messagesAfterSnapshot(snapshot.messages, this.messages);
        const next = snapshot.dialog ?? null;
        if (next && this.dialog?.id === next.id) this.noteDialog(next);
        else this.dialog = next;
        if (typeof snapshot.operatorsAvailable === "boolean") this.operatorsAvailable = snapshot.operatorsAvailable;
    }

    private subtitle(): string {
        const s = this.strings;
        if (this.actions.banned) return "";
        if (!this.dialog) return s.subtitleDefault;
        switch (this.dialog.state) {
            case "waiting":
                return s.subtitleWaiting;
            case "active":
                return this.dialog.operatorName ? s.subtitleWith(this.dialog.operatorName) : s.subtitleDefault;
            case "closed":
                return s.subtitleClosed;
            default:
                return s.subtitleDefault;
        }
    }

    private render(): void {
        const storedCids = new Set(this.messages.map((m) => m.cid));
        this.view.setMessages([...this.messages, ...this.uploads.lines(storedCids)]);
        this.view.setSubtitle(this.subtitle());
        const withOperator = !this.actions.banned && this.dialog?.state === "active" && !!this.dialog.operatorName;
        this.view.setOperator(withOperator && this.dialog ? { name: this.dialog.operatorName ?? "", avatarUrl: this.dialog.operatorAvatarUrl } : null);
        const sending = this.messages.some((m) => m.state === "sending");
        this.view.setComposer(
            decideComposer({
                departments: this.departments,
                chosenDepartmentId: this.chosenDepartmentId,
                dialogOpen: this.isDialogOpen() || sending,
                operatorsAvailable: this.operatorsAvailable,
                banned: this.actions.banned,
                askRating: this.actions.ratingAsked(this.dialog, this.messages, loadRatingDone(this.token)),
            }),
        );
        this.view.setContactPrompt(this.actions.contactPrompt(this.isDialogOpen()));
        this.view.setRatingThanks(this.actions.ratingThanksShown(this.dialog, sending));
        // After the composer: a focused "End chat" hands the focus on to the rating.
        this.view.setCanEnd(!this.actions.banned && this.isDialogOpen());
        // The thanks stay while the request waits for an answer; a reply or a close ends them.
        if (this.offlineDialogId !== null && !(this.dialog?.id === this.offlineDialogId && this.dialog.state === "waiting")) {
            this.offlineDialogId = null;
        }
        this.view.setOfflineConfirmation(this.offlineDialogId !== null && !this.actions.banned);
    }

    private persist(): void {
        if (!this.token || !this.hasState) return;
        const cache: SessionCache = {
            visitorToken: this.token,
            lastSeq: this.lastSeq,
            dialog: this.dialog,
            operatorsAvailable: this.operatorsAvailable,
            messages: this.messages,
            departments: this.departments,
            offlineDialogId: this.offlineDialogId,
            ...this.actions.toCache(),
        };
        saveSession(cache);
    }
}
