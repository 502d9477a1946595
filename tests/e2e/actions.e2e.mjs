// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the dialog actions as the visitor lives them. A real visitor (headless Debian Chromium,
// playwright-core) on the demo site of a real concierge-server; the operator side is a bare operator
// connection (RawOperator) sending the requests the app would send, and checking what the server stored.
//
// 1. Contact request: the form appears in the chat, a mistyped email is caught inline (nothing sent),
//    a good answer reaches the operator (visitor.updated with the contact, a contact.given line).
// 2. Rating: the operator closes the dialog, the widget asks for stars (chosen with the keyboard) and
//    a comment; the operator sees the rating; a new message opens a new dialog.
// 3. Ban (by the plain demo operator): the widget shows a neutral notice at once, after a reload and
//    in a new tab; the server refuses a message sent from that visitor's token by hand; an admin
//    lifting the ban gives the chat back.
// 4. The same forms and notice in Russian, with skipping the rating.
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/actions.e2e.mjs

import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
    adminCli, closeBrowser, consoleLog, diagnostics, exactly, launchChromium, listeningUrl, newStateDir,
    newVisitorContext, PASSWORD, RawOperator, RawVisitor, requireBuilt, startServer, waitUntil, watchTab,
    wsUrl as serverWsUrl,
} from './e2e_support.mjs';

const TEST_MS = 150_000;
const OPERATOR_EMAIL = 'demo@example.com'; // made by --seed-demo: a plain operator, in Sales
const ADMIN_EMAIL = 'admin@example.com';

let stateDir;
let server;
let baseUrl;
let browser;
let context;
let page;
let op;
let admin;
const pageErrors = [];
const consoleLines = [];

process.on('exit', () => server?.killNow());

const wsUrl = (endpoint) => serverWsUrl(baseUrl, endpoint);

const { screenshot, withDiagnostics } = diagnostics('e2e-actions', {
    page: () => page,
    logs: () => [server?.log(), consoleLog(consoleLines)],
});

const newTab = async () => watchTab(await context.newPage(), pageErrors, consoleLines);

/** A fresh visitor: its own browser context (storage), in the given browser language. */
async function newVisitor(locale) {
    await context?.close();
    context = await newVisitorContext(browser, locale);
    page = await newTab();
}

const byTestId = (id) => page.locator(`[data-testid=${id}]`);

/** The data-testid (and value or text) of the element focused inside the widget's shadow root. */
function focused() {
    return page.evaluate(() => {
        const active = document.getElementById('concierge-widget')?.shadowRoot?.activeElement;
        return active ? `${active.getAttribute('data-testid')}:${active.value ?? active.textContent}` : null;
    });
}

/** The bubble of a shown message by author and exact text. */
function bubble(author, text) {
    return page
        .locator(`[data-testid=concierge-message][data-author=${author}]:not([hidden]) [data-testid=concierge-message-text]`)
        .filter({ hasText: exactly(text) });
}

async function openChat() {
    await page.locator('#concierge-widget').waitFor({ state: 'attached' });
    if (!(await byTestId('concierge-window').isVisible())) await byTestId('concierge-open').click();
    await byTestId('concierge-window').waitFor({ state: 'visible' });
}

/** Opens the chat; where the site offers departments, picks Sales, the operator's. */
async function startChat() {
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

async function sendMessage(text) {
    const input = byTestId('concierge-input');
    await input.fill(text);
    await input.press('Enter');
}

/** Waits for the operator's copy of a visitor message; returns the message. */
async function operatorGets(text) {
    const frame = await op.waitFor((f) => f.type === 'event' && f.name === 'message.new' && f.data.message.text === text);
    return frame.data.message;
}

/** The visitor's message reaches the operator, who answers: the dialog is active and the operator's. */
async function openDialog(text, reply) {
    await sendMessage(text);
    const message = await operatorGets(text);
    await op.request('message.send', { dialogId: message.dialogId, cid: randomUUID(), text: reply });
    await bubble('operator', reply).waitFor({ state: 'visible' });
    const dialogs = await op.waitFor((f) => f.type === 'event' && f.name === 'dialog.updated'
        && f.data.dialog.id === message.dialogId);
    return { dialogId: message.dialogId, visitorId: dialogs.data.dialog.visitorId };
}

async function systemLines(dialogId, event) {
    const { messages } = await op.request('history.get', { dialogId });
    return messages.filter((m) => m.author === 'system' && m.event === event);
}

before(async () => {
    requireBuilt();
    stateDir = newStateDir('actions');
    // Only admins list and lift bans.
    adminCli(stateDir, 'create-operator', '--email', ADMIN_EMAIL, '--name', 'Ada Admin', '--password', PASSWORD,
        '--role', 'admin');
    server = startServer(stateDir);
    baseUrl = await listeningUrl(server);
    browser = await launchChromium();
    op = await RawOperator.login(wsUrl('operator'), OPERATOR_EMAIL, PASSWORD, '1.2');
    await op.request('status.set', { status: 'online' });
    admin = await RawOperator.login(wsUrl('operator'), ADMIN_EMAIL, PASSWORD, '1.2');
});

after(async () => {
    op?.close();
    admin?.close();
    await closeBrowser(browser);
    await server?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('contact request, rating and ban, as the visitor sees them', { timeout: TEST_MS }, async () => {
    await withDiagnostics('english', async () => {
        await newVisitor('en-US');
        await page.goto(`${baseUrl}/demo/index.html`);
        await startChat();
        const { dialogId, visitorId } = await openDialog('Hello, I would like a quote', 'Happy to help!');

        // --- contact request -------------------------------------------------------------
        await op.request('contact.request', { dialogId });
        const form = byTestId('concierge-contact-form');
        await form.waitFor({ state: 'visible' });
        await bubble('system', 'The operator asked for your contact details.').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-input').isVisible(), true, 'the chat input stays beside the form');
        await screenshot('contact-form');

        await byTestId('concierge-contact-name').fill('Ann Visitor');
        await byTestId('concierge-contact-email').fill('ann@example');
        await byTestId('concierge-contact-send').click();
        const emailError = byTestId('concierge-contact-email-error');
        await emailError.waitFor({ state: 'visible' });
        assert.equal(await emailError.textContent(), 'Check the email address (like name@example.com).');
        assert.equal(await byTestId('concierge-contact-email').getAttribute('aria-invalid'), 'true');
        assert.match(await focused(), /^concierge-contact-email:/, 'the focus goes to the bad email');
        await screenshot('contact-bad-email');

        await byTestId('concierge-contact-email').fill('ann@example.com');
        await waitUntil('the email error is gone', async () => !(await emailError.isVisible()));
        await byTestId('concierge-contact-phone').fill('+44 117 496 0000');
        await byTestId('concierge-contact-send').click();
        const contactThanks = byTestId('concierge-contact-thanks');
        await contactThanks.waitFor({ state: 'visible' });
        assert.equal(await contactThanks.textContent(), 'Thank you! The operator has your contact details.');
        assert.equal(await form.isVisible(), false, 'the form is done');
        await bubble('system', 'You shared your contact details.').waitFor({ state: 'visible' });

        const expected = { name: 'Ann Visitor', email: 'ann@example.com', phone: '+44 117 496 0000' };
        const updated = await op.waitFor((f) => f.type === 'event' && f.name === 'visitor.updated'
            && f.data.visitor.id === visitorId && f.data.visitor.contact);
        assert.deepEqual(updated.data.visitor.contact, expected, 'the operator has the contact details');
        const given = await systemLines(dialogId, 'contact.given');
        assert.equal(given.length, 1, `one contact.given line (the bad email was never sent): ${JSON.stringify(given)}`);
        assert.deepEqual(given[0].meta, expected);
        await screenshot('contact-sent');

        // --- rating ------------------------------------------------------------------------
        await op.request('dialog.close', { dialogId });
        const rating = byTestId('concierge-rating-form');
        await rating.waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-input').isVisible(), false, 'the rating takes the input\'s place');
        assert.equal(await byTestId('concierge-contact-thanks').isVisible(), false, 'the contact thanks are gone');
        assert.equal(await rating.locator('#cw-rating-intro').textContent(), 'How was this conversation?');
        // Keyboard only: the focus followed from the chat input to the first star; arrows choose.
        await waitUntil('the first star has the focus', async () => (await focused()) === 'concierge-rating-star:1');
        for (let i = 0; i < 3; ++i) await page.keyboard.press('ArrowRight');
        assert.equal(await focused(), 'concierge-rating-star:4');
        assert.equal(await rating.locator('.cw-star.cw-star-on').count(), 4, 'four stars are lit');
        await page.keyboard.press('Tab');
        assert.match(await focused(), /^concierge-rating-comment:/, 'Tab leads on to the comment');
        await page.keyboard.type('Quick and friendly');
        await screenshot('rating-form');
        await byTestId('concierge-rating-send').click();

        const ratingThanks = byTestId('concierge-rating-thanks');
        await ratingThanks.waitFor({ state: 'visible' });
        assert.equal(await ratingThanks.textContent(), 'Thank you for your rating!');
        assert.equal(await rating.isVisible(), false, 'the rating form is done');
        await byTestId('concierge-input').waitFor({ state: 'visible' });
        const rated = await op.waitFor((f) => f.type === 'event' && f.name === 'dialog.updated'
            && f.data.dialog.id === dialogId && f.data.dialog.rating);
        assert.equal(rated.data.dialog.rating.score, 4);
        assert.equal(rated.data.dialog.rating.comment, 'Quick and friendly');
        await bubble('system', 'You rated this conversation.').waitFor({ state: 'visible' });
        await screenshot('rated');

        // The rating survives a reload as done: no second form.
        await page.reload();
        await openChat();
        await ratingThanks.waitFor({ state: 'visible' });
        assert.equal(await rating.isVisible(), false, 'not asked twice');

        // A new message opens a new dialog.
        await sendMessage('One more question');
        const second = await operatorGets('One more question');
        assert.notEqual(second.dialogId, dialogId, 'a new dialog');
        await waitUntil('the rating thanks leave', async () => !(await ratingThanks.isVisible()));
        assert.ok(await byTestId('concierge-end').isVisible(), 'the visitor may end the open dialog');

        // --- ban ---------------------------------------------------------------------------
        await op.request('visitor.ban', { visitorId, reason: 'Spam links' });
        const notice = byTestId('concierge-banned');
        await notice.waitFor({ state: 'visible' });
        assert.equal(await notice.textContent(), 'Chat is not available.');
        await bubble('system', 'This conversation has ended.').waitFor({ state: 'visible' });
        for (const id of ['concierge-input', 'concierge-rating-form', 'concierge-end', 'concierge-offline-form']) {
            assert.equal(await byTestId(id).isVisible(), false, `${id} is not shown to a banned visitor`);
        }
        assert.equal(await page.locator('#concierge-widget').evaluate(
            (host) => host.shadowRoot.textContent.includes('Spam links')), false, 'the reason is never shown');
        await screenshot('banned');

        await page.reload();
        await openChat();
        await notice.waitFor({ state: 'visible' });
        await waitUntil('the widget is connected', async () => !(await byTestId('concierge-connection').isVisible()));
        assert.equal(await byTestId('concierge-input').isVisible(), false, 'still no input after a reload');
        // A new tab has no cache of its own: only the server's hello can say it.
        const reloaded = page;
        page = await newTab();
        await page.goto(`${baseUrl}/demo/pricing.html`);
        await reloaded.close();
        await openChat();
        await byTestId('concierge-banned').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-input').isVisible(), false, 'no input in a new tab');
        await screenshot('banned-new-tab');

        const token = await page.evaluate(() => window.localStorage.getItem('concierge.visitorToken'));
        const raw = await RawVisitor.connect(wsUrl('visitor'), token);
        try {
            assert.equal(raw.hello.banned, true, 'the hello says banned');
            await assert.rejects(raw.request('message.send', { cid: randomUUID(), text: 'Let me in' }),
                (error) => error.code === 'forbidden', 'a message from a banned visitor is refused');
        } finally {
            raw.close();
        }

        // Lifted by an admin: the next hello gives the chat back.
        await assert.rejects(op.request('bans.list'), (error) => error.code === 'forbidden', 'not for a plain operator');
        const { bans } = await admin.request('bans.list');
        const ban = bans.find((b) => b.visitorId === visitorId);
        assert.ok(ban, `the ban is listed: ${JSON.stringify(bans)}`);
        await admin.request('ban.lift', { banId: ban.id });
        await page.reload();
        await openChat();
        await byTestId('concierge-input').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-banned').isVisible(), false, 'no notice once the ban is lifted');
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});

test('in a Russian browser the forms and the notice speak Russian; the rating may be skipped',
    { timeout: TEST_MS }, async () => {
        await withDiagnostics('russian', async () => {
            await newVisitor('ru-RU');
            await page.goto(`${baseUrl}/demo/index.html`);
            await startChat();
            const { dialogId, visitorId } = await openDialog('Здравствуйте', 'Добрый день!');

            await op.request('contact.request', { dialogId });
            const form = byTestId('concierge-contact-form');
            await form.waitFor({ state: 'visible' });
            await bubble('system', 'Оператор попросил ваши контакты.').waitFor({ state: 'visible' });
            await byTestId('concierge-contact-send').click();
            const contactError = byTestId('concierge-contact-contact-error');
            await contactError.waitFor({ state: 'visible' });
            assert.equal(await contactError.textContent(), 'Укажите эл. почту или телефон, чтобы мы могли ответить.');
            await screenshot('ru-contact-errors');
            await byTestId('concierge-contact-dismiss').click();
            await form.waitFor({ state: 'hidden' });
            assert.equal((await systemLines(dialogId, 'contact.given')).length, 0, 'nothing was sent');

            // The visitor ends the chat: the rating is asked in Russian, and can be skipped.
            await byTestId('concierge-end').click();
            const rating = byTestId('concierge-rating-form');
            await rating.waitFor({ state: 'visible' });
            const closed = await op.waitFor((f) => f.type === 'event' && f.name === 'dialog.updated'
                && f.data.dialog.id === dialogId && f.data.dialog.state === 'closed');
            assert.equal(closed.data.dialog.state, 'closed', 'the visitor\'s close reached the operator');
            assert.equal(await rating.locator('#cw-rating-intro').textContent(), 'Как прошёл разговор?');
            await byTestId('concierge-rating-send').click();
            assert.equal(await byTestId('concierge-rating-score-error').textContent(), 'Выберите оценку от 1 до 5 звёзд.');
            await screenshot('ru-rating');
            await byTestId('concierge-rating-skip').click();
            await byTestId('concierge-input').waitFor({ state: 'visible' });
            assert.equal(await rating.isVisible(), false, 'skipped');
            assert.equal(await byTestId('concierge-rating-thanks').isVisible(), false, 'no thanks for a skip');
            await page.reload();
            await openChat();
            await byTestId('concierge-input').waitFor({ state: 'visible' });
            assert.equal(await rating.isVisible(), false, 'a skipped rating is not asked again');
            const { messages } = await op.request('history.get', { dialogId });
            assert.ok(!messages.some((m) => m.event === 'rating'), 'no rating stored');

            await op.request('visitor.ban', { visitorId });
            await byTestId('concierge-banned').waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-banned').textContent(), 'Чат недоступен.');
            await screenshot('ru-banned');
            assert.deepEqual(pageErrors, [], 'no script errors on the page');
        });
    });
