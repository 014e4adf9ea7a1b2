// "Already in Personio?" end to end: the built extension in headless Chromium, synthetic LinkedIn profiles
// served as www.linkedin.com, the Personio stand-in as api.personio.de. The stand-in holds Ravi Castellano
// (candidate 300002) with his LinkedIn profile stored as `linkedin.com/in/ravi-castellano-9e21f0` (no scheme,
// no www, no trailing slash) while the fixture's tab shows `https://www.linkedin.com/in/ravi-castellano-9e21f0/
// ?utm_source=…`, and his application 400002 on Senior Rust Engineer. Checks, against what the stand-in
// recorded and finally holds: the panel before anything is typed (position, stage, link), the toolbar badge
// per tab, no Personio call when the popup opens again on the same profile, "Add to another position" adding
// an application to the same candidate, the lookup by a typed e-mail, the panel hidden with its reason on
// a 403 and with v1 credentials, and (issue 13) a popup whose tab state is not stored yet still gets the form.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio } from './lib/personio.mjs';
import { axeViolations } from './lib/axe.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const RAVI_URL = readFileSync(join(FIXTURES, 'profile-2025-hashed-en.url'), 'utf8').trim();
const MAREN_URL = readFileSync(join(FIXTURES, 'profile-2024-en.url'), 'utf8').trim();
const DOT = '\u25CF';

let personio;
let site;
let session;

before(async () => {
  personio = await startPersonio();
  site = await startLinkedInSite();
  for (const name of ['profile-2024-en', 'profile-2025-hashed-en']) {
    const url = new URL(readFileSync(join(FIXTURES, `${name}.url`), 'utf8').trim());
    site.pages.set(url.pathname, readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
  }
  site.pages.set('/feed/', '<!doctype html><title>Feed | LinkedIn</title><main><h2>Feed</h2></main>');
  session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
  await session.request({ type: 'accept_disclaimer' });
});

after(async () => {
  await session?.close();
  await site?.close();
  await personio?.close();
});

beforeEach(async () => {
  await personio.clearFaults();
  await personio.modes({});
});

/** Saves the connection through the background (a change of credentials also empties the lookup cache). */
async function connect(input = personio.settingsInput()) {
  const saved = await session.request({ type: 'save_settings', input });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
}

async function openTab(url) {
  const tab = await session.context.newPage();
  await tab.goto(url);
  const tabId = await session.tabIdOf(tab);
  // The content script reported the profile: the icon is enabled.
  await eventually(async () => (await session.actionState(tabId)).enabled);
  return { tab, tabId };
}

async function openForm(tabId) {
  const popup = await session.openPopupFor(tabId);
  await popup.waitForSelector('input[name="first_name"]');
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value !== '');
  return popup;
}

/** Waits until the position list is in (so nothing is still on its way to Personio). */
async function positionsLoaded(popup) {
  await popup.waitForFunction(() => !document.querySelector('#position-input')?.hasAttribute('aria-busy'));
}

async function badge(tabId) {
  const worker = await session.worker();
  return worker.evaluate(async (tabId) => ({
    text: await chrome.action.getBadgeText({ tabId }),
    title: await chrome.action.getTitle({ tabId }),
  }), tabId);
}

async function exchanges() {
  return personio.admin('exchanges');
}

async function clearExchanges() {
  await personio.admin('exchanges', { method: 'DELETE' });
}

test('a candidate Personio knows by the LinkedIn profile is shown before any typing; the badge marks that tab only; reopening costs no call', async () => {
  await connect();
  await personio.admin('applications/400002/stage', { method: 'POST', body: { stage: '2101' } });
  await clearExchanges();
  const ravi = await openTab(RAVI_URL);
  const popup = await openForm(ravi.tabId);
  await popup.waitForSelector('#known-candidate');
  assert.equal(await popup.inputValue('input[name="email"]'), '', 'nothing typed');
  const panel = popup.locator('#known-candidate');
  assert.equal(await panel.getAttribute('data-matched-by'), 'linkedin');
  const text = await panel.textContent();
  assert.match(text, /Already in Personio/);
  assert.match(text, /Ravi Castellano \(ravi\.c@private\.example\) is a candidate in Personio\. Recognised by the LinkedIn profile\./);
  const rows = await panel.locator('.known-applications li').allTextContents();
  assert.equal(rows.length, 1);
  assert.match(rows[0], /^Senior Rust Engineer · stage: Telefoninterview, since \d{4}-\d{2}-\d{2}$/);
  const link = panel.locator('#known-open');
  assert.equal(await link.getAttribute('href'), `https://${personio.seed.subdomain}.personio.de/recruiting/applications/400002`);
  assert.equal(await link.getAttribute('target'), '_blank');
  // What the lookup asked: the company's candidates (no LinkedIn filter exists), the application by id.
  const asked = (await exchanges()).filter((e) => e.path.startsWith('/v2/recruiting/'));
  console.log(`first open on the profile: ${asked.length} recruiting reads (${asked.map((e) => e.path).join(', ')})`);
  assert.ok(asked.some((e) => e.path === '/v2/recruiting/candidates' && !/email=/.test(e.query ?? '')), 'candidates scanned');
  assert.ok(asked.some((e) => e.path === '/v2/recruiting/applications/400002'), 'the application read by id');
  assert.deepEqual(await axeViolations(popup), [], 'the form with the panel');

  // The badge: a dot and a title on Ravi's tab.
  const marked = await eventually(async () => {
    const b = await badge(ravi.tabId);
    return b.text === DOT ? b : null;
  });
  assert.deepEqual(marked, { text: DOT, title: 'Already in Personio: send this profile to Personio' });

  // Another profile Personio does not know: no badge there, Ravi's tab keeps its own.
  const maren = await openTab(MAREN_URL);
  const marenPopup = await openForm(maren.tabId);
  await marenPopup.waitForSelector('#known-none');
  assert.match(await marenPopup.textContent('#known-none'), /Not in Personio yet: no candidate has this LinkedIn profile/);
  assert.equal(await marenPopup.locator('#known-candidate').count(), 0);
  assert.deepEqual(await badge(maren.tabId), { text: '', title: 'Send this profile to Personio' });
  assert.equal((await badge(ravi.tabId)).text, DOT);
  await marenPopup.close();

  // Reopening on the same profile: answered from the session cache, no call reaches Personio.
  await positionsLoaded(popup);
  await popup.close();
  await clearExchanges();
  const again = await openForm(ravi.tabId);
  await again.waitForSelector('#known-candidate');
  await positionsLoaded(again);
  assert.match(await again.textContent('#known-candidate'), /Telefoninterview/);
  assert.deepEqual((await exchanges()).map((e) => `${e.method} ${e.path}`), [], 'no Personio call on reopening');
  await again.close();

  // Navigating the tab to another profile clears the badge.
  await ravi.tab.goto(MAREN_URL);
  const cleared = await eventually(async () => {
    const b = await badge(ravi.tabId);
    return b.text === '' && (await session.actionState(ravi.tabId)).enabled ? b : null;
  });
  assert.equal(cleared?.text, '', 'no badge on the other profile');
  await ravi.tab.close();
  await maren.tab.close();
});

test('"Add to another position": the picker marks the applied position, which shows the duplicate notice; the application goes to the same candidate', async () => {
  await connect();
  const { tab, tabId } = await openTab(RAVI_URL);
  const popup = await openForm(tabId);
  await popup.waitForSelector('#known-add');
  assert.equal(await popup.textContent('#create-application'), 'Create application');
  await popup.click('#known-add');
  assert.equal(await popup.inputValue('input[name="email"]'), personio.seed.linkedin_applicant_email);
  assert.match(await popup.textContent('#known-adding'), /goes to the existing candidate \(ravi\.c@private\.example\)/);
  assert.equal(await popup.textContent('#create-application'), 'Add application');
  assert.equal(await popup.evaluate(() => document.activeElement?.id), 'position-input', 'the focus moves to the position');
  // The position he applied to is marked in the list; choosing it shows the duplicate notice as before.
  const combo = popup.locator('input[role="combobox"]');
  await combo.pressSequentially('rust');
  const applied = popup.locator('[role="option"][data-value="1001"]');
  await applied.waitFor();
  assert.equal(await applied.getAttribute('data-applied'), 'true');
  assert.match(await applied.textContent(), /already applied · Telefoninterview/);
  assert.deepEqual(await axeViolations(popup), [], 'the open list with a marked position');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await popup.waitForSelector('#duplicate-notice');
  assert.equal(await popup.getAttribute('#duplicate-notice', 'data-matched-by'), 'email');
  // Another position: not marked; the application is added to candidate 300002.
  await combo.fill('');
  await combo.pressSequentially('recruiter');
  const other = popup.locator('[role="option"][data-value="1002"]');
  await other.waitFor();
  assert.equal(await other.getAttribute('data-applied'), null);
  await combo.press('ArrowDown');
  await combo.press('Enter');
  assert.equal(await combo.inputValue(), 'Recruiter');
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 20_000 });
  const received = await personio.received();
  const people = received.candidates.filter((c) => c.email === personio.seed.linkedin_applicant_email);
  assert.equal(people.length, 1, 'one candidate');
  const theirs = received.applications.filter((a) => a.candidate_id === people[0].id);
  assert.deepEqual(theirs.map((a) => a.job_position_id).sort(), [1001, 1002], 'two applications of the same candidate');
  await popup.close();
  // The lookup is asked again after the application was created: both positions are listed.
  const again = await openForm(tabId);
  await again.waitForSelector('#known-candidate');
  const rows = await again.locator('.known-applications li').allTextContents();
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.ok(rows.some((r) => r.startsWith('Recruiter · stage: Neu')), rows.join(' | '));
  await again.close();
  await tab.close();
});

test('a typed e-mail finds the candidate the profile does not know', async () => {
  await connect();
  const { tab, tabId } = await openTab(MAREN_URL);
  const popup = await openForm(tabId);
  await popup.waitForSelector('#known-none');
  await popup.fill('input[name="email"]', personio.seed.existing_applicant_email);
  await popup.waitForSelector('#known-candidate');
  assert.equal(await popup.getAttribute('#known-candidate', 'data-matched-by'), 'email');
  assert.match(await popup.textContent('#known-candidate'), /Erika Mustermann .* Recognised by the e-mail address\./);
  assert.match(await popup.textContent('.known-applications'), /Senior Rust Engineer · stage: Neu/);
  // Found by e-mail on this profile: the badge marks the tab too.
  assert.equal((await eventually(async () => ((await badge(tabId)).text === DOT ? DOT : null))), DOT);
  await popup.close();
  await tab.close();
});

test('credentials that may not read candidates (403) or v1 credentials hide the panel with one line saying why', async () => {
  await connect({ ...personio.settingsInput(), client_id: personio.seed.writeonly_client_id, client_secret: personio.seed.writeonly_client_secret });
  const { tab, tabId } = await openTab(RAVI_URL);
  await clearExchanges();
  const popup = await openForm(tabId);
  await popup.waitForSelector('#known-hidden');
  assert.equal(await popup.getAttribute('#known-hidden', 'data-reason'), 'no_read_right');
  assert.match(await popup.textContent('#known-hidden'), /is not shown: these API credentials may not read candidates/);
  assert.equal(await popup.locator('#known-candidate').count(), 0);
  const refused = (await exchanges()).filter((e) => e.path === '/v2/recruiting/candidates');
  assert.deepEqual(refused.map((e) => e.status), [403], 'one refused read');
  assert.equal((await badge(tabId)).text, '');
  assert.deepEqual(await axeViolations(popup), [], 'the form with the hidden panel');
  await popup.close();
  // v1 only: the stored client secret goes first (as *Remove* on the settings page does).
  assert.equal((await session.request({ type: 'remove_secret', secret: 'client_secret' })).type, 'setup');
  await connect({
    subdomain: personio.seed.subdomain, client_id: '', client_secret: null,
    company_id: personio.seed.company_id, recruiting_token: personio.seed.recruiting_token,
  });
  const v1 = await openForm(tabId);
  await v1.waitForSelector('#known-hidden');
  assert.equal(await v1.getAttribute('#known-hidden', 'data-reason'), 'needs_v2');
  assert.match(await v1.textContent('#known-hidden'), /needs API v2 credentials/);
  await v1.close();
  assert.equal((await session.request({ type: 'remove_secret', secret: 'recruiting_token' })).type, 'setup');
  await connect();
  await tab.close();
});

test('issue 13: a popup opened before the tab state is stored asks the page and gets the form; a page that is no profile still refuses', async () => {
  await connect();
  const { tab, tabId } = await openTab(RAVI_URL);
  const worker = await session.worker();
  const clear = (id) => worker.evaluate((id) => chrome.storage.session.remove(`tab:${id}`), id);
  await clear(tabId);
  assert.equal(await worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`).then((r) => r[`tab:${id}`] ?? null), tabId), null);
  const popup = await openForm(tabId);
  assert.equal(await popup.inputValue('input[name="first_name"]'), 'Ravi');
  await popup.close();
  const feed = await session.context.newPage();
  await feed.goto('https://www.linkedin.com/feed/');
  const feedId = await session.tabIdOf(feed);
  await clear(feedId);
  const offProfile = await session.openPopupFor(feedId);
  await offProfile.waitForSelector('.off-profile');
  assert.equal(await offProfile.locator('input[name="first_name"]').count(), 0);
  await offProfile.close();
  await feed.close();
  await tab.close();
});
