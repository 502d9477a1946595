// SPDX-License-Identifier: GPL-3.0-or-later
// The offline form: shown instead of the chat input when nobody is online for this visitor. Name,
// email, phone and message; an email or a phone is required. Problems are shown under their field
// once the visitor tries to send, and follow every edit from then on. What was typed survives the
// form being hidden and shown again (someone came online and left again), and is cleared only when
// the request has been stored.

import { checkOfflineRequest, tidyRequest } from "./contactCheck";
import { ContactFields, Field, makeField, problemText, showFieldProblem } from "./contactFields";
import { el } from "./dom";
import { MAX_TEXT_LENGTH, OfflineRequest } from "./protocol";
import type { Strings } from "./strings";

export class OfflineForm {
    readonly element: HTMLFormElement;
    private readonly contact: ContactFields;
    private readonly text: Field;
    private readonly sendButton: HTMLButtonElement;
    private triedToSend = false;
    private sending = false;

    constructor(
        private readonly strings: Strings,
        /** Resolves true once the request is stored; false keeps the form as it is. */
        private readonly onSubmit: (request: OfflineRequest) => Promise<boolean>,
    ) {
        this.element = el("form", "cw-panel cw-offline", { novalidate: "", "data-testid": "concierge-offline-form" });
        const intro = el("p", "cw-panel-intro", { id: "cw-offline-intro" });
        intro.textContent = strings.offlineIntro;
        this.element.setAttribute("aria-describedby", "cw-offline-intro");

        this.contact = new ContactFields(strings, "offline");
        this.text = makeField("offline", "text", strings.offlineMessage, el("textarea", "cw-field-input cw-field-text", {
            rows: "3", maxlength: String(MAX_TEXT_LENGTH),
        }));

        this.sendButton = el("button", "cw-send cw-panel-send", { type: "submit", "data-testid": "concierge-offline-send" });
        this.sendButton.textContent = strings.offlineSend;

        this.element.append(intro, ...this.contact.elements(), this.text.wrapper, this.sendButton);
        this.element.addEventListener("submit", (e) => {
            e.preventDefault();
            void this.submit();
        });
        this.element.addEventListener("input", () => {
            if (this.triedToSend) this.showProblems();
        });
    }

    focus(): void {
        const fields = this.contact.fields;
        const empty = [fields.name, fields.email, this.text].find((f) => !f.control.value);
        (empty ?? this.text).control.focus();
    }

    private request(): OfflineRequest {
        return tidyRequest({ ...this.contact.values(), text: this.text.control.value });
    }

    /** Shows the current problems under their fields; returns the first box with one, or null. */
    private showProblems(): Field | null {
        const problems = checkOfflineRequest(this.request());
        const first = this.contact.showProblems(problems);
        const textProblem = problems.find((p) => p.field === "text");
        showFieldProblem(this.text, textProblem ? problemText(this.strings, textProblem.problem) : null, !!textProblem);
        if (first) return this.contact.fields[first];
        return textProblem ? this.text : null;
    }

    private async submit(): Promise<void> {
        if (this.sending) return;
        this.triedToSend = true;
        const firstProblem = this.showProblems();
        if (firstProblem) {
            firstProblem.control.focus();
            return;
        }
        this.sending = true;
        this.sendButton.disabled = true;
        try {
            if (await this.onSubmit(this.request())) {
                // The contact stays for a later request; the message went into the transcript.
                this.text.control.value = "";
                this.triedToSend = false;
            }
        } finally {
            this.sending = false;
            this.sendButton.disabled = false;
        }
    }
}
