// The keyboard-first form (issue 14 §5) in the built extension's popup page, against the Personio stand-in:
// Ctrl+Enter creates exactly one application (validation first, pressed twice), Alt+2 / Alt+1 switch to the
// Documents / Candidate tab with the focus on the tab, Esc closes an open position list and the page handles
// it (so Chrome keeps the popup open) while an Esc with the list closed is left to the browser; the line of
// shortcuts is there, translated; the form reads in the order it is sent (tags with the comment, above what
// is not sent).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio, recruitersComment } from './lib/personio.mjs';
import { axeViolations } from './lib/axe.mjs';
import { message } from './lib/cv.mjs';


const FIXTURES = resolve('tests/fixtures/linkedin');
const NAME = 'profile-2026-en';
const URL_OF_PROFILE = readFileSync(join(FIXTURES, `${NAME}.url`), 'utf8').trim();

let personio;
let site;
let session;

before(async () => {
  personio = await startPersonio();
  site = await startLinkedInSite();
  site.pages.set(new URL(URL_OF_PROFILE).pathname, readFileSync(join(FIXTURES, `${NAME}.html`), 'utf8'));
  session = await launchWithExtension({ hosts: { ...personio.hosts, 'www.linkedin.com': site.port } });
  await session.request({ type: 'accept_disclaimer' });
  const saved = await session.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
});

after(async () => {
  await session?.close();
  await site?.close();
  await personio?.close();
});

async function openForm() {
  const tab = await session.context.newPage();
  await tab.goto(URL_OF_PROFILE);
  const popup = await session.openPopupFor(await session.tabIdOf(tab));
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value);
  return { tab, popup };
}

async function applications(email) {
  return (await personio.received()).applications.filter((a) => a.fields.email === email);
}

test('Alt+2 / Alt+1 switch to the Documents / Candidate tab and move the focus there', async () => {
  const { tab, popup } = await openForm();
  await popup.focus('input[name="email"]');
  await popup.keyboard.press('Alt+2');
  assert.equal(await popup.isVisible('#panel-documents'), true);
  assert.equal(await popup.isHidden('#panel-candidate'), true);
  assert.equal(await popup.getAttribute('#tab-documents', 'aria-selected'), 'true');
  assert.equal(await popup.evaluate(() => document.activeElement.id), 'tab-documents');
  assert.deepEqual(await axeViolations(popup), [], 'the Documents tab reached by keyboard');
  await popup.keyboard.press('Alt+1');
  assert.equal(await popup.isVisible('#panel-candidate'), true);
  assert.equal(await popup.isHidden('#panel-documents'), true);
  assert.equal(await popup.evaluate(() => document.activeElement.id), 'tab-candidate');
  await popup.close();
  await tab.close();
});

test('Esc closes an open position list and is handled by the page; with the list closed it is left to the browser', async () => {
  const { tab, popup } = await openForm();
  // What Chrome sees: an extension popup closes on an Escape whose default the page did not prevent.
  // Every Escape is kept (capture phase, before the page's handlers) and read once dispatching is over.
  await popup.evaluate(() => {
    window.escapes = [];
    window.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') window.escapes.push(ev);
    }, true);
  });
  const combo = popup.locator('input[role="combobox"]');
  await combo.click();
  await combo.press('ArrowDown');
  await popup.waitForSelector('[role="listbox"]:not([hidden])');
  assert.equal(await combo.getAttribute('aria-expanded'), 'true');
  await combo.press('Escape');
  assert.equal(await combo.getAttribute('aria-expanded'), 'false');
  assert.equal(await popup.isHidden('[role="listbox"]'), true);
  assert.equal(popup.isClosed(), false, 'the popup page stays');
  await combo.press('Escape');
  assert.deepEqual(await popup.evaluate(() => window.escapes.map((ev) => ev.defaultPrevented)), [true, false],
    'the first Escape is handled by the page, the second left to the browser');
  assert.equal(popup.isClosed(), false);
  assert.equal(await popup.evaluate(() => document.activeElement.getAttribute('role')), 'combobox', 'focus stays in the picker');
  await popup.close();
  await tab.close();
});

test('the shortcuts line lists them, translated; the tags sit with the comment, above what is not sent', async () => {
  const { tab, popup } = await openForm();
  const line = await popup.textContent('#keyboard-shortcuts');
  for (const key of ['kbdTitle', 'kbdCreate', 'kbdTabs', 'kbdEscape', 'kbdOpen']) {
    assert.ok(line.includes(message('en', key)), `${key} in "${line}"`);
  }
  const order = await popup.evaluate(() => {
    const at = (selector) => document.querySelector(selector);
    const before = (a, b) => Boolean(at(a).compareDocumentPosition(at(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
    return {
      commentBeforeTags: before('textarea[name="message"]', 'input[name="tags"]'),
      tagsBeforeDetails: before('input[name="tags"]', '.profile-details'),
      nothingBetween: [...document.querySelectorAll('#panel-candidate input, #panel-candidate textarea, #panel-candidate summary')]
        .map((el) => el.name || el.tagName.toLowerCase())
        .join(','),
    };
  });
  assert.equal(order.commentBeforeTags, true);
  assert.equal(order.tagsBeforeDetails, true);
  assert.match(order.nothingBetween, /message,tags,summary$/, 'the comment, then the tags, then "More from the profile"');
  const manifest = JSON.parse(readFileSync(resolve('manifest.json'), 'utf8'));
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+P', 'the open shortcut');
  await popup.close();
  await tab.close();
});

test('Ctrl+Enter validates first, then creates exactly one application, pressed twice', async () => {
  const { tab, popup } = await openForm();
  await popup.fill('input[name="email"]', 'keyboard@example.org');
  await popup.keyboard.press('Control+Enter');
  await popup.waitForSelector('#form-issues');
  assert.ok((await popup.textContent('#position-input-error')).length > 0, 'the missing position is named');
  assert.equal((await applications('keyboard@example.org')).length, 0);
  const combo = popup.locator('input[role="combobox"]');
  await combo.pressSequentially('rust');
  await popup.waitForSelector('[role="option"]');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await popup.focus('textarea[name="message"]');
  await popup.keyboard.type('Sent from the keyboard.');
  await popup.keyboard.press('Control+Enter');
  await popup.keyboard.press('Control+Enter');
  await popup.waitForSelector('.success', { timeout: 30_000 });
  const apps = await applications('keyboard@example.org');
  assert.equal(apps.length, 1, 'exactly one application');
  assert.equal(recruitersComment(apps[0].fields.message), 'Sent from the keyboard.', 'Ctrl+Enter adds no line break to the comment');
  assert.equal(apps[0].job_position_id, 1001);
  await popup.close();
  await tab.close();
});
