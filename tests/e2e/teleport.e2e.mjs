// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the teleport as the visitor lives it (docs/protocol.md, "Teleport"). A real visitor
// (headless Debian Chromium, playwright-core) on the demo site of a real concierge-server; the operator
// side is a bare operator connection (RawOperator, protocol 1.2) sending what the app would send.
//
// 1. Redirect: the operator's visitor.redirect sends the visitor's tab (chat closed) from page A to
//    page B, after a visible "Opening a page for you…"; a `javascript:` address (and other non-http
//    ones) is refused by the server and the tab stays; with the chat open and a dialog going, the tab
//    moves too, and the chat on the new page shows the line about it.
// 2. Teleport code: the contact page's block gives a six-digit code, shown grouped ("482 913") with
//    its validity; the operator's teleport.find with it returns this visitor; "New code" makes the old
//    code unknown and the new one found; the operator then redirects the visitor found by the code.
// 3. The same in Russian.
// 4. The widget's own check: a redirect event whose address was changed on the way (the socket routed
//    through the test) to javascript:, data: or a relative address is ignored; an http one still works.
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/teleport.e2e.mjs

import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
    closeBrowser, consoleLog, diagnostics, launchChromium, listeningUrl, newStateDir, newVisitorContext, PASSWORD,
    RawOperator, requireBuilt, startServer, waitUntil, watchTab, wsUrl as serverWsUrl,
} from './e2e_support.mjs';

const TEST_MS = 150_000;
const OPERATOR_EMAIL = 'demo@example.com'; // made by --seed-demo: a plain operator, in Sales
// The widget waits 1.2 s (redirect.ts) before it opens the page; a refused redirect has had time by then.
const REDIRECT_SETTLE_MS = 2_500;

let stateDir;
let server;
let baseUrl;
let browser;
let context;
let page;
let op;
const pageErrors = [];
const consoleLines = [];

process.on('exit', () => server?.killNow());

const wsUrl = (endpoint) => serverWsUrl(baseUrl, endpoint);
const demo = (file, query = '') => `${baseUrl}/demo/${file}${query}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { screenshot, withDiagnostics } = diagnostics('e2e-teleport', {
    page: () => page,
    logs: () => [server?.log(), consoleLog(consoleLines)],
});

/** A fresh visitor: its own browser context (storage), in the given browser language. */
async function newVisitor(locale) {
    await context?.close();
    context = await newVisitorContext(browser, locale);
    page = watchTab(await context.newPage(), pageErrors, consoleLines);
}

const byTestId = (id) => page.locator(`[data-testid=${id}]`);

/** Opens `url` in the visitor's tab and returns the visitor id the operator sees on that page. */
async function visit(url) {
    await page.goto(url);
    await page.locator('#concierge-widget').waitFor({ state: 'attached' });
    return seenOn(url);
}

/** The id of the visitor whose current page the operator is told is `url` (a page.view). */
async function seenOn(url) {
    const frame = await op.waitFor((f) => f.type === 'event' && f.name === 'visitor.updated'
        && f.data.visitor.currentPage?.url === url);
    return frame.data.visitor.id;
}

/** The redirect note is shown, and the tab then arrives at `url`, seen by the operator as the same visitor. */
async function redirected(visitorId, from, url, screenshotName) {
    const note = byTestId('concierge-redirecting');
    await note.waitFor({ state: 'visible' });
    // Shown on the page the visitor is leaving, before it goes.
    assert.equal(page.url(), from, 'the note comes before the page changes');
    const text = await note.textContent();
    if (screenshotName) await screenshot(screenshotName);
    await page.waitForURL(url);
    assert.equal(page.url(), url, 'the same tab opened the operator\'s page');
    assert.equal(await seenOn(url), visitorId, 'the same visitor, now on the new page');
    return text;
}

/** Shows what the operator would type: the code as the visitor reads it out. */
async function shownCode() {
    const text = await byTestId('concierge-teleport-code').textContent();
    assert.match(text, /^\d{3} \d{3}$/, 'six digits, grouped in threes');
    return text;
}

async function refusedCode(code) {
    await assert.rejects(op.request('teleport.find', { code }), (error) => error.code === 'not_found',
        `the code ${code} no longer finds anyone`);
}

before(async () => {
    requireBuilt();
    stateDir = newStateDir('teleport');
    server = startServer(stateDir);
    baseUrl = await listeningUrl(server);
    browser = await launchChromium();
    op = await RawOperator.login(wsUrl('operator'), OPERATOR_EMAIL, PASSWORD, '1.2');
    await op.request('status.set', { status: 'online' });
});

after(async () => {
    op?.close();
    await closeBrowser(browser);
    await server?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('the operator sends the visitor\'s tab to another page; addresses that are not http(s) are refused',
    { timeout: TEST_MS }, async () => {
        await withDiagnostics('redirect', async () => {
            await newVisitor('en-US');
            const pageA = demo('index.html', `?visit=${randomUUID()}`);
            const visitorId = await visit(pageA);
            assert.equal(await byTestId('concierge-window').isVisible(), false, 'the chat is closed');
            assert.equal(await byTestId('concierge-redirecting').isVisible(), false, 'no note before a redirect');

            const pageB = demo('pricing.html', '?from=operator');
            await op.request('visitor.redirect', { visitorId, url: pageB });
            const note = await redirected(visitorId, pageA, pageB, 'redirecting');
            assert.equal(note, 'Opening a page for you…');
            assert.equal(await byTestId('concierge-window').isVisible(), false, 'the chat stays closed');

            for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<p>Hi</p>', '/demo/contact.html',
                'ftp://example.com/file']) {
                await assert.rejects(op.request('visitor.redirect', { visitorId, url }),
                    (error) => error.code === 'bad_request', `${url} is refused`);
            }
            await sleep(REDIRECT_SETTLE_MS);
            assert.equal(page.url(), pageB, 'the tab stays where it was');
            assert.equal(await byTestId('concierge-redirecting').isVisible(), false, 'no note for a refused address');

            // With the chat open and a dialog going, the tab moves all the same, and the chat carries on.
            await byTestId('concierge-open').click();
            const input = byTestId('concierge-input');
            await input.fill('Can you show me the contact page?');
            await input.press('Enter');
            const asked = await op.waitFor((f) => f.type === 'event' && f.name === 'message.new'
                && f.data.message.text === 'Can you show me the contact page?');
            const { dialogId } = asked.data.message;
            await op.request('message.send', { dialogId, cid: randomUUID(), text: 'Of course, here it is.' });
            const pageC = demo('contact.html', '?from=chat');
            await op.request('visitor.redirect', { visitorId, url: pageC });
            await redirected(visitorId, pageB, pageC, 'redirecting-chat-open');
            await byTestId('concierge-window').waitFor({ state: 'visible' });
            const line = page
                .locator('[data-testid=concierge-message][data-author=system]:not([hidden]) [data-testid=concierge-message-text]')
                .filter({ hasText: /^The operator opened a page for you\.$/ });
            await line.waitFor({ state: 'visible' });
            await screenshot('redirected-chat-open');
            const { messages } = await op.request('history.get', { dialogId });
            const lines = messages.filter((m) => m.event === 'redirect');
            assert.equal(lines.length, 1, `one redirect line in the history (none for the visit before the chat): ${JSON.stringify(lines)}`);
            assert.equal(lines[0].meta.url, pageC);
            assert.deepEqual(pageErrors, [], 'no script errors on the page');
        });
    });

test('a code from the page block finds the visitor; a new code replaces it; the operator redirects by it',
    { timeout: TEST_MS }, async () => {
        await withDiagnostics('code', async () => {
            await newVisitor('en-US');
            const contact = demo('contact.html', `?visit=${randomUUID()}`);
            const visitorId = await visit(contact);
            const get = byTestId('concierge-teleport-get');
            await get.waitFor({ state: 'visible' });
            assert.equal(await get.textContent(), 'Get a code for phone support');
            assert.equal(await byTestId('concierge-teleport-code').isVisible(), false, 'no code before asking');
            await page.locator('.phone-support').scrollIntoViewIfNeeded();
            await screenshot('block');

            await get.click();
            const codeText = byTestId('concierge-teleport-code');
            await codeText.waitFor({ state: 'visible' });
            const first = await shownCode();
            assert.match(await byTestId('concierge-teleport-valid').textContent(),
                /^Valid for 10 minutes, until \d{1,2}:\d{2}( [AP]M)?\.$/);
            assert.equal(await get.isVisible(), false, 'the button made way for the code');
            await screenshot('code');

            // The operator types it as heard, with the space or without.
            const found = await op.request('teleport.find', { code: first });
            assert.equal(found.visitor.id, visitorId, 'the code finds this visitor');
            assert.equal(found.visitor.currentPage.url, contact, 'on the page with the block');
            assert.equal((await op.request('teleport.find', { code: first.replace(' ', '') })).visitor.id, visitorId);

            await byTestId('concierge-teleport-new').click();
            const second = await waitUntil('a new code is shown', async () => {
                const text = await codeText.textContent();
                return text !== first && text;
            });
            assert.match(second, /^\d{3} \d{3}$/);
            await refusedCode(first);
            const again = await op.request('teleport.find', { code: second });
            assert.equal(again.visitor.id, visitorId, 'the new code finds the visitor');
            await screenshot('new-code');

            const target = demo('pricing.html', '?from=code');
            await op.request('visitor.redirect', { visitorId: again.visitor.id, url: target });
            await redirected(visitorId, contact, target);
            assert.deepEqual(pageErrors, [], 'no script errors on the page');
        });
    });

test('in a Russian browser the block and the note speak Russian', { timeout: TEST_MS }, async () => {
    await withDiagnostics('russian', async () => {
        await newVisitor('ru-RU');
        const contact = demo('contact.html', `?visit=${randomUUID()}`);
        await page.goto(contact);
        const get = byTestId('concierge-teleport-get');
        await get.waitFor({ state: 'visible' });
        assert.equal(await get.textContent(), 'Получить код для поддержки по телефону');
        // At once, maybe before the widget has connected: the block waits for the connection.
        await get.click();
        const visitorId = await seenOn(contact);
        await byTestId('concierge-teleport-code').waitFor({ state: 'visible' });
        const code = await shownCode();
        assert.match(await byTestId('concierge-teleport-valid').textContent(), /^Действует 10 минут, до \d{1,2}:\d{2}\.$/);
        assert.equal(await byTestId('concierge-teleport-new').textContent(), 'Новый код');
        await page.locator('.phone-support').scrollIntoViewIfNeeded();
        await screenshot('ru-code');

        const { visitor } = await op.request('teleport.find', { code });
        assert.equal(visitor.id, visitorId);
        const target = demo('index.html', '?from=ru');
        await op.request('visitor.redirect', { visitorId, url: target });
        assert.equal(await redirected(visitorId, contact, target, 'ru-redirecting'), 'Открываем для вас страницу…');
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});

test('the widget opens only http(s) addresses, even if the server sent something else', { timeout: TEST_MS }, async () => {
    await withDiagnostics('widget-check', async () => {
        await newVisitor('en-US');
        // The visitor socket goes through the test, which changes the address of marked redirect events.
        const REWRITE = 'rewrite-to=';
        let rewritten = 0;
        await context.routeWebSocket(/\/v1\/visitor$/, (ws) => {
            const upstream = ws.connectToServer();
            ws.onMessage((message) => upstream.send(message));
            upstream.onMessage((message) => {
                const frame = JSON.parse(String(message));
                const url = frame.type === 'event' && frame.name === 'redirect' ? frame.data.url : '';
                const marker = url.indexOf(REWRITE);
                if (marker >= 0) {
                    frame.data.url = decodeURIComponent(url.slice(marker + REWRITE.length));
                    ++rewritten;
                }
                ws.send(JSON.stringify(frame));
            });
        });
        const start = demo('index.html', `?visit=${randomUUID()}`);
        const visitorId = await visit(start);
        const bad = ['javascript:window.__teleported=true', 'data:text/html,<p>Hi</p>', '/demo/contact.html',
            '//example.com/', 'ftp://example.com/file', ' javascript:window.__teleported=true'];
        for (const url of bad) {
            await op.request('visitor.redirect', {
                visitorId, url: demo('contact.html', `?${REWRITE}${encodeURIComponent(url)}`),
            });
        }
        await waitUntil('every changed event reached the page', async () => rewritten === bad.length);
        await sleep(REDIRECT_SETTLE_MS);
        assert.equal(page.url(), start, 'the tab stays where it was');
        assert.equal(await byTestId('concierge-redirecting').isVisible(), false, 'no note for those addresses');
        assert.equal(await page.evaluate(() => window.__teleported), undefined, 'no script ran');

        // The same route lets a good address through unchanged: the check above could have failed.
        const target = demo('pricing.html', '?from=route');
        await op.request('visitor.redirect', { visitorId, url: target });
        await redirected(visitorId, start, target);
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});
