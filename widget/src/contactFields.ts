// SPDX-License-Identifier: GPL-3.0-or-later
// Name, email and phone boxes with inline errors, shared by the offline form and the contact form.
// Problems are shown under their field (linked with aria-describedby, the field marked aria-invalid);
// "an email or a phone is needed" concerns both boxes, so it stands under both, in the hint's place.
// Ids and test ids are `cw-<prefix>-<field>` and `concierge-<prefix>-<field>`.

import { ContactField, ContactProblem, FieldProblem, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PHONE_LENGTH } from "./contactCheck";
import { el } from "./dom";
import type { ContactDetails } from "./protocol";
import type { Strings } from "./strings";

export interface Field {
    control: HTMLInputElement | HTMLTextAreaElement;
    error: HTMLElement;
    wrapper: HTMLElement;
}

/** A labelled box with its (hidden) error line; `noteIds` are further elements that describe it. */
export function makeField(
    prefix: string,
    name: string,
    label: string,
    control: HTMLInputElement | HTMLTextAreaElement,
    noteIds?: string,
): Field {
    const id = `cw-${prefix}-${name}`;
    control.id = id;
    control.name = name;
    control.setAttribute("data-testid", `concierge-${prefix}-${name}`);
    const error = el("p", "cw-field-error", { id: `${id}-error`, "data-testid": `concierge-${prefix}-${name}-error` });
    error.hidden = true;
    control.setAttribute("aria-describedby", [error.id, noteIds].filter(Boolean).join(" "));
    const caption = el("label", "cw-field-label", { for: id });
    caption.textContent = label;
    const wrapper = el("div", "cw-field");
    wrapper.append(caption, control, error);
    return { control, error, wrapper };
}

/** Marks one field as the problem says (null: fine). */
export function showFieldProblem(field: Field, text: string | null, invalid: boolean): void {
    field.error.textContent = text ?? "";
    field.error.hidden = text === null;
    if (invalid) field.control.setAttribute("aria-invalid", "true");
    else field.control.removeAttribute("aria-invalid");
}

export function problemText(strings: Strings, problem: ContactProblem): string {
    switch (problem) {
        case "needContact":
            return strings.offlineNeedContact;
        case "badEmail":
            return strings.offlineBadEmail;
        case "badPhone":
            return strings.offlineBadPhone;
        case "needMessage":
            return strings.offlineNeedMessage;
        case "tooLong":
            return strings.tooLong;
    }
}

export class ContactFields {
    readonly fields: Record<ContactField, Field>;
    private readonly hint: HTMLElement;
    private readonly contactError: HTMLElement;

    constructor(private readonly strings: Strings, prefix: string) {
        this.hint = el("p", "cw-contact-hint", { id: `cw-${prefix}-hint` });
        this.hint.textContent = strings.offlineContactHint;
        this.contactError = el("p", "cw-field-error cw-contact-error", {
            id: `cw-${prefix}-contact-error`,
            "data-testid": `concierge-${prefix}-contact-error`,
        });
        this.contactError.textContent = strings.offlineNeedContact;
        this.contactError.hidden = true;
        const notes = `${this.hint.id} ${this.contactError.id}`;

        this.fields = {
            name: makeField(prefix, "name", strings.offlineName, el("input", "cw-field-input", {
                type: "text", autocomplete: "name", maxlength: String(MAX_NAME_LENGTH),
            })),
            email: makeField(prefix, "email", strings.offlineEmail, el("input", "cw-field-input", {
                type: "email", autocomplete: "email", inputmode: "email", maxlength: String(MAX_EMAIL_LENGTH),
            }), notes),
            phone: makeField(prefix, "phone", strings.offlinePhone, el("input", "cw-field-input", {
                type: "tel", autocomplete: "tel", maxlength: String(MAX_PHONE_LENGTH),
            }), notes),
        };
    }

    /** The boxes, the hint and the shared error, in the order they stand in a form. */
    elements(): HTMLElement[] {
        return [this.fields.name.wrapper, this.fields.email.wrapper, this.fields.phone.wrapper, this.hint, this.contactError];
    }

    values(): ContactDetails {
        return {
            name: this.fields.name.control.value,
            email: this.fields.email.control.value,
            phone: this.fields.phone.control.value,
        };
    }

    /** Shows the problems that concern these boxes; returns the first box with one, or null. */
    showProblems(problems: readonly FieldProblem<string>[]): ContactField | null {
        const needContact = problems.some((p) => p.problem === "needContact");
        this.contactError.hidden = !needContact;
        this.hint.hidden = needContact;
        let first: ContactField | null = null;
        for (const name of ["name", "email", "phone"] as const) {
            const problem = problems.find((p) => p.field === name && p.problem !== "needContact");
            const invalid = !!problem || (needContact && name !== "name");
            showFieldProblem(this.fields[name], problem ? problemText(this.strings, problem.problem) : null, invalid);
            if (invalid && first === null) first = name;
        }
        return first;
    }
}
