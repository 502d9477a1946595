// SPDX-License-Identifier: GPL-3.0-or-later
// "Is typing" both ways (docs/protocol.md, visitor `typing`): the visitor's own, sent when they start,
// refreshed while they go on and withdrawn after a pause or once the input is empty; and the
// operator's, shown until they stop, reply, or go quiet for too long (a lost "typing: false").

const TYPING_IDLE_MS = 3_000;
const TYPING_REFRESH_MS = 5_000;
const OPERATOR_TYPING_TIMEOUT_MS = 8_000;

export class Typing {
    private sent = false;
    private sentAt = 0;
    private idleTimer: number | undefined;
    private operatorTimer: number | undefined;

    /** `notify` sends the visitor's state; `show` shows or hides the operator's. */
    constructor(private readonly notify: (typing: boolean) => void, private readonly show: (typing: boolean) => void) {}

    /** The visitor edited the input; `hasText` tells whether anything is left in it. */
    inputChanged(hasText: boolean): void {
        window.clearTimeout(this.idleTimer);
        if (!hasText) {
            this.stop();
            return;
        }
        const now = Date.now();
        if (!this.sent || now - this.sentAt > TYPING_REFRESH_MS) {
            this.sent = true;
            this.sentAt = now;
            this.notify(true);
        }
        this.idleTimer = window.setTimeout(() => this.stop(), TYPING_IDLE_MS);
    }

    /** The visitor stopped (sent, emptied the input, paused). */
    stop(): void {
        window.clearTimeout(this.idleTimer);
        if (!this.sent) return;
        this.sent = false;
        this.notify(false);
    }

    /** Nothing more may be sent (a ban): forget the visitor's state without a word, hide the operator's. */
    silence(): void {
        window.clearTimeout(this.idleTimer);
        this.sent = false;
        this.operatorTyping(false);
    }

    operatorTyping(typing: boolean): void {
        window.clearTimeout(this.operatorTimer);
        this.show(typing);
        if (typing) this.operatorTimer = window.setTimeout(() => this.show(false), OPERATOR_TYPING_TIMEOUT_MS);
    }
}
