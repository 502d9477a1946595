// SPDX-License-Identifier: GPL-3.0-or-later
// What the browser tests share: where the binaries are, child processes whose output can be awaited,
// the server on a fresh state folder, Chromium with the flags this machine needs, the failure
// screenshots and logs, and a bare operator client speaking the wire protocol (docs/protocol.md) to
// check what the server stored, independently of the client engine.
//
//   CONCIERGE_SERVER_BIN        path to concierge-server
//   CONCIERGE_OPERATOR_BOT_BIN  path to concierge-test-operator-bot
//   CONCIERGE_SHARE_DIR         folder holding widget/widget.js and demo/ (<build>/share/concierge)
//   CONCIERGE_E2E_ARTIFACTS     where screenshots and logs go (default /tmp)

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// playwright-core is a devDependency of the widget, installed from its lock file.
export const requireFromWidget = createRequire(path.join(repoRoot, 'widget', 'package.json'));

const devBuild = path.join(repoRoot, 'build', 'dev');
export const serverBin = process.env.CONCIERGE_SERVER_BIN || path.join(devBuild, 'server', 'concierge-server');
export const botBin = process.env.CONCIERGE_OPERATOR_BOT_BIN
    || path.join(devBuild, 'tests', 'e2e', 'concierge-test-operator-bot');
export const shareDir = process.env.CONCIERGE_SHARE_DIR || path.join(devBuild, 'share', 'concierge');
export const artifacts = process.env.CONCIERGE_E2E_ARTIFACTS || '/tmp';

export const WAIT_MS = 20_000; // the longest any single step may take

/** Without the networking flags Chromium keeps trying hosts this machine cannot reach. */
export const BROWSER_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A child process whose output lines are kept (for waiting on them and for the failure log). */
export class Child {
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

    /** Every stdout line so far. */
    outLines() {
        return this.lines.filter((l) => l.startsWith('[out] ')).map((l) => l.slice(6));
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

/** The demo operators' password (--demo-password) and that of the operators the tests make. */
export const PASSWORD = 'e2e-secret';

/** Fails early, and says which variable to set, when a binary or the widget bundle is not built. */
export function requireBuilt({ bot = false } = {}) {
    const needed = [[serverBin, 'concierge-server (CONCIERGE_SERVER_BIN)'],
        ...(bot ? [[botBin, 'the operator bot (CONCIERGE_OPERATOR_BOT_BIN)']] : []),
        [path.join(shareDir, 'widget', 'widget.js'), 'the widget bundle (CONCIERGE_SHARE_DIR)']];
    for (const [file, what] of needed) {
        assert.ok(existsSync(file), `${what} not found at ${file} (see the head of e2e_support.mjs)`);
    }
}

/** A fresh, empty server state folder; the caller removes it. */
export function newStateDir(testName) {
    return mkdtempSync(path.join(tmpdir(), `concierge-e2e-${testName}-`));
}

/** Runs `concierge-server admin …` on the state folder (before the server starts); returns its output. */
export function adminCli(stateDir, ...args) {
    return execFileSync(serverBin, ['admin', '--state-dir', stateDir, ...args], { encoding: 'utf8' });
}

/**
 * Starts the server with the demo seed on a free port, with `extraArgs` (e.g. ['--max-file-mb', '1']).
 * Returned at once, so that the caller holds it (to stop it, and to kill it on exit) even if it never
 * comes up; then await listeningUrl().
 */
export function startServer(stateDir, extraArgs = []) {
    return new Child('concierge-server', serverBin, [
        '--listen', '127.0.0.1', '--port', '0', '--state-dir', stateDir, '--share-dir', shareDir,
        '--seed-demo', '--demo-password', PASSWORD, ...extraArgs,
    ]);
}

/** The server's base address (http://127.0.0.1:PORT) once it says it is listening. */
export async function listeningUrl(server) {
    const [, url] = await server.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    return url;
}

/** The WebSocket address of an endpoint (`operator`, `visitor`) of the server at `baseUrl`. */
export const wsUrl = (baseUrl, endpoint) => `${baseUrl.replace(/^http/, 'ws')}/v1/${endpoint}`;

const { chromium } = requireFromWidget('playwright-core');

/** Debian's headless Chromium. */
export function launchChromium() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS, timeout: WAIT_MS });
}

export async function closeBrowser(browser) {
    try {
        await browser?.close();
    } catch { /* already gone */ }
}

/** A visitor's own storage, in the given browser language (Chromium's default without one). */
export async function newVisitorContext(browser, locale) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(locale ? { locale } : {}) });
    context.setDefaultTimeout(WAIT_MS);
    return context;
}

/** Keeps a tab's script errors (for the assertions) and console lines (for the failure log). */
export function watchTab(tab, pageErrors, consoleLines) {
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    return tab;
}

export const consoleLog = (consoleLines) => `--- browser console ---\n${consoleLines.join('\n')}`;

/**
 * Screenshots into the artifacts folder, named `<prefix>-<name>.png`, and withDiagnostics(name, body),
 * which runs a test body and on failure saves a screenshot and `logs()` (the processes' and browser's
 * output), adds the logs to the error and fails. `page()` gives the tab to shoot, if any yet.
 */
export function diagnostics(prefix, { page, logs, screenshotOnSuccess = false }) {
    async function screenshot(name) {
        const tab = page();
        if (!tab) return;
        try {
            mkdirSync(artifacts, { recursive: true });
            await tab.screenshot({ path: path.join(artifacts, `${prefix}-${name}.png`), timeout: 5_000 });
        } catch (error) {
            console.error(`screenshot ${name} failed: ${error.message}`);
        }
    }

    async function withDiagnostics(name, body) {
        try {
            await body();
            if (screenshotOnSuccess) await screenshot(name);
        } catch (error) {
            await screenshot(`${name}-failure`);
            const text = logs().filter(Boolean).join('\n');
            try {
                writeFileSync(path.join(artifacts, `${prefix}-${name}-failure.log`), text);
            } catch { /* best effort */ }
            error.message += `\n${text}`;
            throw error;
        }
    }

    return { screenshot, withDiagnostics };
}

/** Polls `check` (an async function returning a truthy value when done) until it holds. */
export async function waitUntil(what, check, timeoutMs = WAIT_MS) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** A pattern matching exactly `text` (for Playwright's hasText filters). */
export const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

// Node 22 has a global WebSocket; Node 20 only behind a flag, so fall back to the `ws` that
// playwright-core bundles (its `lib/utilsBundle` is an exported entry point).
const WebSocketClass = globalThis.WebSocket ?? requireFromWidget('playwright-core/lib/utilsBundle').ws;

/**
 * A bare operator connection: `hello` with a password, requests by `rid`, events kept in order.
 * Only for checking the server from the outside; the real client is the bot.
 */
export class RawOperator {
    static async login(url, email, password, protocol = '1.1') {
        const op = new RawOperator(url);
        await op.opened;
        const hello = await op.request('hello', { protocol, auth: { email, password } });
        op.hello = hello;
        const snapshot = structuredClone(hello.snapshot ?? {});
        const parts = hello.snapshotParts ?? 1;
        for (let part = 2; part <= parts; ++part) {
            const frame = await op.waitFor((f) => f.type === 'snapshot.part' && f.part === part);
            for (const [key, list] of Object.entries(frame.data ?? {})) {
                if (Array.isArray(list)) snapshot[key] = (snapshot[key] ?? []).concat(list);
            }
        }
        op.snapshot = snapshot;
        return op;
    }

    constructor(url) {
        this.frames = [];
        this.waiters = [];
        this.nextRid = 1;
        this.socket = new WebSocketClass(url);
        this.opened = new Promise((resolve, reject) => {
            this.socket.onopen = () => resolve();
            this.socket.onerror = () => reject(new Error(`cannot connect to ${url}`));
        });
        this.socket.onmessage = (e) => {
            const frame = JSON.parse(String(e.data));
            this.frames.push(frame);
            for (const waiter of [...this.waiters]) {
                if (waiter.test(frame)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(frame);
                }
            }
        };
    }

    /** Resolves with the first frame (already received or to come) for which `test` is true. */
    waitFor(test, timeoutMs = WAIT_MS) {
        const seen = this.frames.find(test);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
            const waiter = { test, resolve };
            const timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(-2000)}`));
            }, timeoutMs);
            waiter.resolve = (frame) => { clearTimeout(timer); resolve(frame); };
            this.waiters.push(waiter);
        });
    }

    /** Sends a request; resolves with the result `data`, rejects with an Error carrying `code`. */
    async request(type, fields = {}) {
        const rid = `raw-${this.nextRid++}`;
        this.socket.send(JSON.stringify({ ...fields, type, rid }));
        const answer = await this.waitFor((f) => f.rid === rid && (f.type === 'result' || f.type === 'error'));
        if (answer.type === 'error') {
            const error = new Error(`${type} refused: ${answer.code} ${answer.message ?? ''}`);
            error.code = answer.code;
            throw error;
        }
        return answer.data ?? {};
    }

    close() {
        try {
            this.socket.close();
        } catch { /* already closed */ }
    }
}

/**
 * A bare visitor connection on `/v1/visitor` (same frame handling as RawOperator): `hello` with a
 * visitor token, to check what the server allows a visitor whatever the widget shows.
 */
export class RawVisitor extends RawOperator {
    static async connect(url, visitorToken, protocol = '1.2') {
        const visitor = new RawVisitor(url);
        await visitor.opened;
        visitor.hello = await visitor.request('hello', { protocol, visitorToken });
        return visitor;
    }
}
