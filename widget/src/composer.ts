// SPDX-License-Identifier: GPL-3.0-or-later
// What sits under the conversation: the department choice, the offline form or the chat input.
// The rules are docs/protocol.md, "Departments and languages" and "Offline requests":
// - a site with more than one department asks for one before the chat starts;
// - the offline form replaces the input when nobody is Online for this visitor (the chosen
//   department, or without a choice the whole site);
// - an open dialog always keeps the chat input: the server refuses an offline request beside it,
//   and what the visitor writes there reaches the operator as soon as one looks.
// And "Dialog actions": a banned visitor gets a neutral notice and no controls at all; after a close
// the rating takes the input's place until the visitor rates or skips.

import type { Department } from "./protocol";

export type Composer =
    | { kind: "choose"; departments: readonly Department[] }
    /** `department`: the visitor's choice, which may be changed for one where someone is online. */
    | { kind: "offline"; department: Department | null }
    /** `department`: the visitor's choice, which may still be changed (no dialog yet). */
    | { kind: "chat"; department: Department | null; operatorsAvailable: boolean }
    /** The dialog just closed: stars and a comment, or skip. */
    | { kind: "rate" }
    /** The visitor is banned: "Chat is not available.", nothing to send with. */
    | { kind: "banned" };

export interface ComposerInputs {
    departments: readonly Department[];
    chosenDepartmentId: number | null;
    /** A dialog is open, or a message that will open one is on its way. */
    dialogOpen: boolean;
    /** Someone is Online for the site as a whole (`operators.available`). */
    operatorsAvailable: boolean;
    /** The server said this visitor is banned. */
    banned?: boolean;
    /** The widget asks for a rating of the dialog that just closed. */
    askRating?: boolean;
}

/** The chosen department, when the site offers a choice and it still exists. */
export function chosenDepartment(inputs: Pick<ComposerInputs, "departments" | "chosenDepartmentId">): Department | null {
    if (inputs.departments.length < 2 || inputs.chosenDepartmentId === null) return null;
    return inputs.departments.find((d) => d.id === inputs.chosenDepartmentId) ?? null;
}

export function decideComposer(inputs: ComposerInputs): Composer {
    if (inputs.banned) return { kind: "banned" };
    if (inputs.askRating && !inputs.dialogOpen) return { kind: "rate" };
    const chosen = chosenDepartment(inputs);
    if (inputs.dialogOpen) {
        const available = chosen ? chosen.available : inputs.operatorsAvailable;
        return { kind: "chat", department: null, operatorsAvailable: available };
    }
    if (inputs.departments.length > 1) {
        if (!chosen) return { kind: "choose", departments: inputs.departments };
        if (!chosen.available) return { kind: "offline", department: chosen };
        return { kind: "chat", department: chosen, operatorsAvailable: true };
    }
    if (!inputs.operatorsAvailable) return { kind: "offline", department: null };
    return { kind: "chat", department: null, operatorsAvailable: true };
}
