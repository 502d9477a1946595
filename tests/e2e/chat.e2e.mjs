// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: a real visitor (headless Debian Chromium driven by playwright-core) on the demo site,
// the real concierge-server, and a real operator (concierge-test-operator-bot, built on the client
// engine) that answers every visitor message with "Echo: <text>".
//
//   CONCIERGE_SERVER_BIN        path to concierge-server
//   CONCIERGE_OPERATOR_BOT_BIN  path to concierge-test-operator-bot
//   CONCIERGE_SHARE_DIR         folder holding widget/widget.js and demo/ (<build>/share/concierge)
//   CONCIERGE_E2E_ARTIFACTS     where screenshots and logs go (default /tmp)
//
// Run: node --test tests/e2e/chat.e2e.mjs

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// playwright-core is a devDependency of the widget, installed from its lock file.
const requireFromWidget = createRequire(path.join(repoRoot, 'widget', 'package.json'));
const { chromium } = requireFromWidget('playwright-core');

const WAIT_MS = 20_000; // the longest any single step may take
const TEST_MS = 90_000;
const PASSWORD = 'e2e-secret';
const BROWSER_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const devBuild = path.join(repoRoot, 'build', 'dev');
const serverBin = process.env.CONCIERGE_SERVER_BIN || path.join(devBuild, 'server', 'concierge-server');
const botBin = process.env.CONCIERGE_OPERATOR_BOT_BIN
    || path.join(devBuild, 'tests', 'e2e', 'concierge-test-operator-bot');
const shareDir = process.env.CONCIERGE_SHARE_DIR || path.join(devBuild, 'share', 'concierge');
const artifacts = process.env.CONCIERGE_E2E_ARTIFACTS || '/tmp';

/** A child process whose output lines are kept (for waiting on them and for the failure log). */
class Child {
    constructor(name, bin, args) {
        this.name = name;
        this.lines = [];
        this.waiters = [];
        this.exited = null;
        this.proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        this.proc.on('error', (error) => this.onExit(`spawn error: ${error.message}`));
        this.proc.on('exit', (code, signal) => this.onExit(`exited (code ${code}, signal ${signal})`));
        for (const [stream, tag] of [[this.proc.stdout, 'out'], [this.proc.stderr, 'err']]) {
            // Both pipes are drained for the whole run, so the child never blocks on a full pipe.
            readline.createInterface({ input: stream }).on('line', (line) => this.onLine(tag, line));
        }
    }

    onLine(tag, line) {
        this.lines.push(`[${tag}] ${line}`);
        if (tag !== 'out') return;
        for (const waiter of [...this.waiters]) {
            const match = waiter.pattern.exec(line);
            if (match) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(match);
            }
        }
    }

    onExit(how) {
        if (this.exited) return;
        this.exited = how;
        for (const waiter of this.waiters.splice(0)) {
            waiter.reject(new Error(`${this.name} ${how} before printing ${waiter.pattern}\n${this.log()}`));
        }
    }

    /** Resolves with the match of the first stdout line matching `pattern`. */
    waitForLine(pattern, timeoutMs = WAIT_MS) {
        for (const line of this.lines) {
            const match = line.startsWith('[out] ') ? pattern.exec(line.slice(6)) : null;
            if (match) return Promise.resolve(match);
        }
        if (this.exited) return Promise.reject(new Error(`${this.name} ${this.exited}\n${this.log()}`));
        return new Promise((resolve, reject) => {
            const waiter = { pattern, resolve, reject };
            const timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                reject(new Error(`${this.name} printed no line matching ${pattern} in ${timeoutMs} ms\n${this.log()}`));
            }, timeoutMs);
            waiter.resolve = (m) => { clearTimeout(timer); resolve(m); };
            waiter.reject = (e) => { clearTimeout(timer); reject(e); };
            this.waiters.push(waiter);
        });
    }

    log() {
        return `--- ${this.name} output ---\n${this.lines.join('\n')}\n--- end of ${this.name} output ---`;
    }

    /** SIGTERM, then SIGKILL if it has not gone within 5 s. */
    async stop() {
        if (this.exited || this.proc.exitCode !== null || this.proc.pid === undefined) return;
        const gone = new Promise((resolve) => this.proc.once('exit', resolve));
        this.proc.kill('SIGTERM');
        const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
    }

    killNow() {
        if (!this.exited && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
}

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
