// The recruiter's view of LinkedIn's layouts, through the real extension and the Personio stand-in: every
// page of the 2026 server-driven layout (and the 2025 hashed one) prefills the form, on www and regional
// hosts; a profile in a layout none of the selector table's markers know opens the empty form with one plain
// sentence within about 6 s, "Copy diagnostics" yields JSON without the page's content, and the rest of the
// flow (position, create application) still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio } from './lib/personio.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const PREFILLED = ['profile-2026-en', 'profile-2026-de', 'profile-2026-fr', 'profile-2026-es', 'profile-2025-hashed-en'];
const UNKNOWN = 'unknown-layout';
/** The design bound (8 reads, 7 waits of 700 ms) plus the reads themselves on a busy machine. */
const UNKNOWN_WITHIN_MS = 7_000;

const urlOf = (name) => readFileSync(join(FIXTURES, `${name}.url`), 'utf8').trim();
const expectedOf = (name) => JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));

let personio;
let site;
let session;

before(async () => {
  personio = await startPersonio();
  site = await startLinkedInSite();
  const hosts = { ...personio.hosts };
  for (const name of [...PREFILLED, UNKNOWN]) {
    const url = new URL(urlOf(name));
    site.pages.set(url.pathname, readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
    hosts[url.hostname] = site.port;
  }
  session = await launchWithExtension({ hosts });
  await session.request({ type: 'accept_disclaimer' });
  const saved = await session.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
});

after(async () => {
  await session?.close();
  await site?.close();
  await personio?.close();
});

async function openPopupOn(name) {
  const tab = await session.context.newPage();
  await tab.goto(urlOf(name));
  const tabId = await session.tabIdOf(tab);
  // as a recruiter would: the popup is opened once the page has loaded and reported its URL
  await eventually(async () => (await session.request({ type: 'get_tab_state', tab_id: tabId })).state?.page.kind === 'profile');
  const started = Date.now();
  const popup = await session.openPopupFor(tabId);
  return { tab, popup, started };
}

for (const name of PREFILLED) {
  test(`${name}: the popup prefills the form from the page`, async () => {
    const { profile } = expectedOf(name);
    const { tab, popup } = await openPopupOn(name);
    await popup.waitForSelector('input[name="first_name"]');
    await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value !== '');
    assert.equal(await popup.inputValue('input[name="first_name"]'), profile.first_name.value);
    assert.equal(await popup.inputValue('input[name="last_name"]'), profile.last_name.value);
    assert.equal(await popup.inputValue('input[name="location"]'), profile.location.value ?? '');
    assert.equal(await popup.inputValue('input[name="email"]'), profile.contact.emails.value?.[0] ?? '');
    assert.match(await popup.textContent('[data-field="headline"]'), new RegExp(profile.headline.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await popup.locator('#unrecognised-page').count(), 0);
    await popup.close();
    await tab.close();
  });
}

test('an unknown layout: one plain sentence, the empty form within about 6 s, diagnostics without the page content, and the flow still works', async () => {
  const { tab, popup, started } = await openPopupOn(UNKNOWN);
  await popup.waitForSelector('#unrecognised-page', { timeout: UNKNOWN_WITHIN_MS + 3_000 });
  await popup.waitForSelector('input[name="first_name"]');
  const elapsed = Date.now() - started;
  console.log(`unknown layout said after ${elapsed} ms`);
  assert.ok(elapsed <= UNKNOWN_WITHIN_MS, `the unknown layout took ${elapsed} ms`);
  const sentence = await popup.textContent('#unrecognised-page [role="status"]');
  assert.ok(sentence.length > 10 && !/[{}]|Error|undefined/.test(sentence), sentence);
  for (const field of ['first_name', 'last_name', 'email', 'phone', 'location']) {
    assert.equal(await popup.inputValue(`input[name="${field}"]`), '', `${field} stays empty`);
  }

  // Copy diagnostics: the clipboard receives the JSON (captured here; the real clipboard needs focus).
  await popup.evaluate(() => {
    window.copiedText = null;
    navigator.clipboard.writeText = async (text) => { window.copiedText = text; };
  });
  await popup.click('#copy-diagnostics');
  await popup.waitForSelector('#diagnostics-status');
  const copied = await popup.evaluate(() => window.copiedText);
  const diagnostics = JSON.parse(copied);
  assert.match(diagnostics.selector_table, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(diagnostics.markers_found, []);
  assert.ok(diagnostics.chains.length >= 40 && diagnostics.chains.every((c) => c.selectors.every((s) => Number.isInteger(s.matches))));
  assert.ok(diagnostics.structure.tags.article >= 1, JSON.stringify(diagnostics.structure));
  for (const personal of ['Ingrid', 'Solheim', 'example.no', '912 34', 'Storgata', 'Brightwater', 'ingrid-solheim', 'urn:li', '1988']) {
    assert.ok(!copied.includes(personal), `${personal} leaked into the diagnostics`);
  }

  // The rest of the flow: typed by hand, then created in Personio.
  await popup.fill('input[name="first_name"]', 'Ingrid');
  await popup.fill('input[name="last_name"]', 'Solheim-Varga');
  await popup.fill('input[name="email"]', 'ingrid.solheim@example.no');
  const combo = popup.locator('input[role="combobox"]');
  await combo.pressSequentially('rust');
  await popup.waitForSelector('[role="option"]');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 20_000 });
  const received = await personio.received();
  const apps = received.applications.filter((a) => a.fields.email === 'ingrid.solheim@example.no');
  assert.equal(apps.length, 1);
  assert.equal(apps[0].fields.first_name, 'Ingrid');
  assert.equal(apps[0].fields.last_name, 'Solheim-Varga');
  const attributes = Object.fromEntries(apps[0].attributes.map((a) => [a.id, a.value]));
  assert.equal(attributes[personio.seed.linkedin_attribute], 'https://www.linkedin.com/in/ingrid-solheim-varga-5e6f/');
  await popup.close();
  await tab.close();
});
