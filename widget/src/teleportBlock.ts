// SPDX-License-Identifier: GPL-3.0-or-later
// The page block for phone support (docs/protocol.md, "Teleport"): a site puts
// `<div class="concierge-teleport"></div>` on a page and the widget fills it with a button that gets a
// six-digit code (`teleport.code`). The visitor reads it out on the phone and the operator finds them
// by it. Every click asks for a new code; the server then forgets the old one.
// The block has its own shadow root, like the chat, so the site's CSS cannot break it; it inherits the
// site's font and colour, and `--concierge-accent` on the page sets its button colour.

import { el } from "./dom";
import type { Strings } from "./strings";

export const TELEPORT_SELECTOR = "div.concierge-teleport";

export interface TeleportCode {
    code: string;
    /** Seconds the code stays valid. */
    expiresIn: number;
}

/** What asking for a code gave: a code, or why there is none. */
export type CodeOutcome = TeleportCode | "connecting" | "unavailable" | "failed";

const DEFAULT_EXPIRES_IN = 600;

/** The `teleport.code` result, or null when it is not one. */
export function parseTeleportCode(data: unknown): TeleportCode | null {
    const d = data as Partial<TeleportCode> | null;
    if (!d || typeof d !== "object" || typeof d.code !== "string" || !/^\d{4,12}$/.test(d.code)) return null;
    const expiresIn = typeof d.expiresIn === "number" && d.expiresIn > 0 ? d.expiresIn : DEFAULT_EXPIRES_IN;
    return { code: d.code, expiresIn };
}

/** "482913" → "482 913": groups of three are easier to read out and to type. */
export function groupCode(code: string): string {
    return code.replace(/(\d{3})(?=\d)/g, "$1 ");
}

const STYLES = `
:host { display: block; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.ct-intro { margin: 0 0 12px; }
.ct-button {
  font: 600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  padding: 10px 18px; border-radius: 8px; cursor: pointer;
  border: 2px solid var(--concierge-accent, #2d6a4f); background: var(--concierge-accent, #2d6a4f); color: #fff;
}
.ct-button:hover { filter: brightness(.88); }
.ct-button:focus-visible { outline: 3px solid #95d5b2; outline-offset: 2px; }
.ct-button[aria-disabled="true"] { opacity: .65; cursor: default; }
.ct-secondary { background: transparent; color: var(--concierge-accent, #2d6a4f); }
.ct-label { margin: 0; font-size: 14px; opacity: .8; }
.ct-code {
  margin: 2px 0 6px; font: 700 44px/1.1 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  letter-spacing: .06em; font-variant-numeric: tabular-nums; white-space: nowrap;
}
.ct-expired .ct-code { text-decoration: line-through; opacity: .45; }
.ct-valid { margin: 0 0 12px; font-size: 14px; }
.ct-error { margin: 8px 0 0; font-size: 14px; color: #c92a2a; }
.ct-spoken { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function timeOf(date: Date): string {
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export class TeleportBlock {
    private readonly shadow: ShadowRoot;
    private readonly getButton: HTMLButtonElement;
    private readonly result: HTMLElement;
    private readonly codeText: HTMLElement;
    private readonly spokenText: HTMLElement;
    private readonly validText: HTMLElement;
    private readonly newButton: HTMLButtonElement;
    private readonly error: HTMLElement;
    private busy = false;
    private expiryTimer: number | undefined;

    constructor(
        host: HTMLElement,
        private readonly strings: Strings,
        /** Asks the server for a new code (which replaces the last one). */
        private readonly getCode: () => Promise<CodeOutcome>,
    ) {
        this.shadow = host.attachShadow({ mode: "open" });
        const style = document.createElement("style");
        style.textContent = STYLES;
        const block = el("div", "ct-block", { "data-testid": "concierge-teleport" });

        const intro = el("p", "ct-intro");
        intro.textContent = strings.teleportIntro;
        this.getButton = el("button", "ct-button", { type: "button", "data-testid": "concierge-teleport-get" });
        this.getButton.textContent = strings.teleportGet;
        this.getButton.addEventListener("click", () => void this.ask(this.getButton));

        this.result = el("div", "ct-result", { role: "status", "data-testid": "concierge-teleport-result" });
        this.result.hidden = true;
        const label = el("p", "ct-label", { "aria-hidden": "true" });
        label.textContent = strings.teleportCodeLabel;
        const code = el("p", "ct-code");
        // Seen as "482 913"; heard digit by digit.
        this.codeText = el("span", "", { "aria-hidden": "true", "data-testid": "concierge-teleport-code" });
        this.spokenText = el("span", "ct-spoken");
        code.append(this.codeText, this.spokenText);
        this.validText = el("p", "ct-valid", { "data-testid": "concierge-teleport-valid" });
        this.newButton = el("button", "ct-button ct-secondary", { type: "button", "data-testid": "concierge-teleport-new" });
        this.newButton.textContent = strings.teleportNew;
        this.newButton.addEventListener("click", () => void this.ask(this.newButton));
        this.result.append(label, code, this.validText, this.newButton);

        this.error = el("p", "ct-error", { role: "alert", "data-testid": "concierge-teleport-error" });
        this.error.hidden = true;

        block.append(intro, this.getButton, this.result, this.error);
        this.shadow.append(style, block);
    }

    private async ask(button: HTMLButtonElement): Promise<void> {
        if (this.busy) return;
        this.busy = true;
        // Not `disabled`: that would drop the focus.
        button.setAttribute("aria-disabled", "true");
        if (button === this.getButton) button.textContent = this.strings.teleportGetting;
        try {
            this.show(await this.getCode().catch((): CodeOutcome => "failed"));
        } finally {
            this.busy = false;
            button.removeAttribute("aria-disabled");
            this.getButton.textContent = this.strings.teleportGet;
        }
    }

    private show(outcome: CodeOutcome): void {
        const s = this.strings;
        if (typeof outcome === "string") {
            // What was shown before stays: a failed "New code" leaves the last code, which still works.
            this.error.textContent =
                outcome === "connecting" ? s.teleportConnecting : outcome === "unavailable" ? s.teleportUnavailable : s.teleportFailed;
            this.error.hidden = false;
            return;
        }
        this.error.hidden = true;
        const hadFocus = this.shadow.activeElement === this.getButton;
        this.codeText.textContent = groupCode(outcome.code);
        this.spokenText.textContent = s.teleportCodeSpoken(outcome.code.split("").join(" "));
        const minutes = Math.max(1, Math.round(outcome.expiresIn / 60));
        this.validText.textContent = s.teleportValid(minutes, timeOf(new Date(Date.now() + outcome.expiresIn * 1000)));
        this.result.classList.remove("ct-expired");
        this.result.hidden = false;
        this.getButton.hidden = true;
        if (hadFocus) this.newButton.focus();
        window.clearTimeout(this.expiryTimer);
        this.expiryTimer = window.setTimeout(() => {
            this.result.classList.add("ct-expired");
            this.validText.textContent = s.teleportExpired;
        }, outcome.expiresIn * 1000);
    }
}

/** Fills every teleport block of the page that is still empty of a shadow root. */
export function mountTeleportBlocks(strings: Strings, getCode: () => Promise<CodeOutcome>): TeleportBlock[] {
    const blocks: TeleportBlock[] = [];
    for (const host of Array.from(document.querySelectorAll<HTMLElement>(TELEPORT_SELECTOR))) {
        if (host.shadowRoot) continue; // filled already (the tag pasted twice)
        blocks.push(new TeleportBlock(host, strings, getCode));
    }
    return blocks;
}
