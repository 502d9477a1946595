// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: a real visitor (headless Debian Chromium driven by playwright-core) on the demo site,
// the real concierge-server, and a real operator (concierge-test-operator-bot, built on the client
// engine) that answers every visitor message with "Echo: <text>".
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/chat.e2e.mjs

import { rmSync } from 'node:fs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
    botBin, Child, closeBrowser, consoleLog, diagnostics, exactly, launchChromium, listeningUrl, newStateDir,
    newVisitorContext, PASSWORD, requireBuilt, startServer, WAIT_MS, watchTab, wsUrl,
} from './e2e_support.mjs';

const TEST_MS = 90_000;

let stateDir;
let server;
let bot;
let browser;
let context;
let page;
let baseUrl;
const pageErrors = [];
const consoleLines = [];

// If the runner dies before after() runs, do not leave a server or bot behind.
process.on('exit', () => {
    bot?.killNow();
    server?.killNow();
});

// Unlike the other browser tests, this one also keeps a screenshot of each test that passes.
const { withDiagnostics } = diagnostics('e2e', {
    page: () => page,
    logs: () => [server?.log(), bot?.log(), consoleLog(consoleLines)],
    screenshotOnSuccess: true,
});

const newTab = async () => watchTab(await context.newPage(), pageErrors, consoleLines);

const widget = () => page.locator('#concierge-widget');
const input = () => page.locator('[data-testid=concierge-input]');

/** The bubble of a message by author and exact text. */
function bubble(author, text, state) {
    const stateSel = state ? `[data-state=${state}]` : '';
    return page
        .locator(`[data-testid=concierge-message][data-author=${author}]${stateSel} [data-testid=concierge-message-text]`)
        .filter({ hasText: exactly(text) });
}

/** Every message the widget shows, read straight from its shadow root. */
function shownMessages() {
    return page.evaluate(() => {
        const root = document.getElementById('concierge-widget')?.shadowRoot;
        if (!root) return [];
        return Array.from(root.querySelectorAll('[data-testid=concierge-message]'), (li) => ({
            author: li.getAttribute('data-author'),
            state: li.getAttribute('data-state'),
            text: li.querySelector('[data-testid=concierge-message-text]')?.textContent ?? '',
        }));
    });
}

function visitorToken() {
    return page.evaluate(() => window.localStorage.getItem('concierge.visitorToken'));
}

/** Opens the chat window unless it is open already (the widget remembers it per tab). */
async function openChat() {
    await widget().waitFor({ state: 'attached', timeout: WAIT_MS });
    if (!(await input().isVisible())) {
        await page.locator('[data-testid=concierge-open]').click({ timeout: WAIT_MS });
    }
    await input().waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function sendMessage(text) {
    await input().fill(text, { timeout: WAIT_MS });
    await input().press('Enter', { timeout: WAIT_MS });
}

async function expectExchange(text) {
    await bubble('operator', `Echo: ${text}`).waitFor({ state: 'visible', timeout: WAIT_MS });
    await bubble('visitor', text, 'sent').waitFor({ state: 'visible', timeout: WAIT_MS });
}

function assertEachOnce(messages, expected) {
    for (const [author, text] of expected) {
        const copies = messages.filter((m) => m.author === author && m.text === text).length;
        assert.equal(copies, 1, `expected exactly one ${author} message "${text}", found ${copies}: ${JSON.stringify(messages)}`);
    }
}

before(async () => {
    requireBuilt({ bot: true });
    stateDir = newStateDir('chat');

    server = startServer(stateDir);
    baseUrl = await listeningUrl(server);

    bot = new Child('operator-bot', botBin, [
        '--url', wsUrl(baseUrl, 'operator'),
        '--email', 'demo@example.com', '--password', PASSWORD, '--reply-prefix', 'Echo: ',
    ]);
    await bot.waitForLine(/^READY\b/);

    browser = await launchChromium();
    // One context for both tests: the second one checks what the first left in the visitor's storage.
    context = await newVisitorContext(browser);
    page = await newTab();
});

after(async () => {
    await closeBrowser(browser);
    await Promise.all([bot?.stop(), server?.stop()]);
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('a visitor message reaches the operator and the reply comes back', { timeout: TEST_MS }, async () => {
    await withDiagnostics('first-message', async () => {
        await page.goto(`${baseUrl}/demo/index.html?utm_source=e2e`, { timeout: WAIT_MS });
        await openChat();
        await sendMessage('Hello from the browser');
        await expectExchange('Hello from the browser');
        assert.ok(await visitorToken(), 'the visitor token is stored in localStorage');
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});

test('the conversation survives a reload and a page change, without duplicates', { timeout: TEST_MS }, async () => {
    await withDiagnostics('resume', async () => {
        const token = await visitorToken();
        assert.ok(token, 'the first test left a visitor token');

        await page.reload({ timeout: WAIT_MS });
        await openChat();
        await bubble('visitor', 'Hello from the browser', 'sent').waitFor({ state: 'visible', timeout: WAIT_MS });
        await bubble('operator', 'Echo: Hello from the browser').waitFor({ state: 'visible', timeout: WAIT_MS });
        assert.equal(await visitorToken(), token, 'same visitor after a reload');

        await Promise.all([
            page.waitForURL('**/demo/pricing.html', { timeout: WAIT_MS }),
            page.locator('nav a[href="pricing.html"]').click({ timeout: WAIT_MS }),
        ]);
        await openChat();
        await bubble('operator', 'Echo: Hello from the browser').waitFor({ state: 'visible', timeout: WAIT_MS });
        assert.equal(await visitorToken(), token, 'same visitor on another page');

        await sendMessage('Second message from pricing');
        await expectExchange('Second message from pricing');

        const expected = [
            ['visitor', 'Hello from the browser'],
            ['operator', 'Echo: Hello from the browser'],
            ['visitor', 'Second message from pricing'],
            ['operator', 'Echo: Second message from pricing'],
        ];
        assertEachOnce(await shownMessages(), expected);

        // A new tab has no per-tab cache: it shares only the token and rebuilds the conversation
        // from the server's snapshot, which must hold each message exactly once as well.
        const firstTab = page;
        page = await newTab();
        await page.goto(`${baseUrl}/demo/contact.html`, { timeout: WAIT_MS });
        await firstTab.close();
        await openChat();
        await bubble('operator', 'Echo: Second message from pricing').waitFor({ state: 'visible', timeout: WAIT_MS });
        const afterReload = await shownMessages();
        assertEachOnce(afterReload, expected);
        assert.ok(afterReload.every((m) => m.state === 'sent'), `all messages sent: ${JSON.stringify(afterReload)}`);
        assert.equal(await visitorToken(), token, 'still the same visitor');
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});
