// SPDX-License-Identifier: GPL-3.0-or-later
// The assigned operator's face in the chat header (docs/protocol.md, "Operator profile": the dialog's
// `operatorAvatarUrl`): their picture from the server, or their initials when they have none or it
// does not load. Decorative: the subtitle beside it names the operator.

import { el } from "./dom";
import { serverUrl } from "./page";

/** "Anna Smith" → "AS", "anna" → "A", "" → "". */
export function initialsOf(name: string): string {
    const words = name.trim().split(/\s+/).filter(Boolean);
    const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return letters.map((w) => Array.from(w)[0].toUpperCase()).join("");
}

export class OperatorAvatar {
    readonly element: HTMLElement;
    private readonly picture: HTMLImageElement;
    private readonly initials: HTMLElement;
    private shownUrl: string | null = null;

    constructor(private readonly origin: string) {
        this.element = el("div", "cw-avatar", { "aria-hidden": "true", "data-testid": "concierge-operator-avatar" });
        this.picture = el("img", "cw-avatar-picture", { alt: "", "data-testid": "concierge-operator-picture" });
        this.initials = el("span", "cw-avatar-initials", { "data-testid": "concierge-operator-initials" });
        // A picture that cannot be shown (deleted, offline) leaves the initials.
        this.picture.addEventListener("error", () => {
            this.picture.hidden = true;
            this.initials.hidden = false;
        });
        this.picture.hidden = true;
        this.element.append(this.picture, this.initials);
        this.element.hidden = true;
    }

    /** The operator the visitor is talking to, or null: no avatar. */
    set(operator: { name: string; avatarUrl: string | null | undefined } | null): void {
        if (!operator || !operator.name) {
            this.element.hidden = true;
            return;
        }
        this.element.hidden = false;
        this.initials.textContent = initialsOf(operator.name);
        const url = serverUrl(this.origin, operator.avatarUrl);
        if (url === this.shownUrl) return; // unchanged: no reload, and an error already seen stays seen
        this.shownUrl = url;
        this.picture.hidden = url === null;
        this.initials.hidden = url !== null;
        if (url === null) this.picture.removeAttribute("src");
        else this.picture.src = url;
    }
}
