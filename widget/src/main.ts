// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point of widget.js. A site adds one tag, `<script src="https://CHAT-HOST/widget.js" async>`;
// the script finds its server from its own address and puts the chat in a shadow root.

import { Chat } from "./chat";
import { serverOrigin } from "./page";
import { loadOpen, saveOpen } from "./storage";
import { pickStrings } from "./strings";
import { mountTeleportBlocks } from "./teleportBlock";
import { Ui } from "./ui";

// Only valid while this script first runs (null in callbacks), so it is read here, at once.
const ownScript = document.currentScript as HTMLScriptElement | null;

declare global {
    interface Window {
        __conciergeWidgetLoaded?: boolean;
    }
}

function boot(): void {
    if (window.__conciergeWidgetLoaded) return; // the tag was pasted twice
    window.__conciergeWidgetLoaded = true;

    const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    const strings = pickStrings(languages);
    const origin = serverOrigin(ownScript);
    let chat: Chat | null = null;
    const ui = new Ui(strings, {
        onSend: (text) => (chat ? chat.send(text) : false),
        onInput: (hasText) => chat?.inputChanged(hasText),
        onOpenChange: (open) => {
            saveOpen(open);
            chat?.setOpen(open);
        },
        onChooseDepartment: (departmentId) => chat?.chooseDepartment(departmentId),
        onOfflineSubmit: (request) => (chat ? chat.sendOfflineRequest(request) : Promise.resolve(false)),
        onContactSubmit: (details) => (chat ? chat.sendContact(details) : Promise.resolve(false)),
        onContactDismiss: () => chat?.dismissContact(),
        onRate: (answer) => (chat ? chat.rate(answer) : Promise.resolve(false)),
        onSkipRating: () => chat?.skipRating(),
        onEndChat: () => chat?.endDialog(),
        onAttach: (files) => chat?.attach(files),
        onCancelUpload: (cid) => chat?.cancelUpload(cid),
        onRetryUpload: (cid) => chat?.retryUpload(cid),
    }, origin);
    chat = new Chat(origin, ui, strings);
    document.body.appendChild(ui.host);
    chat.start();
    if (loadOpen()) ui.setOpen(true);
    // An async script may run before the page has been read to its end, where a block may stand.
    const teleportCode = () => (chat ? chat.teleportCode() : Promise.resolve("failed" as const));
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => mountTeleportBlocks(strings, teleportCode), { once: true });
    } else {
        mountTeleportBlocks(strings, teleportCode);
    }
}

if (document.body) boot();
else document.addEventListener("DOMContentLoaded", boot, { once: true });
