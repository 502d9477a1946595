// SPDX-License-Identifier: GPL-3.0-or-later
// Checks of the offline form and of the contact form, before anything is sent. The server needs an
// email or a phone (docs/protocol.md, `offline.request` and "Dialog actions"); the format checks only
// catch typing slips, so they are deliberately loose (no attempt at full RFC 5322), but never accept
// what the server refuses (a phone holds digits, spaces and `+-()` only).

import { ContactDetails, MAX_TEXT_LENGTH, OfflineRequest } from "./protocol";

export type ContactField = "name" | "email" | "phone";
export type OfflineField = ContactField | "text";
export type ContactProblem = "needContact" | "badEmail" | "badPhone" | "needMessage" | "tooLong";

export interface FieldProblem<Field extends string = OfflineField> {
    field: Field;
    problem: ContactProblem;
}

/** The server keeps at most 200 characters of each contact field (and refuses longer ones from the contact form). */
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 200;
export const MAX_PHONE_LENGTH = 40;
const MIN_PHONE_DIGITS = 6;

export function isPlausibleEmail(email: string): boolean {
    return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

export function isPlausiblePhone(phone: string): boolean {
    if (!/^\+?[\d ()-]+$/.test(phone)) return false;
    return phone.replace(/\D/g, "").length >= MIN_PHONE_DIGITS;
}

/** The details with surrounding blanks removed (what is checked is what is sent). */
export function tidyContact(details: ContactDetails): ContactDetails {
    return { name: details.name.trim(), email: details.email.trim(), phone: details.phone.trim() };
}

/** The request with surrounding blanks removed (what is checked is what is sent). */
export function tidyRequest(request: OfflineRequest): OfflineRequest {
    return {
        ...tidyContact(request),
        text: request.text.replace(/\s+$/, "").replace(/^\s*\n/, ""),
    };
}

/** Every problem of tidied contact details, in the order of the fields; empty when they may be sent. */
export function checkContact(details: ContactDetails): FieldProblem<ContactField>[] {
    const problems: FieldProblem<ContactField>[] = [];
    if (!details.email && !details.phone) {
        problems.push({ field: "email", problem: "needContact" });
    }
    if (details.email && !isPlausibleEmail(details.email)) problems.push({ field: "email", problem: "badEmail" });
    if (details.phone && !isPlausiblePhone(details.phone)) problems.push({ field: "phone", problem: "badPhone" });
    return problems;
}

/** Every problem of a tidied request, in the order of the form's fields; empty when it may be sent. */
export function checkOfflineRequest(request: OfflineRequest): FieldProblem[] {
    const problems: FieldProblem[] = checkContact(request);
    if (!request.text.trim()) problems.push({ field: "text", problem: "needMessage" });
    else if (request.text.length > MAX_TEXT_LENGTH) problems.push({ field: "text", problem: "tooLong" });
    return problems;
}
