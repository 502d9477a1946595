// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: who a visitor reaches. A real visitor (headless Debian Chromium, playwright-core) on the
// demo site of a real concierge-server with two departments (Sales from the demo seed, Support made
// with the admin CLI), real operators (concierge-test-operator-bot, one per department), and a bare
// operator connection (RawOperator) to check what the server stored.
//
// 1. Both departments staffed: the widget asks for a department, the visitor picks Support with the
//    keyboard, and the Support operator (not the Sales one) gets the dialog; a transfer to Sales shows
//    the visitor a neutral line and Sales answers from then on.
// 2. Nobody online: the widget shows the offline form (the chat input comes back while someone is
//    online), checks the contact inline, and the stored request reaches the operators' snapshot.
// 3. The same in Russian (the widget follows the browser's language).
//
// Environment: see e2e_support.mjs. Run: node --test tests/e2e/departments.e2e.mjs

import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
    adminCli, botBin, Child, closeBrowser, consoleLog, diagnostics, exactly, launchChromium, listeningUrl,
    newStateDir, newVisitorContext, PASSWORD, RawOperator, requireBuilt, startServer, waitUntil, watchTab, wsUrl,
} from './e2e_support.mjs';

const TEST_MS = 120_000;
const SALES_EMAIL = 'demo@example.com'; // made by --seed-demo, in Sales
const SUPPORT_EMAIL = 'support@example.com';
const SUPPORT_NAME = 'Sam Support';

let stateDir;
let server;
let baseUrl;
let browser;
let page;
const bots = new Map();
const raws = [];
const pageErrors = [];
const consoleLines = [];

process.on('exit', () => {
    for (const bot of bots.values()) bot.killNow();
    server?.killNow();
});

const admin = (...args) => adminCli(stateDir, ...args);

function startBot(email, prefix) {
    const bot = new Child(`operator-bot ${email}`, botBin, [
        '--url', wsUrl(baseUrl, 'operator'),
        '--email', email, '--password', PASSWORD, '--reply-prefix', prefix,
    ]);
    bots.set(email, bot);
    return bot.waitForLine(/^READY\b/);
}

async function stopBot(email) {
    await bots.get(email)?.stop();
    bots.delete(email);
}

async function rawOperator(email) {
    const op = await RawOperator.login(wsUrl(baseUrl, 'operator'), email, PASSWORD);
    raws.push(op);
    return op;
}

const { screenshot, withDiagnostics } = diagnostics('e2e-departments', {
    page: () => page,
    logs: () => [server?.log(), ...[...bots.values()].map((b) => b.log()), consoleLog(consoleLines)],
});

/** A fresh visitor: its own browser context (storage), in the given browser language. */
async function newVisitor(locale) {
    const context = await newVisitorContext(browser, locale);
    page = watchTab(await context.newPage(), pageErrors, consoleLines);
    return page;
}

const byTestId = (id) => page.locator(`[data-testid=${id}]`);
const departmentButton = (name) => byTestId('concierge-department').filter({
    has: page.locator('.cw-department-name', { hasText: exactly(name) }),
});

/** The data-testid of the element focused inside the widget's shadow root. */
function focusedTestId() {
    return page.evaluate(() => {
        const active = document.getElementById('concierge-widget')?.shadowRoot?.activeElement;
        return active ? `${active.getAttribute('data-testid')}:${active.textContent}` : null;
    });
}

async function openChat() {
    await page.locator('#concierge-widget').waitFor({ state: 'attached' });
    if (!(await page.locator('[data-testid=concierge-window]').isVisible())) {
        await byTestId('concierge-open').click();
    }
    await byTestId('concierge-window').waitFor({ state: 'visible' });
}

async function sendMessage(text) {
    const input = byTestId('concierge-input');
    await input.fill(text);
    await input.press('Enter');
}

/** The bubble of a message by author and exact text. */
function bubble(author, text) {
    return page
        .locator(`[data-testid=concierge-message][data-author=${author}]:not([hidden]) [data-testid=concierge-message-text]`)
        .filter({ hasText: exactly(text) });
}

function shownTexts() {
    return page.evaluate(() => {
        const root = document.getElementById('concierge-widget')?.shadowRoot;
        return Array.from(root?.querySelectorAll('[data-testid=concierge-message]:not([hidden])') ?? [],
            (li) => `${li.getAttribute('data-author')}: ${li.querySelector('[data-testid=concierge-message-text]')?.textContent}`);
    });
}

async function departmentsAvailable() {
    return page.locator('[data-testid=concierge-department]').evaluateAll(
        (buttons) => Object.fromEntries(buttons.map((b) => [b.querySelector('.cw-department-name').textContent,
            b.getAttribute('data-available') === 'true'])));
}

before(async () => {
    requireBuilt({ bot: true });
    stateDir = newStateDir('departments');
    admin('create-department', '--name', 'Support');
    admin('create-operator', '--email', SUPPORT_EMAIL, '--name', SUPPORT_NAME, '--password', PASSWORD,
        '--department', 'Support');

    server = startServer(stateDir);
    baseUrl = await listeningUrl(server);
    browser = await launchChromium();
});

after(async () => {
    for (const op of raws) op.close();
    await closeBrowser(browser);
    await Promise.all([...[...bots.keys()].map(stopBot), server?.stop()]);
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

test('the visitor picks a department and that department answers; a transfer shows a neutral line',
    { timeout: TEST_MS }, async () => {
        await withDiagnostics('routing', async () => {
            await Promise.all([startBot(SALES_EMAIL, 'Sales: '), startBot(SUPPORT_EMAIL, 'Support: ')]);
            await newVisitor('en-US');
            await page.goto(`${baseUrl}/demo/index.html`);
            await openChat();

            // The choice comes first: no input until a department is picked.
            await byTestId('concierge-departments').waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-input').isVisible(), false, 'no chat input before the choice');
            assert.equal(await byTestId('concierge-departments').locator('.cw-departments-title').textContent(),
                'Who would you like to talk to?');
            await waitUntil('both departments show someone online', async () => {
                const available = await departmentsAvailable();
                return available.Sales === true && available.Support === true;
            });
            await screenshot('choice');

            // Keyboard only: opening the chat focused the first department; arrows walk, Enter picks.
            await waitUntil('a department button has the focus',
                async () => (await focusedTestId())?.startsWith('concierge-department:'));
            for (let i = 0; i < 3 && !(await focusedTestId()).startsWith('concierge-department:Support'); ++i) {
                await page.keyboard.press('ArrowDown');
            }
            assert.match(await focusedTestId(), /^concierge-department:Support/, 'the arrows reach Support');
            await page.keyboard.press('Enter');

            await byTestId('concierge-input').waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-department-chosen').textContent(), 'Department: Support');
            assert.match(await focusedTestId(), /^concierge-input:/, 'the focus moves on to the message box');

            // The choice is remembered for the visit: a reload does not ask again.
            await page.reload();
            await openChat();
            await byTestId('concierge-input').waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-departments').isVisible(), false, 'no second choice after a reload');
            assert.equal(await byTestId('concierge-department-chosen').textContent(), 'Department: Support');

            await sendMessage('Hello, Support team');
            await bubble('operator', 'Support: Hello, Support team').waitFor({ state: 'visible' });
            await waitUntil('the subtitle names the Support operator',
                async () => (await byTestId('concierge-subtitle').textContent()) === `You are chatting with ${SUPPORT_NAME}`);
            assert.equal(await byTestId('concierge-department-line').isVisible(), false,
                'the department cannot be changed once the dialog is open');
            assert.ok(!(await shownTexts()).some((t) => t.startsWith('operator: Sales:')),
                `Sales did not answer: ${await shownTexts()}`);
            await screenshot('routed');

            // What the server stored: the dialog is in Support and assigned to the Support operator.
            const support = await rawOperator(SUPPORT_EMAIL);
            const departmentId = (name) => support.hello.departments.find((d) => d.name === name)?.id;
            const supportId = departmentId('Support');
            const salesId = departmentId('Sales');
            assert.ok(supportId && salesId, `both departments in the hello result: ${JSON.stringify(support.hello.departments)}`);
            const first = support.snapshot.messages.find((m) => m.text === 'Hello, Support team');
            assert.ok(first, 'the visitor message is in the Support operator\'s snapshot');
            const dialog = support.snapshot.dialogs.find((d) => d.id === first.dialogId);
            assert.equal(dialog.departmentId, supportId, 'the dialog is in Support');
            assert.equal(dialog.operatorId, support.hello.operator.id, 'the dialog is the Support operator\'s');

            // A transfer to Sales: the visitor sees a neutral line, never the operators' comment.
            await support.request('dialog.transfer', {
                dialogId: dialog.id, to: { departmentId: salesId }, comment: 'Asks about an invoice',
            });
            await bubble('system', 'Your conversation has been passed to a colleague.').waitFor({ state: 'visible' });
            const afterTransfer = await shownTexts();
            assert.ok(!afterTransfer.some((t) => t.includes('invoice')), `no comment shown: ${afterTransfer}`);
            await sendMessage('Is this Sales now?');
            await bubble('operator', 'Sales: Is this Sales now?').waitFor({ state: 'visible' });
            assert.ok(!(await shownTexts()).includes('operator: Support: Is this Sales now?'),
                'Support no longer answers');
            await screenshot('transferred');
            // Its socket would keep Support "online" (status online + connected) for the next test.
            support.close();
            assert.deepEqual(pageErrors, [], 'no script errors on the page');
        });
    });

test('with nobody online the visitor leaves an offline request that operators then see',
    { timeout: TEST_MS }, async () => {
        await withDiagnostics('offline', async () => {
            await Promise.all([stopBot(SALES_EMAIL), stopBot(SUPPORT_EMAIL)]);
            await newVisitor('en-US');
            await page.goto(`${baseUrl}/demo/contact.html`);
            await openChat();

            await byTestId('concierge-departments').waitFor({ state: 'visible' });
            await waitUntil('both departments show nobody online', async () => {
                const available = await departmentsAvailable();
                return available.Sales === false && available.Support === false;
            });
            assert.equal(await departmentButton('Support').locator('.cw-department-note').textContent(),
                'No one online — leave a message');
            await screenshot('offline-choice');
            await departmentButton('Support').click();

            const form = byTestId('concierge-offline-form');
            await form.waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-input').isVisible(), false, 'no chat input beside the offline form');
            assert.equal(await byTestId('concierge-department-chosen').textContent(), 'Department: Support');
            await byTestId('concierge-offline-name').fill('Ann Visitor');

            // Someone of Support comes online: the chat input is back; gone again: the form is back,
            // with what was typed.
            await startBot(SUPPORT_EMAIL, 'Support: ');
            await byTestId('concierge-input').waitFor({ state: 'visible' });
            assert.equal(await form.isVisible(), false, 'the form leaves while Support is online');
            await stopBot(SUPPORT_EMAIL);
            await form.waitFor({ state: 'visible' });
            assert.equal(await byTestId('concierge-offline-name').inputValue(), 'Ann Visitor', 'the typed name is kept');

            // No contact at all: the error says what is needed, under both boxes; email gets the focus.
            const text = 'Please call me back about a wholesale order of sencha.';
            await byTestId('concierge-offline-text').fill(text);
            await byTestId('concierge-offline-send').click();
            const contactError = byTestId('concierge-offline-contact-error');
            await contactError.waitFor({ state: 'visible' });
            assert.equal(await contactError.textContent(), 'Enter an email or a phone number so that we can reply.');
            assert.equal(await byTestId('concierge-offline-email').getAttribute('aria-invalid'), 'true');
            assert.equal(await byTestId('concierge-offline-phone').getAttribute('aria-invalid'), 'true');
            assert.match(await focusedTestId(), /^concierge-offline-email:/, 'the focus goes to the email box');

            // A mistyped email: the message follows the edit at once.
            const emailError = byTestId('concierge-offline-email-error');
            await byTestId('concierge-offline-email').fill('ann@example');
            await contactError.waitFor({ state: 'hidden' });
            await waitUntil('the error names the bad email',
                async () => (await emailError.textContent()) === 'Check the email address (like name@example.com).');
            await screenshot('offline-bad-email');
            await byTestId('concierge-offline-send').click();
            assert.equal(await form.isVisible(), true, 'a bad email is not sent');

            await byTestId('concierge-offline-email').fill('ann@example.com');
            await waitUntil('the error is gone', async () => !(await emailError.isVisible()));
            await byTestId('concierge-offline-phone').fill('+44 117 496 0000');
            await byTestId('concierge-offline-send').click();

            const thanks = byTestId('concierge-offline-thanks');
            await thanks.waitFor({ state: 'visible' });
            assert.equal(await thanks.textContent(), 'Thank you! We will get back to you by email or phone.');
            await bubble('visitor', text).waitFor({ state: 'visible' });
            await page.locator('[data-testid=concierge-message][data-author=visitor][data-state=sent]').waitFor();
            assert.equal(await form.isVisible(), false, 'the form is done');
            await screenshot('offline-sent');

            // The request is stored: an operator logging in now has it in the snapshot, unassigned.
            const op = await rawOperator(SUPPORT_EMAIL);
            const supportId = op.hello.departments.find((d) => d.name === 'Support')?.id;
            const stored = op.snapshot.messages.filter((m) => m.text === text);
            assert.equal(stored.length, 1, `the request is stored once: ${JSON.stringify(stored)}`);
            const dialog = op.snapshot.dialogs.find((d) => d.id === stored[0].dialogId);
            assert.ok(dialog, `the offline dialog is in the snapshot: ${JSON.stringify(op.snapshot.dialogs)}`);
            assert.deepEqual(dialog.offline, { name: 'Ann Visitor', email: 'ann@example.com', phone: '+44 117 496 0000' });
            assert.equal(dialog.state, 'waiting');
            assert.equal(dialog.operatorId, null, 'offline requests are not auto-assigned');
            assert.equal(dialog.departmentId, supportId, 'the request keeps the chosen department');
            op.close();

            // The thanks and the message survive a reload of the page.
            await page.reload();
            await openChat();
            await thanks.waitFor({ state: 'visible' });
            await bubble('visitor', text).waitFor({ state: 'visible' });
            assert.deepEqual(pageErrors, [], 'no script errors on the page');
        });
    });

test('in a Russian browser the choice and the offline form speak Russian', { timeout: TEST_MS }, async () => {
    await withDiagnostics('russian', async () => {
        await newVisitor('ru-RU');
        await page.goto(`${baseUrl}/demo/index.html`);
        await openChat();
        await byTestId('concierge-departments').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-departments').locator('.cw-departments-title').textContent(),
            'С кем вы хотите поговорить?');
        await waitUntil('the Russian "nobody online" note',
            async () => (await departmentButton('Sales').locator('.cw-department-note').textContent())
                === 'Сейчас никого нет — оставьте сообщение');
        await screenshot('ru-choice');

        await departmentButton('Sales').click();
        await byTestId('concierge-offline-form').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-offline-form').locator('label[for=cw-offline-email]').textContent(),
            'Эл. почта');
        await byTestId('concierge-offline-send').click();
        await byTestId('concierge-offline-contact-error').waitFor({ state: 'visible' });
        assert.equal(await byTestId('concierge-offline-contact-error').textContent(),
            'Укажите эл. почту или телефон, чтобы мы могли ответить.');
        assert.equal(await byTestId('concierge-offline-text-error').textContent(), 'Напишите сообщение.');
        await screenshot('ru-offline-errors');
        assert.deepEqual(pageErrors, [], 'no script errors on the page');
    });
});
