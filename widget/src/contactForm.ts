// SPDX-License-Identifier: GPL-3.0-or-later
// The contact form an operator asks for (`contact.requested`): name, email and phone, an email or a
// phone required, checked inline like the offline form. It stands above the chat input, which stays
// usable: the visitor may answer, keep chatting, or put the form away ("Not now").

import { checkContact, tidyContact } from "./contactCheck";
import { ContactFields } from "./contactFields";
import { el } from "./dom";
import type { ContactDetails } from "./protocol";
import type { Strings } from "./strings";

export class ContactForm {
    readonly element: HTMLFormElement;
    private readonly fields: ContactFields;
    private readonly sendButton: HTMLButtonElement;
    private triedToSend = false;
    private sending = false;

    constructor(
        strings: Strings,
        /** Resolves true once the server has the details; false keeps the form as it is. */
        private readonly onSubmit: (details: ContactDetails) => Promise<boolean>,
        onDismiss: () => void,
    ) {
        this.element = el("form", "cw-panel cw-contact", {
            novalidate: "",
            "aria-labelledby": "cw-contact-intro",
            "data-testid": "concierge-contact-form",
        });
        const intro = el("p", "cw-panel-intro", { id: "cw-contact-intro" });
        intro.textContent = strings.contactIntro;
        this.fields = new ContactFields(strings, "contact");

        this.sendButton = el("button", "cw-send", { type: "submit", "data-testid": "concierge-contact-send" });
        this.sendButton.textContent = strings.contactSend;
        const later = el("button", "cw-secondary", { type: "button", "data-testid": "concierge-contact-dismiss" });
        later.textContent = strings.contactDismiss;
        later.addEventListener("click", () => onDismiss());
        const buttons = el("div", "cw-panel-buttons");
        buttons.append(this.sendButton, later);

        this.element.append(intro, ...this.fields.elements(), buttons);
        this.element.addEventListener("submit", (e) => {
            e.preventDefault();
            void this.submit();
        });
        this.element.addEventListener("input", () => {
            if (this.triedToSend) this.showProblems();
        });
    }

    focus(): void {
        const { name, email } = this.fields.fields;
        (name.control.value ? email : name).control.focus();
    }

    /** A new request: what was typed before stays (it is probably still right), old errors go. */
    restart(): void {
        this.triedToSend = false;
        this.fields.showProblems([]);
    }

    private details(): ContactDetails {
        return tidyContact(this.fields.values());
    }

    private showProblems(): HTMLElement | null {
        const first = this.fields.showProblems(checkContact(this.details()));
        return first ? this.fields.fields[first].control : null;
    }

    private async submit(): Promise<void> {
        if (this.sending) return;
        this.triedToSend = true;
        const firstProblem = this.showProblems();
        if (firstProblem) {
            firstProblem.focus();
            return;
        }
        this.sending = true;
        // Not `disabled`: that would drop the focus, which should follow on once the form is done.
        this.sendButton.setAttribute("aria-disabled", "true");
        try {
            if (await this.onSubmit(this.details())) this.triedToSend = false;
        } finally {
            this.sending = false;
            this.sendButton.removeAttribute("aria-disabled");
        }
    }
}
