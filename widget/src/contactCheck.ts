// SPDX-License-Identifier: GPL-3.0-or-later
// Checks of the offline form, before anything is sent. The server needs an email or a phone
// (docs/protocol.md, `offline.request`); the format checks only catch typing slips, so they are
// deliberately loose (no attempt at full RFC 5322).

import { MAX_TEXT_LENGTH, OfflineRequest } from "./protocol";

export type OfflineField = "name" | "email" | "phone" | "text";
export type ContactProblem = "needContact" | "badEmail" | "badPhone" | "needMessage" | "tooLong";

export interface FieldProblem {
    field: OfflineField;
    problem: ContactProblem;
}

export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PHONE_LENGTH = 40;
const MIN_PHONE_DIGITS = 6;

export function isPlausibleEmail(email: string): boolean {
    return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

export function isPlausiblePhone(phone: string): boolean {
    if (!/^\+?[\d\s().-]+$/.test(phone)) return false;
    return phone.replace(/\D/g, "").length >= MIN_PHONE_DIGITS;
}

/** The request with surrounding blanks removed (what is checked is what is sent). */
export function tidyRequest(request: OfflineRequest): OfflineRequest {
    return {
        name: request.name.trim(),
        email: request.email.trim(),
        phone: request.phone.trim(),
        text: request.text.replace(/\s+$/, "").replace(/^\s*\n/, ""),
    };
}

/** Every problem of a tidied request, in the order of the form's fields; empty when it may be sent. */
export function checkOfflineRequest(request: OfflineRequest): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (!request.email && !request.phone) {
        problems.push({ field: "email", problem: "needContact" });
    }
    if (request.email && !isPlausibleEmail(request.email)) problems.push({ field: "email", problem: "badEmail" });
    if (request.phone && !isPlausiblePhone(request.phone)) problems.push({ field: "phone", problem: "badPhone" });
    if (!request.text.trim()) problems.push({ field: "text", problem: "needMessage" });
    else if (request.text.length > MAX_TEXT_LENGTH) problems.push({ field: "text", problem: "tooLong" });
    return problems;
}
