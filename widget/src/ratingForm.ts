// SPDX-License-Identifier: GPL-3.0-or-later
// The rating asked for once a dialog has closed: 1–5 stars and an optional comment, or "Skip".
// The stars are native radio buttons (visually replaced by the star glyphs), so the keyboard works
// as everywhere: Tab reaches the group, the arrow keys move and choose, and a screen reader hears
// "4 of 5". It replaces the chat input until the visitor rates or skips.

import { makeField } from "./contactFields";
import { el } from "./dom";
import { MAX_RATING_COMMENT_LENGTH, RatingAnswer } from "./protocol";
import type { Strings } from "./strings";

export const MAX_SCORE = 5;

export class RatingForm {
    readonly element: HTMLFormElement;
    private readonly stars: HTMLInputElement[] = [];
    private readonly starLabels: HTMLLabelElement[] = [];
    private readonly scoreError: HTMLElement;
    private readonly comment: HTMLTextAreaElement;
    private readonly sendButton: HTMLButtonElement;
    private sending = false;

    constructor(
        strings: Strings,
        /** Resolves true once the rating is stored (the form is then cleared for a later dialog). */
        private readonly onSubmit: (answer: RatingAnswer) => Promise<boolean>,
        private readonly onSkip: () => void,
    ) {
        this.element = el("form", "cw-panel cw-rating", {
            novalidate: "",
            "aria-labelledby": "cw-rating-intro",
            "data-testid": "concierge-rating-form",
        });
        const intro = el("p", "cw-panel-intro", { id: "cw-rating-intro" });
        intro.textContent = strings.ratingIntro;

        this.scoreError = el("p", "cw-field-error", { id: "cw-rating-score-error", "data-testid": "concierge-rating-score-error" });
        this.scoreError.textContent = strings.ratingNeedScore;
        this.scoreError.hidden = true;
        const group = el("div", "cw-stars", {
            role: "radiogroup",
            "aria-labelledby": "cw-rating-intro",
            "aria-describedby": this.scoreError.id,
            "data-testid": "concierge-rating-stars",
        });
        for (let score = 1; score <= MAX_SCORE; ++score) {
            const input = el("input", "cw-star-input", {
                type: "radio",
                name: "cw-rating-score",
                id: `cw-rating-star-${score}`,
                value: String(score),
                "aria-label": strings.ratingStar(score, MAX_SCORE),
                "data-testid": "concierge-rating-star",
            });
            const label = el("label", "cw-star", { for: input.id, "aria-hidden": "true", title: strings.ratingStar(score, MAX_SCORE) });
            label.textContent = "★";
            label.addEventListener("mouseenter", () => this.paint(score));
            input.addEventListener("change", () => {
                this.scoreError.hidden = true;
                this.paint(this.score());
            });
            this.stars.push(input);
            this.starLabels.push(label);
            group.append(input, label);
        }
        group.addEventListener("mouseleave", () => this.paint(this.score()));

        const comment = makeField("rating", "comment", strings.ratingComment, el("textarea", "cw-field-input cw-field-text", {
            rows: "2", maxlength: String(MAX_RATING_COMMENT_LENGTH),
        }));
        this.comment = comment.control as HTMLTextAreaElement;

        this.sendButton = el("button", "cw-send", { type: "submit", "data-testid": "concierge-rating-send" });
        this.sendButton.textContent = strings.ratingSend;
        const skip = el("button", "cw-secondary", { type: "button", "data-testid": "concierge-rating-skip" });
        skip.textContent = strings.ratingSkip;
        skip.addEventListener("click", () => {
            this.clear();
            this.onSkip();
        });
        const buttons = el("div", "cw-panel-buttons");
        buttons.append(this.sendButton, skip);

        this.element.append(intro, group, this.scoreError, comment.wrapper, buttons);
        this.element.addEventListener("submit", (e) => {
            e.preventDefault();
            void this.submit();
        });
    }

    /** Focus goes to the chosen star, else the first: from there the arrow keys choose. */
    focus(): void {
        (this.stars[this.score() - 1] ?? this.stars[0]).focus();
    }

    private score(): number {
        const checked = this.stars.find((s) => s.checked);
        return checked ? Number(checked.value) : 0;
    }

    /** Lights the stars up to `score` (the chosen one, or the one under the pointer). */
    private paint(score: number): void {
        this.starLabels.forEach((label, index) => label.classList.toggle("cw-star-on", index < score));
    }

    private clear(): void {
        for (const star of this.stars) star.checked = false;
        this.comment.value = "";
        this.scoreError.hidden = true;
        this.paint(0);
    }

    private async submit(): Promise<void> {
        if (this.sending) return;
        const score = this.score();
        if (score === 0) {
            this.scoreError.hidden = false;
            this.stars[0].focus();
            return;
        }
        this.sending = true;
        // Not `disabled`: that would drop the focus, which should follow on once the form is done.
        this.sendButton.setAttribute("aria-disabled", "true");
        try {
            if (await this.onSubmit({ score, comment: this.comment.value.trim() })) this.clear();
        } finally {
            this.sending = false;
            this.sendButton.removeAttribute("aria-disabled");
        }
    }
}
