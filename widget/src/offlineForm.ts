// SPDX-License-Identifier: GPL-3.0-or-later
// The offline form: shown instead of the chat input when nobody is online for this visitor. Name,
// email, phone and message; an email or a phone is required. Problems are shown under their field
// (linked with aria-describedby, the field marked aria-invalid) once the visitor tries to send, and
// follow every edit from then on. What was typed survives the form being hidden and shown again
// (someone came online and left again), and is cleared only when the request has been stored.

import { checkOfflineRequest, ContactProblem, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PHONE_LENGTH, OfflineField, tidyRequest } from "./contactCheck";
import { el } from "./dom";
import { MAX_TEXT_LENGTH, OfflineRequest } from "./protocol";
import type { Strings } from "./strings";

interface Field {
    control: HTMLInputElement | HTMLTextAreaElement;
    error: HTMLElement;
}

export class OfflineForm {
    readonly element: HTMLFormElement;
    private readonly fields: Record<OfflineField, Field>;
    private readonly sendButton: HTMLButtonElement;
    private readonly contactHint: HTMLElement;
    /** "An email or a phone is needed" concerns both boxes, so it stands under both, in the hint's place. */
    private readonly contactError: HTMLElement;
    private triedToSend = false;
    private sending = false;

    constructor(
        private readonly strings: Strings,
        /** Resolves true once the request is stored; false keeps the form as it is. */
        private readonly onSubmit: (request: OfflineRequest) => Promise<boolean>,
    ) {
        this.element = el("form", "cw-offline", { novalidate: "", "data-testid": "concierge-offline-form" });
        const intro = el("p", "cw-offline-intro", { id: "cw-offline-intro" });
        intro.textContent = strings.offlineIntro;
        this.element.setAttribute("aria-describedby", "cw-offline-intro");

        this.contactHint = el("p", "cw-offline-hint", { id: "cw-offline-hint" });
        this.contactHint.textContent = strings.offlineContactHint;
        this.contactError = el("p", "cw-field-error cw-offline-contact-error", {
            id: "cw-offline-contact-error",
            "data-testid": "concierge-offline-contact-error",
        });
        this.contactError.textContent = strings.offlineNeedContact;
        this.contactError.hidden = true;
        const contactNotes = "cw-offline-hint cw-offline-contact-error";

        this.fields = {
            name: this.makeField("name", strings.offlineName, el("input", "cw-field-input", {
                type: "text", autocomplete: "name", maxlength: String(MAX_NAME_LENGTH),
            })),
            email: this.makeField("email", strings.offlineEmail, el("input", "cw-field-input", {
                type: "email", autocomplete: "email", inputmode: "email", maxlength: String(MAX_EMAIL_LENGTH),
            }), contactNotes),
            phone: this.makeField("phone", strings.offlinePhone, el("input", "cw-field-input", {
                type: "tel", autocomplete: "tel", maxlength: String(MAX_PHONE_LENGTH),
            }), contactNotes),
            text: this.makeField("text", strings.offlineMessage, el("textarea", "cw-field-input cw-field-text", {
                rows: "3", maxlength: String(MAX_TEXT_LENGTH),
            })),
        };

        this.sendButton = el("button", "cw-send cw-offline-send", { type: "submit", "data-testid": "concierge-offline-send" });
        this.sendButton.textContent = strings.offlineSend;

        this.element.append(
            intro,
            this.wrapperOf("name"),
            this.wrapperOf("email"),
            this.wrapperOf("phone"),
            this.contactHint,
            this.contactError,
            this.wrapperOf("text"),
            this.sendButton,
        );
        this.element.addEventListener("submit", (e) => {
            e.preventDefault();
            void this.submit();
        });
        this.element.addEventListener("input", () => {
            if (this.triedToSend) this.showProblems();
        });
    }

    focus(): void {
        const empty = (["name", "email", "text"] as const).find((f) => !this.fields[f].control.value);
        this.fields[empty ?? "text"].control.focus();
    }

    private makeField(name: OfflineField, label: string, control: HTMLInputElement | HTMLTextAreaElement, noteIds?: string): Field {
        const id = `cw-offline-${name}`;
        control.id = id;
        control.name = name;
        control.setAttribute("data-testid", `concierge-offline-${name}`);
        const error = el("p", "cw-field-error", { id: `${id}-error`, "data-testid": `concierge-offline-${name}-error` });
        error.hidden = true;
        control.setAttribute("aria-describedby", [error.id, noteIds].filter(Boolean).join(" "));
        const caption = el("label", "cw-field-label", { for: id });
        caption.textContent = label;
        const wrapper = el("div", "cw-field");
        wrapper.append(caption, control, error);
        return { control, error };
    }

    private wrapperOf(name: OfflineField): HTMLElement {
        return this.fields[name].control.parentElement as HTMLElement;
    }

    private request(): OfflineRequest {
        return tidyRequest({
            name: this.fields.name.control.value,
            email: this.fields.email.control.value,
            phone: this.fields.phone.control.value,
            text: this.fields.text.control.value,
        });
    }

    private messageFor(problem: ContactProblem): string {
        const s = this.strings;
        switch (problem) {
            case "needContact":
                return s.offlineNeedContact;
            case "badEmail":
                return s.offlineBadEmail;
            case "badPhone":
                return s.offlineBadPhone;
            case "needMessage":
                return s.offlineNeedMessage;
            case "tooLong":
                return s.tooLong;
        }
    }

    /** Shows the current problems under their fields; returns the first field with one, or null. */
    private showProblems(): OfflineField | null {
        const problems = checkOfflineRequest(this.request());
        const needContact = problems.some((p) => p.problem === "needContact");
        this.contactError.hidden = !needContact;
        this.contactHint.hidden = needContact;
        let first: OfflineField | null = null;
        for (const name of Object.keys(this.fields) as OfflineField[]) {
            const field = this.fields[name];
            const problem = problems.find((p) => p.field === name && p.problem !== "needContact");
            const invalid = !!problem || (needContact && (name === "email" || name === "phone"));
            field.error.textContent = problem ? this.messageFor(problem.problem) : "";
            field.error.hidden = !problem;
            if (invalid) field.control.setAttribute("aria-invalid", "true");
            else field.control.removeAttribute("aria-invalid");
            if (invalid && first === null) first = name;
        }
        return first;
    }

    private async submit(): Promise<void> {
        if (this.sending) return;
        this.triedToSend = true;
        const firstProblem = this.showProblems();
        if (firstProblem) {
            this.fields[firstProblem].control.focus();
            return;
        }
        this.sending = true;
        this.sendButton.disabled = true;
        try {
            if (await this.onSubmit(this.request())) {
                // The contact stays for a later request; the message went into the transcript.
                this.fields.text.control.value = "";
                this.triedToSend = false;
            }
        } finally {
            this.sending = false;
            this.sendButton.disabled = false;
        }
    }
}
