// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: files and the operator's avatar as the visitor lives them (docs/protocol.md, "Files" and
// "Operator profile"). A real visitor (headless Debian Chromium, playwright-core) on the demo site of a
// real concierge-server started with `--max-file-mb 1`; the operator side is a bare operator connection
// (RawOperator, protocol 1.3) plus the operator's HTTP uploads made from node with fetch and the
// session token of its hello.
//
// 1. Visitor → operator: a PDF chosen through the paper clip's file chooser reaches the operator as a
//    message.new with the file (name, size, type sniffed from the content); the visitor's line becomes
//    the stored file. A file dropped on the chat window and a pasted picture go the same way; a name
//    that looks like markup is shown as text.
// 2. Operator → visitor: a picture and a shell script; the visitor sees the thumbnail, the links (to
//    the server, `download`, `rel=noopener`) and the warning on the script; clicking downloads the
//    right bytes under the right name and the page stays where it is.
// 3. The operator's avatar in the widget header (initials before it is set).
// 4. A file over the limit: the visitor reads why (with the limit), in English and Russian, and the
//    operator receives nothing; the next big file, and an empty one, are refused before a byte is sent.
// 5. A slow upload's progress and Cancel (Chromium's network emulation); an upload cut off by a lost
//    network, sent once with Retry.
// 6. Over the flood limit (a second server, one message per 10 s): the wait is said; Retry then sends it.
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/files.e2e.mjs

import { readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

import {
    closeBrowser, consoleLog, diagnostics, exactly, launchChromium, listeningUrl, newStateDir, newVisitorContext,
    PASSWORD, RawOperator, requireBuilt, startServer, waitUntil, watchTab, wsUrl as serverWsUrl,
} from './e2e_support.mjs';

const TEST_MS = 150_000;
const OPERATOR_EMAIL = 'demo@example.com'; // made by --seed-demo: "Demo Operator", in Sales
const MAX_FILE_MB = 1;

let stateDir;
let server;
let baseUrl;
let browser;
let context;
let page;
let op;
let dialogId;
const pageErrors = [];
const consoleLines = [];

process.on('exit', () => server?.killNow());

const wsUrl = (endpoint) => serverWsUrl(baseUrl, endpoint);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { screenshot, withDiagnostics } = diagnostics('e2e-files', {
    page: () => page,
    logs: () => [server?.log(), consoleLog(consoleLines)],
    screenshotOnSuccess: true,
});

// --- test files --------------------------------------------------------------------------------

/** A real PNG of `width`×`height` in one colour (`rgb`), so that the browser can draw it. */
function png(width, height, rgb) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; ++x) row.set(rgb, 1 + x * 3);
    const raw = Buffer.concat(Array.from({ length: height }, () => row));
    const chunk = (type, data) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(zlib.crc32(body) >>> 0);
        return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A PDF by its magic bytes, exactly `size` bytes long. */
function pdf(size) {
    const head = '%PDF-1.4\n';
    const tail = '\n%%EOF\n';
    return Buffer.from(head + '%'.repeat(size - head.length - tail.length) + tail, 'ascii');
}

const PDF = pdf(2560); // "2.5 KB"
const DIAGRAM = png(40, 30, [70, 130, 180]);
const SCRIPT = Buffer.from('#!/bin/sh\necho "hello from the operator"\n', 'utf8');
const AVATAR = png(64, 64, [244, 162, 97]);

// --- the visitor's page --------------------------------------------------------------------------

/** A fresh visitor: its own browser context (storage), in the given browser language. */
async function newVisitor(locale) {
    await context?.close();
    context = await newVisitorContext(browser, locale);
    page = watchTab(await context.newPage(), pageErrors, consoleLines);
}

const byTestId = (id) => page.locator(`[data-testid=${id}]`);

/** The shown line of a file by author and exact file name. */
function fileLine(author, name) {
    return page.locator(`[data-testid=concierge-message][data-author=${author}]:not([hidden])`).filter({
        has: page.locator('[data-testid=concierge-file-name]', { hasText: exactly(name) }),
    });
}

async function openChat() {
    await page.locator('#concierge-widget').waitFor({ state: 'attached' });
    if (!(await byTestId('concierge-window').isVisible())) await byTestId('concierge-open').click();
    await byTestId('concierge-window').waitFor({ state: 'visible' });
}

/** Opens the chat on the demo site; where the site offers departments, picks Sales, the operator's. */
async function startChat() {
    await page.goto(`${baseUrl}/demo/index.html`);
    await openChat();
    const input = byTestId('concierge-input');
    const choice = byTestId('concierge-departments');
    await waitUntil('the input or the department choice shows', async () => (await input.isVisible()) || choice.isVisible());
    if (await choice.isVisible()) {
        await byTestId('concierge-department').filter({
            has: page.locator('.cw-department-name', { hasText: /^Sales$/ }),
        }).click();
    }
    await input.waitFor({ state: 'visible' });
}

/** The visitor picks files in the browser's own file chooser, opened by the paper clip. */
async function chooseFiles(files) {
    const chooser = page.waitForEvent('filechooser');
    await byTestId('concierge-attach').click();
    await (await chooser).setFiles(files);
}

/** The operator's copy of the visitor's file message called `name`. */
async function operatorGetsFile(name) {
    const frame = await op.waitFor((f) => f.type === 'event' && f.name === 'message.new' && f.data.message.file?.name === name);
    return frame.data.message;
}

/** Whether an <img> in the widget has been drawn; returns its natural size. */
const drawnSize = (image) => image.evaluate((img) => (img.complete && img.naturalWidth > 0
    ? `${img.naturalWidth}x${img.naturalHeight}` : null));

/** Clicks `target` and returns the download it starts: its name and bytes. */
async function download(target) {
    const started = page.waitForEvent('download');
    await target.click();
    const file = await started;
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

// --- the operator's HTTP side ---------------------------------------------------------------------

/** `POST` with the operator's session token; returns the JSON answer, checking the status first. */
async function operatorPost(path, body, expectedStatus = 200) {
    const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${op.hello.token}` },
        body,
    });
    const json = await response.json();
    assert.equal(response.status, expectedStatus, `${path}: ${JSON.stringify(json)}`);
    return json;
}

async function operatorSendsFile(name, bytes) {
    const query = `dialogId=${dialogId}&cid=${randomUUID()}&name=${encodeURIComponent(name)}`;
    const { message } = await operatorPost(`/v1/operator/files?${query}`, bytes);
    assert.equal(message.file.name, name);
    return message.file;
}

before(async () => {
    requireBuilt();
    stateDir = newStateDir('files');
    server = startServer(stateDir, ['--max-file-mb', String(MAX_FILE_MB)]);
    baseUrl = await listeningUrl(server);
    browser = await launchChromium();
    op = await RawOperator.login(wsUrl('operator'), OPERATOR_EMAIL, PASSWORD, '1.3');
    assert.equal(op.hello.settings?.maxFileBytes, MAX_FILE_MB * 1024 * 1024, 'the operator is told the limit');
    await op.request('status.set', { status: 'online' });
});

after(async () => {
    op?.close();
    await closeBrowser(browser);
    await server?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('the visitor sends files: chosen, dropped and pasted', { timeout: TEST_MS }, async () => {
    await withDiagnostics('visitor-sends', async () => {
        await newVisitor('en-US');
        await startChat();
        assert.equal(await byTestId('concierge-attach').getAttribute('aria-label'), 'Attach a file');

        await chooseFiles({ name: 'price list.pdf', mimeType: 'application/octet-stream', buffer: PDF });
        const sent = await operatorGetsFile('price list.pdf');
        assert.equal(sent.author, 'visitor');
        assert.equal(sent.text, '');
        assert.equal(sent.file.size, PDF.length);
        assert.equal(sent.file.mime, 'application/pdf', 'the type comes from the content, not what the browser said');
        assert.equal(sent.file.image, false);
        assert.equal(sent.file.executable, false);
        assert.match(sent.file.url, /^\/v1\/files\/[0-9a-f]{32}$/);
        dialogId = sent.dialogId;

        // The visitor's line is now the stored message: one line, linked, sized, not "Sending…".
        const line = fileLine('visitor', 'price list.pdf');
        await line.locator('[data-testid=concierge-file-link]').waitFor({ state: 'visible' });
        assert.equal(await line.count(), 1, 'the pending line was replaced, not repeated');
        assert.equal(await line.getAttribute('data-state'), 'sent');
        assert.equal(await line.locator('[data-testid=concierge-file-size]').textContent(), '2.5 KB');
        await screenshot('visitor-pdf');

        // Dropped on the chat window: the drop target shows while a file is dragged over it.
        // No "/" in it: the server keeps only what follows the last one, as a file name cannot hold one.
        const markupName = '<img src=x onerror=alert(1)> notes.txt';
        await byTestId('concierge-window').evaluate((win, name) => {
            const drag = (type) => {
                const data = new DataTransfer();
                data.items.add(new File(['Call me after 5 pm\n'], name, { type: 'text/plain' }));
                win.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
            };
            drag('dragenter');
            drag('dragover');
        }, markupName);
        await byTestId('concierge-drop').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-drop').textContent(), 'Drop files here to send them');
        await screenshot('drop-target');
        await byTestId('concierge-window').evaluate((win, name) => {
            const data = new DataTransfer();
            data.items.add(new File(['Call me after 5 pm\n'], name, { type: 'text/plain' }));
            win.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
        }, markupName);
        await byTestId('concierge-drop').waitFor({ state: 'hidden' });
        const dropped = await operatorGetsFile(markupName);
        assert.equal(dropped.file.mime, 'text/plain');
        const droppedLine = fileLine('visitor', markupName);
        await droppedLine.locator('[data-testid=concierge-file-link]').waitFor({ state: 'visible' });
        assert.equal(await droppedLine.locator('img').count(), 0, 'the name is text, not markup');

        // A pasted picture (a screenshot) is sent as a file.
        await byTestId('concierge-input').evaluate((input, bytes) => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
            input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, [...DIAGRAM]);
        const pasted = await operatorGetsFile('image.png');
        assert.equal(pasted.file.image, true);
        assert.equal(pasted.file.mime, 'image/png');
        const pastedThumbnail = fileLine('visitor', 'image.png').locator('[data-testid=concierge-file-thumbnail]');
        await waitUntil('the pasted picture is drawn', () => drawnSize(pastedThumbnail));
        assert.equal(await byTestId('concierge-input').inputValue(), '', 'nothing was pasted into the text');
        assert.deepEqual(pageErrors, []);
    });
});

test('the operator sends a picture and a script: thumbnail, links, warning, downloads', { timeout: TEST_MS }, async () => {
    await withDiagnostics('operator-sends', async () => {
        assert.ok(dialogId, 'the first test opened a dialog');
        const diagram = await operatorSendsFile('diagram.png', DIAGRAM);
        assert.equal(diagram.image, true);
        const script = await operatorSendsFile('setup.sh', SCRIPT);
        assert.equal(script.executable, true, 'a #! script is marked');

        const imageLine = fileLine('operator', 'diagram.png');
        const thumbnail = imageLine.locator('[data-testid=concierge-file-thumbnail]');
        await thumbnail.waitFor({ state: 'visible' });
        assert.equal(await waitUntil('the thumbnail is drawn', () => drawnSize(thumbnail)), '40x30');
        const imageLink = imageLine.locator('[data-testid=concierge-file-link]');
        assert.equal(await imageLink.getAttribute('href'), `${baseUrl}${diagram.url}`);
        assert.equal(await imageLink.getAttribute('download'), 'diagram.png');
        assert.equal(await imageLink.getAttribute('rel'), 'noopener');
        assert.equal(await imageLink.locator('[data-testid=concierge-file-thumbnail]').count(), 1, 'the thumbnail is the link');
        assert.equal(await imageLine.locator('[data-testid=concierge-file-executable]').count(), 0);

        const scriptLine = fileLine('operator', 'setup.sh');
        const scriptLink = scriptLine.locator('[data-testid=concierge-file-link]');
        await scriptLink.waitFor({ state: 'visible' });
        assert.equal(await scriptLink.getAttribute('href'), `${baseUrl}${script.url}`);
        assert.equal(await scriptLink.getAttribute('download'), 'setup.sh');
        assert.equal(await scriptLink.getAttribute('target'), null, 'nothing opens a new window');
        const warning = scriptLine.locator('[data-testid=concierge-file-executable]');
        assert.equal(await warning.textContent(), '⚠ Program — be careful opening it');
        assert.equal(await scriptLine.locator('[data-testid=concierge-file-size]').textContent(), `${SCRIPT.length} bytes`);
        await screenshot('operator-files');

        // Downloads: the right name and bytes, and the page neither navigates nor reloads.
        const pageUrl = page.url();
        await page.evaluate(() => (window.__stillHere = true));
        const scriptDownload = await download(scriptLink);
        assert.equal(scriptDownload.name, 'setup.sh');
        assert.deepEqual(scriptDownload.bytes, SCRIPT);
        const imageDownload = await download(thumbnail);
        assert.equal(imageDownload.name, 'diagram.png');
        assert.deepEqual(imageDownload.bytes, DIAGRAM);
        assert.equal(page.url(), pageUrl);
        assert.equal(await page.evaluate(() => window.__stillHere), true, 'the same document, not reloaded');
        assert.equal(context.pages().length, 1, 'no tab was opened');
        assert.deepEqual(pageErrors, []);
    });
});

test('the operator\'s avatar shows in the widget header', { timeout: TEST_MS }, async () => {
    await withDiagnostics('avatar', async () => {
        // Before an avatar: the operator's initials, once the operator has answered.
        await op.request('message.send', { dialogId, cid: randomUUID(), text: 'Here is what you asked for.' });
        const initials = byTestId('concierge-operator-initials');
        await initials.waitFor({ state: 'visible' });
        assert.equal(await initials.textContent(), 'DO');
        assert.equal(await byTestId('concierge-operator-picture').isVisible(), false);

        const { operator } = await operatorPost('/v1/operator/avatar', AVATAR);
        assert.match(operator.avatarUrl, /^\/v1\/files\//);
        // A new tab of the same visitor is built from a snapshot, whose dialog names the avatar.
        page = watchTab(await context.newPage(), pageErrors, consoleLines);
        await page.goto(`${baseUrl}/demo/pricing.html`);
        await openChat();
        const picture = byTestId('concierge-operator-picture');
        await picture.waitFor({ state: 'visible' });
        assert.equal(await picture.getAttribute('src'), `${baseUrl}${operator.avatarUrl}`);
        assert.equal(await waitUntil('the avatar is drawn', () => drawnSize(picture)), '64x64');
        assert.equal(await byTestId('concierge-operator-initials').isVisible(), false);
        assert.equal(await byTestId('concierge-subtitle').textContent(), 'You are chatting with Demo Operator');
        await screenshot('avatar-picture');
    });
});

for (const [locale, language, tooBig, empty, attachLabel] of [
    ['en-US', 'english', `This file is too big (limit ${MAX_FILE_MB} MB).`, 'This file is empty.', 'Attach a file'],
    ['ru-RU', 'russian', `Файл слишком большой (не больше ${MAX_FILE_MB} МБ).`, 'Файл пустой.', 'Прикрепить файл'],
]) {
    test(`a file over the limit is refused with the reason (${language})`, { timeout: TEST_MS }, async () => {
        await withDiagnostics(`too-large-${language}`, async () => {
            await newVisitor(locale);
            await startChat();
            assert.equal(await byTestId('concierge-attach').getAttribute('aria-label'), attachLabel);
            const name = `holiday-${language}.mov`;
            const oversized = Buffer.alloc(MAX_FILE_MB * 1024 * 1024 + 200_000, 7);
            await chooseFiles({ name, mimeType: 'video/quicktime', buffer: oversized });
            const line = fileLine('visitor', name);
            const error = line.locator('[data-testid=concierge-upload-error]');
            await error.waitFor({ state: 'visible' });
            assert.equal(await error.textContent(), tooBig);
            assert.equal(await line.getAttribute('data-state'), 'failed');
            assert.equal(await line.locator('[data-testid=concierge-upload-retry]').count(), 0, 'trying again cannot help');
            await screenshot(`too-large-${language}-refused`);

            await line.locator('[data-testid=concierge-upload-remove]').click();
            await line.waitFor({ state: 'detached' });

            // The limit is known now: a second big file, and an empty one, are refused before a byte goes.
            const uploads = [];
            page.on('request', (request) => {
                if (request.url().includes('/v1/visitor/files')) uploads.push(request.url());
            });
            const again = `again-${language}.mov`;
            const nothing = `nothing-${language}.txt`;
            await chooseFiles([{ name: again, mimeType: 'video/quicktime', buffer: oversized },
                { name: nothing, mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
            const againError = fileLine('visitor', again).locator('[data-testid=concierge-upload-error]');
            await againError.waitFor({ state: 'visible' });
            assert.equal(await againError.textContent(), tooBig);
            const emptyError = fileLine('visitor', nothing).locator('[data-testid=concierge-upload-error]');
            await emptyError.waitFor({ state: 'visible' });
            assert.equal(await emptyError.textContent(), empty);
            assert.deepEqual(uploads, [], 'nothing was uploaded');
            await screenshot(`refused-before-sending-${language}`);
            await sleep(500); // anything the server had stored would have reached the operator by now
            for (const refused of [name, again, nothing]) {
                assert.equal(op.frames.some((f) => f.type === 'event' && f.name === 'message.new'
                    && f.data.message.file?.name === refused), false, `the operator received no ${refused}`);
            }
            assert.deepEqual(pageErrors, []);
        });
    });
}

test('a slow upload shows its progress and can be cancelled; one cut off is sent again with Retry', { timeout: TEST_MS }, async () => {
    await withDiagnostics('progress-retry', async () => {
        await newVisitor('en-US');
        await startChat();
        // Chromium's own network emulation: a slow uplink, then no network at all.
        const network = await context.newCDPSession(page);
        await network.send('Network.enable');
        const emulate = (conditions) => network.send('Network.emulateNetworkConditions',
            { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1, ...conditions });

        await emulate({ uploadThroughput: 100 * 1024 });
        const slowName = 'catalogue.bin';
        await chooseFiles({ name: slowName, mimeType: 'application/octet-stream', buffer: Buffer.alloc(800 * 1024, 3) });
        const slowLine = fileLine('visitor', slowName);
        const progress = slowLine.locator('[data-testid=concierge-upload-progress]');
        await progress.waitFor({ state: 'visible' });
        assert.equal(await progress.getAttribute('aria-label'), `Sending ${slowName}`);
        assert.equal(await slowLine.locator('[data-testid=concierge-file-size]').textContent(), '800 KB');
        const moved = await waitUntil('the progress bar moves', async () => {
            const value = await progress.evaluate((bar) => bar.value);
            return value > 0 && value < 1 ? value : null;
        });
        assert.ok(moved < 1);
        await screenshot('progress');
        await slowLine.locator('[data-testid=concierge-upload-cancel]').click();
        await slowLine.waitFor({ state: 'detached' });

        await emulate({ offline: true });
        const retriedName = 'receipt.txt';
        await chooseFiles({ name: retriedName, mimeType: 'text/plain', buffer: Buffer.from('Order 1042, paid\n') });
        const retriedLine = fileLine('visitor', retriedName);
        const error = retriedLine.locator('[data-testid=concierge-upload-error]');
        await error.waitFor({ state: 'visible' });
        assert.equal(await error.textContent(), 'The file could not be sent: no connection.');
        await screenshot('no-connection');
        await emulate({});
        await retriedLine.locator('[data-testid=concierge-upload-retry]').click();
        await retriedLine.locator('[data-testid=concierge-file-link]').waitFor({ state: 'visible' });
        await operatorGetsFile(retriedName);

        await sleep(500); // a cancelled upload the server had stored would have reached both sides by now
        const received = (name) => op.frames.filter((f) => f.type === 'event' && f.name === 'message.new'
            && f.data.message.file?.name === name).length;
        assert.equal(received(retriedName), 1, 'the retried file arrived once');
        // Over loopback the whole body is in the server's socket before the first progress event, so a
        // cancel may come too late (as on any fast link). Then the visitor must see it sent, like the operator.
        const cancelledButStored = received(slowName);
        assert.ok(cancelledButStored <= 1, 'stored at most once');
        assert.equal(await fileLine('visitor', slowName).locator('[data-testid=concierge-file-link]').count(), cancelledButStored,
            'the visitor sees the cancelled file exactly when the operator got it');
        assert.equal(await slowLine.locator('[data-testid=concierge-upload-progress]').count(), 0, 'no upload left going');
        assert.deepEqual(pageErrors, []);
    });
});

test('on a shop served from another origin, the widget still sends a file', { timeout: TEST_MS }, async () => {
    await withDiagnostics('cross-origin', async () => {
        // The widget is embedded on the site owner's pages, not served by the chat server: the
        // upload is a cross-origin request with a preflight, and the refusal's JSON must be readable.
        const shop = createServer((request, response) => {
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(`<!doctype html><title>Shop</title><p>Green tea</p><script src="${baseUrl}/widget.js" async></script>`);
        });
        await new Promise((resolve) => shop.listen(0, '127.0.0.1', resolve));
        try {
            await newVisitor('en-US');
            await page.goto(`http://127.0.0.1:${shop.address().port}/tea.html`);
            await openChat();
            await byTestId('concierge-input').waitFor({ state: 'visible' });
            await chooseFiles({ name: 'order from the shop.txt', mimeType: 'text/plain', buffer: Buffer.from('2 packs, please\n') });
            const received = await operatorGetsFile('order from the shop.txt');
            assert.equal(received.file.mime, 'text/plain');
            await fileLine('visitor', 'order from the shop.txt').locator('[data-testid=concierge-file-link]').waitFor({ state: 'visible' });

            await chooseFiles({ name: 'whole catalogue.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(MAX_FILE_MB * 1024 * 1024 + 1, 7) });
            const error = fileLine('visitor', 'whole catalogue.bin').locator('[data-testid=concierge-upload-error]');
            await error.waitFor({ state: 'visible' });
            assert.match(await error.textContent(), /too big/i, 'the 413 answer was readable across origins');
            await screenshot('cross-origin-shop');
            assert.deepEqual(pageErrors, []);
        } finally {
            shop.close();
        }
    });
});

test('a file over the flood limit says how long to wait, and Retry then sends it', { timeout: TEST_MS }, async () => {
    await withDiagnostics('rate-limited', async () => {
        // A server of its own, allowing one message per 10 seconds.
        op.close();
        await server.stop();
        rmSync(stateDir, { recursive: true, force: true });
        stateDir = newStateDir('files-limited');
        server = startServer(stateDir, ['--visitor-message-limit', '1']);
        baseUrl = await listeningUrl(server);
        op = await RawOperator.login(wsUrl('operator'), OPERATOR_EMAIL, PASSWORD, '1.3');
        await op.request('status.set', { status: 'online' });

        await newVisitor('en-US');
        await startChat();
        await chooseFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('one\n') });
        await operatorGetsFile('first.txt');
        await chooseFiles({ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('two\n') });
        const line = fileLine('visitor', 'second.txt');
        const error = line.locator('[data-testid=concierge-upload-error]');
        await error.waitFor({ state: 'visible' });
        const [, seconds] = /^Too many messages at once — try again in (\d+) seconds?\.$/.exec(await error.textContent()) ?? [];
        assert.ok(Number(seconds) >= 1 && Number(seconds) <= 10, `the wait is said: ${await error.textContent()}`);
        await screenshot('rate-limited-refused');

        await sleep(Number(seconds) * 1000 + 300); // as told, and a little more
        await line.locator('[data-testid=concierge-upload-retry]').click();
        await line.locator('[data-testid=concierge-file-link]').waitFor({ state: 'visible' });
        await operatorGetsFile('second.txt');
        assert.equal(op.frames.filter((f) => f.type === 'event' && f.name === 'message.new'
            && f.data.message.file?.name === 'second.txt').length, 1, 'stored once');
        assert.deepEqual(pageErrors, []);
    });
});
