// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's side of the dialog actions (docs/protocol.md, "Dialog actions"): what the widget
// remembers about them and which form or note they call for. Chat owns the requests; this decides.
// - A contact request shows its form while that dialog is open, until answered or put away.
// - A close seen by this tab (the operator's, the visitor's own, or one missed while the tab was
//   away) asks for a rating, once per dialog across tabs; a dialog found closed in a fresh tab's
//   snapshot, or closed by a ban, does not.
// - A banned visitor gets none of them.

import type { VisitorDialog } from "./protocol";
import type { ChatMessage, SessionCache } from "./storage";
import type { ContactPrompt } from "./ui";

type ActionsCache = Pick<SessionCache, "banned" | "contactDialogId" | "contactThanks" | "ratingDialogId" | "ratingThanksDialogId">;

const idOrNull = (value: unknown): number | null => (typeof value === "number" ? value : null);

export class DialogActions {
    /** The server said this visitor is banned: a neutral notice instead of the chat; nothing is sent. */
    banned = false;
    /** The open dialog whose operator asked for contact details, while the form is shown. */
    contactDialogId: number | null = null;
    contactThanks = false;
    /** The closed dialog the widget asks to rate. */
    ratingDialogId: number | null = null;
    /** The dialog just rated, while the "thank you" is shown. */
    ratingThanksDialogId: number | null = null;

    load(cache: ActionsCache): void {
        this.banned = cache.banned === true;
        this.contactDialogId = idOrNull(cache.contactDialogId);
        this.contactThanks = cache.contactThanks === true;
        this.ratingDialogId = idOrNull(cache.ratingDialogId);
        this.ratingThanksDialogId = idOrNull(cache.ratingThanksDialogId);
    }

    toCache(): ActionsCache {
        return {
            banned: this.banned,
            contactDialogId: this.contactDialogId,
            contactThanks: this.contactThanks,
            ratingDialogId: this.ratingDialogId,
            ratingThanksDialogId: this.ratingThanksDialogId,
        };
    }

    /** Every form and note goes away (a new visitor, or a ban). */
    clearForms(): void {
        this.contactDialogId = this.ratingDialogId = this.ratingThanksDialogId = null;
        this.contactThanks = false;
    }

    /** A dialog's new state; `before` is what the tab knew of it (or of the previous dialog). */
    noteDialog(before: VisitorDialog | null, next: VisitorDialog): void {
        if (next.state !== "closed") return;
        if (!this.banned && !(before && before.id === next.id && before.state === "closed")) {
            this.ratingDialogId = next.id;
            this.ratingThanksDialogId = null;
        }
        this.contactDialogId = null;
        this.contactThanks = false;
    }

    contactRequested(dialogId: number | null): void {
        if (this.banned) return;
        this.contactDialogId = dialogId;
        this.contactThanks = false;
    }

    contactSent(): void {
        this.contactDialogId = null;
        this.contactThanks = true;
    }

    contactPrompt(dialogOpen: boolean): ContactPrompt {
        if (this.banned || !dialogOpen) return "none";
        if (this.contactDialogId !== null) return "form";
        return this.contactThanks ? "thanks" : "none";
    }

    /** `ratedUpTo`: the newest dialog rated or skipped in any tab. */
    ratingAsked(dialog: VisitorDialog | null, messages: readonly ChatMessage[], ratedUpTo: number): boolean {
        const id = this.ratingDialogId;
        if (id === null || this.banned || dialog?.id !== id || dialog.state !== "closed" || id <= ratedUpTo) return false;
        // A dialog ended by a ban is not rated (should the ban be lifted later).
        return !messages.some((m) => m.dialogId === id && m.author === "system" && m.event === "ban");
    }

    ratingThanksShown(dialog: VisitorDialog | null, sending: boolean): boolean {
        const id = this.ratingThanksDialogId;
        return !this.banned && !sending && id !== null && dialog?.id === id && dialog.state === "closed";
    }
}
