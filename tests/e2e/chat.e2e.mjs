// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: a real visitor (headless Debian Chromium driven by playwright-core) on the demo site,
// the real concierge-server, and a real operator (concierge-test-operator-bot, built on the client
// engine) that answers every visitor message with "Echo: <text>".
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/chat.e2e.mjs

import { mkdtempSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
    artifacts, botBin, BROWSER_ARGS, Child, requireFromWidget, serverBin, shareDir, WAIT_MS,
} from './e2e_support.mjs';

const { chromium } = requireFromWidget('playwright-core');

const TEST_MS = 90_000;
const PASSWORD = 'e2e-secret';

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

function requireFile(file, what) {
    assert.ok(existsSync(file), `${what} not found at ${file} (set the environment variable; see the head of this file)`);
}

async function screenshot(name) {
    if (!page) return;
    try {
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: path.join(artifacts, `e2e-${name}.png`), timeout: 5_000 });
    } catch (error) {
        console.error(`screenshot ${name} failed: ${error.message}`);
    }
}

/** Runs a test body; on failure saves a screenshot and the processes' output, then fails. */
async function withDiagnostics(name, body) {
    try {
        await body();
        await screenshot(name);
    } catch (error) {
        await screenshot(`${name}-failure`);
        const logs = [server?.log(), bot?.log(), `--- browser console ---\n${consoleLines.join('\n')}`]
            .filter(Boolean).join('\n');
        try {
            writeFileSync(path.join(artifacts, `e2e-${name}-failure.log`), logs);
        } catch { /* best effort */ }
        error.message += `\n${logs}`;
        throw error;
    }
}

async function newTab() {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    return tab;
}

const widget = () => page.locator('#concierge-widget');
const input = () => page.locator('[data-testid=concierge-input]');

/** The bubble of a message by author and exact text. */
function bubble(author, text, state) {
    const stateSel = state ? `[data-state=${state}]` : '';
    return page
        .locator(`[data-testid=concierge-message][data-author=${author}]${stateSel} [data-testid=concierge-message-text]`)
        .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
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
    requireFile(serverBin, 'concierge-server (CONCIERGE_SERVER_BIN)');
    requireFile(botBin, 'the operator bot (CONCIERGE_OPERATOR_BOT_BIN)');
    requireFile(path.join(shareDir, 'widget', 'widget.js'), 'the widget bundle (CONCIERGE_SHARE_DIR)');
    stateDir = mkdtempSync(path.join(tmpdir(), 'concierge-e2e-'));

    server = new Child('concierge-server', serverBin, [
        '--listen', '127.0.0.1', '--port', '0', '--state-dir', stateDir, '--share-dir', shareDir,
        '--seed-demo', '--demo-password', PASSWORD,
    ]);
    const [, url] = await server.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    baseUrl = url;

    bot = new Child('operator-bot', botBin, [
        '--url', `${baseUrl.replace(/^http/, 'ws')}/v1/operator`,
        '--email', 'demo@example.com', '--password', PASSWORD, '--reply-prefix', 'Echo: ',
    ]);
    await bot.waitForLine(/^READY\b/);

    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS, timeout: WAIT_MS,
    });
    // One context for both tests: the second one checks what the first left in the visitor's storage.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(WAIT_MS);
    page = await newTab();
});

after(async () => {
    try {
        await browser?.close();
    } catch { /* already gone */ }
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
