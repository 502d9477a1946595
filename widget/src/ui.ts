// SPDX-License-Identifier: GPL-3.0-or-later
// The widget's DOM, inside an open shadow root (open so that tests can reach it). Visitor and
// operator text only ever goes in through textContent: nothing from the network is parsed as HTML.
// Files come in through the paper-clip button, a drop on the chat window or a pasted image.

import type { Composer } from "./composer";
import { ContactForm } from "./contactForm";
import { DepartmentChoice } from "./departmentChoice";
import { el } from "./dom";
import { FileDrop, icon } from "./fileDrop";
import { FileView } from "./fileMessage";
import { OfflineForm } from "./offlineForm";
import { OperatorAvatar } from "./operatorAvatar";
import { ContactDetails, MAX_TEXT_LENGTH, OfflineRequest, RatingAnswer } from "./protocol";
import { RatingForm } from "./ratingForm";
import type { Strings } from "./strings";
import { STYLES } from "./styles";
import type { ShownMessage } from "./uploadQueue";

/** What the chat logic needs from a view; a test can provide a fake. */
export interface ChatView {
    /** Stored and waiting messages, then the files on their way. */
    setMessages(messages: readonly ShownMessage[]): void;
    /** Moves the progress bar of the file on its way with this `cid`. */
    setUploadProgress(cid: string, fraction: number): void;
    setSubtitle(text: string): void;
    /** The operator the visitor is talking to (their picture or initials in the header), or null. */
    setOperator(operator: { name: string; avatarUrl: string | null | undefined } | null): void;
    /** What goes under the conversation: department choice, offline form or chat input. */
    setComposer(composer: Composer): void;
    /** The "we will get back to you" note after an offline request. */
    setOfflineConfirmation(shown: boolean): void;
    /** The contact form an operator asked for, the "thank you" once it was sent, or neither. */
    setContactPrompt(state: ContactPrompt): void;
    /** The "thank you" after a rating. */
    setRatingThanks(shown: boolean): void;
    /** Whether the header offers to end the open dialog. */
    setCanEnd(canEnd: boolean): void;
    setOperatorTyping(typing: boolean): void;
    setConnection(note: string | null): void;
    setUnread(count: number): void;
    flash(note: string): void;
    /** "Opening a page for you…" beside the launcher, seen whether the chat is open or not. */
    showRedirecting(): void;
}

export type ContactPrompt = "none" | "form" | "thanks";

export interface UiHandlers {
    onSend(text: string): boolean;
    onInput(hasText: boolean): void;
    onOpenChange(open: boolean): void;
    /** A department was picked, or null: the visitor wants to choose again. */
    onChooseDepartment(departmentId: number | null): void;
    /** Resolves true once the offline request is stored. */
    onOfflineSubmit(request: OfflineRequest): Promise<boolean>;
    /** Resolves true once the server has the contact details. */
    onContactSubmit(details: ContactDetails): Promise<boolean>;
    onContactDismiss(): void;
    /** Resolves true once the rating is stored. */
    onRate(answer: RatingAnswer): Promise<boolean>;
    onSkipRating(): void;
    onEndChat(): void;
    /** Files chosen, dropped or pasted, to send one by one. */
    onAttach(files: File[]): void;
    /** Cancel a file on its way, or remove one that failed. */
    onCancelUpload(cid: string): void;
    onRetryUpload(cid: string): void;
}

const CHAT_ICON =
    "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8.4L4 21.5V18a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h10V9H7zm0-3v2h10V6H7zm0 6v2h7v-2H7z";

function timeOf(iso: string): string {
    const date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export class Ui implements ChatView {
    readonly host: HTMLElement;
    private readonly window: HTMLElement;
    private readonly launcher: HTMLButtonElement;
    private readonly badge: HTMLElement;
    private readonly subtitle: HTMLElement;
    private readonly availabilityNote: HTMLElement;
    private readonly connectionNote: HTMLElement;
    private readonly flashNote: HTMLElement;
    private readonly list: HTMLOListElement;
    private readonly empty: HTMLElement;
    private readonly typing: HTMLElement;
    private readonly input: HTMLTextAreaElement;
    private readonly files: FileView;
    private readonly fileDrop: FileDrop;
    private readonly avatar: OperatorAvatar;
    private readonly chatForm: HTMLFormElement;
    private readonly departmentLine: HTMLElement;
    private readonly departmentName: HTMLElement;
    private readonly departmentChoice: DepartmentChoice;
    private readonly offlineForm: OfflineForm;
    private readonly thanksNote: HTMLElement;
    private readonly endButton: HTMLButtonElement;
    private readonly contactForm: ContactForm;
    private readonly contactThanks: HTMLElement;
    private readonly ratingForm: RatingForm;
    private readonly ratingThanks: HTMLElement;
    private readonly bannedNote: HTMLElement;
    private readonly redirectNote: HTMLElement;
    private composerKind: Composer["kind"] = "chat";
    private nobodyOnline = false;
    private hasMessages = false;
    private readonly items = new Map<string, HTMLLIElement>();
    private flashTimer: number | undefined;

    /** `origin`: the server's (file links and pictures come from there). */
    constructor(private readonly strings: Strings, private readonly handlers: UiHandlers, origin: string) {
        this.files = new FileView(origin, strings, {
            cancel: (cid) => this.handlers.onCancelUpload(cid),
            retry: (cid) => this.handlers.onRetryUpload(cid),
        });
        this.avatar = new OperatorAvatar(origin);
        // Files go only where a message could be written: the chat input is shown.
        this.fileDrop = new FileDrop(strings, () => this.composerKind === "chat", (files) => this.handlers.onAttach(files));
        this.host = el("div", "", { id: "concierge-widget" });
        const shadow = this.host.attachShadow({ mode: "open" });
        const style = document.createElement("style");
        style.textContent = STYLES;
        const root = el("div", "cw-root");
        shadow.append(style, root);

        this.window = el("section", "cw-window", {
            id: "concierge-window",
            role: "dialog",
            "aria-label": strings.title,
            "data-testid": "concierge-window",
        });
        this.window.hidden = true;

        const header = el("header", "cw-header");
        const heading = el("div", "cw-heading");
        const title = el("h2", "cw-title");
        title.textContent = strings.title;
        this.subtitle = el("p", "cw-subtitle", { "data-testid": "concierge-subtitle" });
        heading.append(title, this.subtitle);
        const close = el("button", "cw-close", {
            type: "button",
            "aria-label": strings.closeChat,
            title: strings.closeChat,
            "data-testid": "concierge-close",
        });
        close.textContent = "×";
        close.addEventListener("click", () => this.setOpen(false));
        this.endButton = el("button", "cw-end", {
            type: "button",
            "aria-label": strings.endChatLabel,
            title: strings.endChatLabel,
            "data-testid": "concierge-end",
        });
        this.endButton.textContent = strings.endChat;
        this.endButton.hidden = true;
        this.endButton.addEventListener("click", () => this.handlers.onEndChat());
        header.append(this.avatar.element, heading, this.endButton, close);

        this.connectionNote = el("div", "cw-note cw-connection", { role: "status", "data-testid": "concierge-connection" });
        this.connectionNote.hidden = true;
        this.availabilityNote = el("div", "cw-note", { "data-testid": "concierge-offline-note" });
        this.availabilityNote.textContent = strings.noOperators;
        this.availabilityNote.hidden = true;
        this.thanksNote = el("div", "cw-note cw-thanks", { role: "status", "data-testid": "concierge-offline-thanks" });
        this.thanksNote.textContent = strings.offlineThanks;
        this.thanksNote.hidden = true;
        this.flashNote = el("div", "cw-note cw-flash", { role: "alert", "data-testid": "concierge-flash" });
        this.flashNote.hidden = true;

        this.list = el("ol", "cw-messages", {
            role: "log",
            "aria-live": "polite",
            "aria-label": strings.messagesLabel,
            "data-testid": "concierge-messages",
        });
        this.empty = el("li", "cw-empty");
        this.empty.textContent = strings.empty;

        this.typing = el("div", "cw-typing", { "aria-live": "polite", "data-testid": "concierge-typing" });
        this.typing.textContent = strings.operatorTyping;
        this.typing.hidden = true;

        this.departmentChoice = new DepartmentChoice(strings, (id) => this.handlers.onChooseDepartment(id));
        this.departmentChoice.element.hidden = true;
        this.offlineForm = new OfflineForm(strings, (request) => this.handlers.onOfflineSubmit(request));
        this.offlineForm.element.hidden = true;
        this.contactForm = new ContactForm(
            strings,
            (details) => this.handlers.onContactSubmit(details),
            () => this.handlers.onContactDismiss(),
        );
        this.contactForm.element.hidden = true;
        this.contactThanks = el("div", "cw-note cw-thanks cw-action-thanks", { role: "status", "data-testid": "concierge-contact-thanks" });
        this.contactThanks.textContent = strings.contactThanks;
        this.contactThanks.hidden = true;
        this.ratingForm = new RatingForm(
            strings,
            (answer) => this.handlers.onRate(answer),
            () => this.handlers.onSkipRating(),
        );
        this.ratingForm.element.hidden = true;
        this.ratingThanks = el("div", "cw-note cw-thanks cw-action-thanks", { role: "status", "data-testid": "concierge-rating-thanks" });
        this.ratingThanks.textContent = strings.ratingThanks;
        this.ratingThanks.hidden = true;
        this.bannedNote = el("div", "cw-banned", { role: "status", "data-testid": "concierge-banned" });
        this.bannedNote.textContent = strings.banned;
        this.bannedNote.hidden = true;

        this.departmentLine = el("div", "cw-department-line", { "data-testid": "concierge-department-line" });
        this.departmentName = el("span", "cw-department-chosen", { "data-testid": "concierge-department-chosen" });
        const change = el("button", "cw-link", {
            type: "button",
            "aria-label": strings.changeDepartmentLabel,
            "data-testid": "concierge-department-change",
        });
        change.textContent = strings.changeDepartment;
        change.addEventListener("click", () => this.handlers.onChooseDepartment(null));
        this.departmentLine.append(this.departmentName, change);
        this.departmentLine.hidden = true;

        const form = el("form", "cw-form");
        this.chatForm = form;
        this.input = el("textarea", "cw-input", {
            rows: "1",
            placeholder: strings.placeholder,
            "aria-label": strings.placeholder,
            maxlength: String(MAX_TEXT_LENGTH),
            "data-testid": "concierge-input",
        });
        const send = el("button", "cw-send", { type: "submit", "data-testid": "concierge-send" });
        send.textContent = strings.send;
        form.append(...this.fileDrop.controls, this.input, send);
        form.addEventListener("submit", (e) => {
            e.preventDefault();
            this.submit();
        });
        this.input.addEventListener("keydown", (e) => {
            // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                this.submit();
            }
        });
        this.input.addEventListener("input", () => this.handlers.onInput(this.input.value.trim() !== ""));
        this.fileDrop.listenForPaste(this.input);
        this.fileDrop.listenForDrops(this.window);

        this.window.append(
            header,
            this.connectionNote,
            this.availabilityNote,
            this.thanksNote,
            this.flashNote,
            this.list,
            this.typing,
            this.contactForm.element,
            this.contactThanks,
            this.ratingThanks,
            this.departmentLine,
            form,
            this.offlineForm.element,
            this.departmentChoice.element,
            this.ratingForm.element,
            this.bannedNote,
            this.fileDrop.dropNote,
        );

        this.launcher = el("button", "cw-launcher", {
            type: "button",
            "aria-label": strings.openChat,
            title: strings.openChat,
            "aria-expanded": "false",
            "aria-controls": "concierge-window",
            "data-testid": "concierge-open",
        });
        const svg = icon(CHAT_ICON);
        this.badge = el("span", "cw-badge", { "data-testid": "concierge-unread" });
        this.badge.hidden = true;
        this.launcher.append(svg, this.badge);
        this.launcher.addEventListener("click", () => this.setOpen(this.window.hidden));

        this.redirectNote = el("div", "cw-toast", { role: "status", "data-testid": "concierge-redirecting" });
        this.redirectNote.hidden = true;

        root.append(this.window, this.launcher, this.redirectNote);
    }

    isOpen(): boolean {
        return !this.window.hidden;
    }

    setOpen(open: boolean): void {
        this.window.hidden = !open;
        this.launcher.setAttribute("aria-expanded", String(open));
        this.handlers.onOpenChange(open);
        if (open) {
            this.scrollToEnd();
            this.focusComposer();
        }
    }

    setMessages(messages: readonly ShownMessage[]): void {
        const stickToEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
        const keep = new Set<string>();
        let previous: Element | null = null;
        for (const message of messages) {
            const key = message.cid || `id:${message.id}`;
            keep.add(key);
            let item = this.items.get(key);
            if (!item) {
                item = this.createItem();
                this.items.set(key, item);
            }
            this.updateItem(item, message);
            const expected: Element | null = previous ? previous.nextElementSibling : this.list.firstElementChild;
            if (expected !== item) this.list.insertBefore(item, expected);
            previous = item;
        }
        for (const [key, item] of Array.from(this.items)) {
            if (!keep.has(key)) {
                item.remove();
                this.items.delete(key);
            }
        }
        if (messages.length === 0) this.list.append(this.empty);
        else this.empty.remove();
        this.hasMessages = messages.length > 0;
        this.updateListVisibility();
        if (stickToEnd) this.scrollToEnd();
    }

    setUploadProgress(cid: string, fraction: number): void {
        const box = this.items.get(cid)?.querySelector<HTMLElement>(".cw-file");
        if (box) this.files.setProgress(box, fraction);
    }

    setSubtitle(text: string): void {
        this.subtitle.textContent = text;
    }

    setOperator(operator: { name: string; avatarUrl: string | null | undefined } | null): void {
        this.avatar.set(operator);
    }

    setComposer(composer: Composer): void {
        const root = this.host.shadowRoot;
        const hadFocus = !!root?.activeElement && this.composerArea().some((area) => area.contains(root.activeElement));
        const changed = composer.kind !== this.composerKind;
        this.composerKind = composer.kind;

        this.departmentChoice.element.hidden = composer.kind !== "choose";
        this.offlineForm.element.hidden = composer.kind !== "offline";
        this.chatForm.hidden = composer.kind !== "chat";
        this.ratingForm.element.hidden = composer.kind !== "rate";
        if (changed && composer.kind === "rate") this.scrollToEnd();
        this.bannedNote.hidden = composer.kind !== "banned";
        if (composer.kind === "choose") this.departmentChoice.setDepartments(composer.departments);
        const department = composer.kind === "chat" || composer.kind === "offline" ? composer.department : null;
        this.departmentLine.hidden = department === null;
        this.departmentName.textContent = department ? this.strings.departmentChosen(department.name) : "";
        // The offline form says it itself.
        this.nobodyOnline = composer.kind === "chat" && !composer.operatorsAvailable;
        this.availabilityNote.hidden = !this.nobodyOnline || !this.thanksNote.hidden;
        this.updateListVisibility();
        // Follow the visitor's focus into the new controls, but never pull it from the page.
        if (changed && hadFocus) this.focusComposer();
    }

    setOfflineConfirmation(shown: boolean): void {
        this.thanksNote.hidden = !shown;
        // The thanks already say that someone will answer later.
        this.availabilityNote.hidden = !this.nobodyOnline || shown;
    }

    setContactPrompt(state: ContactPrompt): void {
        const form = this.contactForm.element;
        const root = this.host.shadowRoot;
        const hadFocus = !!root?.activeElement && form.contains(root.activeElement);
        const appears = state === "form" && form.hidden;
        if (appears) this.contactForm.restart();
        form.hidden = state !== "form";
        // The list just got shorter: keep the operator's latest words in sight.
        if (appears) this.scrollToEnd();
        this.contactThanks.hidden = state !== "thanks";
        // Sent or put away: the visitor carries on in the chat input.
        if (hadFocus && form.hidden) this.focusComposer();
    }

    setRatingThanks(shown: boolean): void {
        this.ratingThanks.hidden = !shown;
    }

    setCanEnd(canEnd: boolean): void {
        this.endButton.hidden = !canEnd;
    }

    setOperatorTyping(typing: boolean): void {
        this.typing.hidden = !typing;
    }

    setConnection(note: string | null): void {
        this.connectionNote.hidden = note === null;
        this.connectionNote.textContent = note ?? "";
    }

    setUnread(count: number): void {
        this.badge.hidden = count === 0;
        this.badge.textContent = count > 9 ? "9+" : String(count);
    }

    flash(note: string): void {
        window.clearTimeout(this.flashTimer);
        this.flashNote.textContent = note;
        this.flashNote.hidden = false;
        this.flashTimer = window.setTimeout(() => (this.flashNote.hidden = true), 5_000);
    }

    showRedirecting(): void {
        this.redirectNote.textContent = this.strings.redirecting;
        this.redirectNote.hidden = false;
    }

    /** Before a conversation, the choice and the offline form get the room ("Ask us anything" says nothing there). */
    private updateListVisibility(): void {
        this.list.hidden = !this.hasMessages && this.composerKind !== "chat";
    }

    private composerArea(): HTMLElement[] {
        // The end button counts: once the chat ends there, the focus follows into the rating.
        return [this.chatForm, this.departmentLine, this.departmentChoice.element, this.offlineForm.element, this.ratingForm.element, this.endButton];
    }

    private focusComposer(): void {
        if (this.window.hidden) return;
        if (this.composerKind === "choose") this.departmentChoice.focus();
        else if (this.composerKind === "offline") this.offlineForm.focus();
        else if (this.composerKind === "rate") this.ratingForm.focus();
        else if (this.composerKind === "chat") this.input.focus();
    }

    private submit(): void {
        if (this.handlers.onSend(this.input.value)) {
            this.input.value = "";
            this.handlers.onInput(false);
        }
        this.input.focus();
    }

    private createItem(): HTMLLIElement {
        const item = el("li", "cw-message", { "data-testid": "concierge-message" });
        item.append(
            el("div", "cw-bubble", { "data-testid": "concierge-message-text" }),
            el("div", "cw-bubble cw-file", { "data-testid": "concierge-message-file" }),
            el("div", "cw-meta"),
        );
        return item;
    }

    private updateItem(item: HTMLLIElement, message: ShownMessage): void {
        item.dataset.author = message.author;
        item.dataset.state = message.state;
        if (message.id !== null) item.dataset.id = String(message.id);
        const [bubble, fileBox, meta] = Array.from(item.children) as HTMLElement[];
        const text = this.displayText(message);
        this.files.render(fileBox, message.cid, message.file, message.upload);
        // A system line we have no words for (a newer server's event) is kept but not shown.
        item.hidden = text === "" && !message.file;
        bubble.hidden = text === "";
        if (bubble.textContent !== text) bubble.textContent = text;
        const s = this.strings;
        let who = "";
        if (message.author === "visitor") who = s.you;
        else if (message.author === "operator") who = message.authorName || s.operator;
        const status = message.state === "sending" ? s.stateSending : message.state === "failed" ? s.stateFailed : timeOf(message.at);
        meta.textContent = [who, status].filter(Boolean).join(" · ");
    }

    /**
     * Transfers, take-overs and bans reach the visitor without text (and what an operator wrote about
     * them is never for the visitor): the widget says them neutrally. The other action lines get the
     * widget's words only when they come without text.
     */
    private displayText(message: ShownMessage): string {
        if (message.author !== "system") return message.text;
        const s = this.strings;
        switch (message.event) {
            case "transfer":
            case "takeover":
                return s.passedOn;
            case "ban":
                return s.endedLine;
            case "contact.requested":
                return message.text || s.contactRequestedLine;
            case "contact.given":
                return message.text || s.contactGivenLine;
            case "rating":
                return message.text || s.ratingLine;
            case "redirect":
                return message.text || s.redirectLine;
            case "transcript.sent":
            case "email.sent":
            case "email.failed":
                return ""; // operator-only lines: the server keeps them from visitors, and so does the widget
            default:
                return message.text;
        }
    }

    private scrollToEnd(): void {
        this.list.scrollTop = this.list.scrollHeight;
    }
}
