// The recruiter's flow end to end: the built extension in headless Chromium, a synthetic LinkedIn profile
// served as www.linkedin.com, and the Personio stand-in served as api.personio.de. Each test checks what the
// stand-in finally holds (fields, tags, categories, file bytes by SHA-256) and that nothing arrives twice.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio, FILTER_MODES } from './lib/personio.mjs';
import { docx, exe, pdf, sha256 } from './lib/files.mjs';
import { axeViolations } from './lib/axe.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const PROFILE_URL = readFileSync(join(FIXTURES, 'profile-2024-en.url'), 'utf8').trim();
const SECOND_URL = readFileSync(join(FIXTURES, 'profile-2025-hashed-en.url'), 'utf8').trim();

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
  session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
});

after(async () => {
  await session?.close();
  await site?.close();
  await personio?.close();
});

beforeEach(async () => {
  await personio.clearFaults();
  await personio.modes({});
  personio.online();
});

/** Connects through the settings page, as an admin would. */
async function connectThroughSettings() {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  await page.fill('input[name="subdomain"]', `https://${personio.seed.subdomain}.personio.de`);
  await page.fill('input[name="client_id"]', personio.seed.client_id);
  await page.fill('input[name="client_secret"]', personio.seed.client_secret);
  await page.fill('input[name="linkedin_attribute_id"]', personio.seed.linkedin_attribute);
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status .rights');
  await page.close();
}

/** Makes sure the extension is connected (through the background; the first test does it through the UI). */
async function ensureConnected() {
  const { setup } = await session.request({ type: 'get_setup' });
  if (setup.settings.client_id === personio.seed.client_id) return;
  await session.request({ type: 'save_settings', input: personio.settingsInput() });
}

async function openProfile(url = PROFILE_URL) {
  await ensureConnected();
  const tab = await session.context.newPage();
  await tab.goto(url);
  const tabId = await session.tabIdOf(tab);
  return { tab, tabId };
}

async function openForm(tabId) {
  const popup = await session.openPopupFor(tabId);
  const accept = popup.locator('#accept-disclaimer');
  await Promise.race([popup.waitForSelector('#accept-disclaimer'), popup.waitForSelector('input[name="first_name"]')]);
  if (await accept.count()) await accept.click();
  await popup.waitForSelector('input[name="first_name"]');
  // The draft loads asynchronously; wait until the prefill is in.
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value !== '');
  return popup;
}

async function pickPosition(popup, typed, expectedName) {
  const combo = popup.locator('input[role="combobox"]');
  await combo.fill('');
  await combo.pressSequentially(typed);
  await popup.waitForSelector('[role="option"]');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  assert.equal(await combo.inputValue(), expectedName);
}

async function addTags(popup, tags) {
  for (const tag of tags) {
    await popup.fill('input[name="tags"]', tag);
    await popup.press('input[name="tags"]', 'Enter');
  }
}

async function attach(popup, files) {
  await popup.click('#tab-documents');
  await popup.setInputFiles('input[type="file"][name="files"]', files);
  await popup.waitForFunction((n) => document.querySelectorAll('select[name^="files["]').length === n, files.length);
}

async function applications(email) {
  const received = await personio.received();
  return received.applications.filter((a) => a.fields.email === email);
}

test('the whole flow: connect, accept, pick by typing, fill, tag, attach, create once; Personio holds exactly that', async () => {
  await connectThroughSettings();
  const { tab, tabId } = await openProfile();
  const popup = await openForm(tabId);
  assert.equal(await popup.inputValue('input[name="first_name"]'), 'Maren');
  // The rest of the profile is shown for review, each field with its source.
  await popup.click('.profile-details summary');
  const experience = popup.locator('[data-field="experience"]');
  assert.match(await experience.textContent(), /Senior Data Engineer · Fjordlight Analytics \(2022-03 – present\)/);
  assert.equal(await experience.locator('[data-source]').getAttribute('data-source'), 'VisiblePage');
  assert.match(await popup.textContent('[data-field="skills"]'), /Apache Kafka/);
  await pickPosition(popup, 'rust', 'Senior Rust Engineer');
  await popup.fill('input[name="email"]', 'maren.okafor@example.org');
  await popup.fill('input[name="phone"]', '+47 555 01 234');
  await popup.fill('textarea[name="message"]', 'Met at the data meetup; strong streaming background.');
  await addTags(popup, ['linkedin-sourcing', 'data']);
  const cv = pdf('Maren Okafor CV');
  const letter = docx('Dear hiring team');
  await attach(popup, [
    { name: 'Maren-Okafor-CV.pdf', mimeType: 'application/pdf', buffer: cv },
    { name: 'Cover-letter.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: letter },
  ]);
  await popup.selectOption('select[name="files[1].category"]', 'cover-letter');
  // A double click must not create twice.
  await popup.dblclick('#create-application');
  await popup.waitForSelector('.success', { timeout: 20_000 });
  const receipt = await popup.textContent('.receipt');
  for (const expected of ['Senior Rust Engineer', 'maren.okafor@example.org', '+47 555 01 234', 'linkedin-sourcing', 'data', 'Maren-Okafor-CV.pdf', 'Cover-letter.docx']) {
    assert.ok(receipt.includes(expected), `the success view lists ${expected}: ${receipt}`);
  }
  const [app, ...others] = await applications('maren.okafor@example.org');
  assert.equal(others.length, 0, 'exactly one application');
  assert.equal(app.job_position_id, 1001);
  assert.equal(app.fields.first_name, 'Maren');
  assert.equal(app.fields.last_name, 'Okafor');
  assert.match(app.fields.message, /streaming background/);
  assert.deepEqual([...app.tags].sort(), ['data', 'linkedin-sourcing']);
  const attributes = Object.fromEntries(app.attributes.map((a) => [a.id, a.value]));
  assert.equal(attributes.phone, '+47 555 01 234');
  assert.equal(attributes[personio.seed.linkedin_attribute], 'https://www.linkedin.com/in/maren-okafor-4b2a1c/');
  const files = Object.fromEntries(app.files.map((f) => [f.name, f]));
  assert.equal(files['Maren-Okafor-CV.pdf'].category, 'cv');
  assert.equal(files['Maren-Okafor-CV.pdf'].sha256, sha256(cv));
  assert.equal(files['Cover-letter.docx'].category, 'cover-letter');
  assert.equal(files['Cover-letter.docx'].sha256, sha256(letter));
  assert.deepEqual(await axeViolations(popup), [], 'the success view has no accessibility violations');
  await popup.close();
  // The draft was cleared after success: a new popup starts from the profile again.
  const again = await openForm(tabId);
  assert.equal(await again.inputValue('input[name="email"]'), '');
  await again.close();
  await tab.close();
});

test('a popup closed mid-form restores the draft, attached files included, and sends it', async () => {
  const { tab, tabId } = await openProfile(SECOND_URL);
  let popup = await openForm(tabId);
  await pickPosition(popup, 'designer', 'Product Designer');
  await popup.fill('input[name="email"]', 'ravi.castellano@example.com');
  await addTags(popup, ['portfolio']);
  const cv = pdf('Ravi CV');
  await attach(popup, [{ name: 'Ravi-CV.pdf', mimeType: 'application/pdf', buffer: cv }]);
  await popup.waitForTimeout(300); // the draft is saved as the recruiter types
  await popup.close();
  popup = await openForm(tabId);
  await popup.waitForFunction(() => document.querySelector('input[name="email"]').value === 'ravi.castellano@example.com');
  assert.equal(await popup.locator('input[role="combobox"]').inputValue(), 'Product Designer');
  assert.match(await popup.textContent('.chips'), /portfolio/);
  await popup.click('#tab-documents');
  assert.match(await popup.textContent('#panel-documents'), /Ravi-CV\.pdf/);
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 20_000 });
  const [app, ...others] = await applications('ravi.castellano@example.com');
  assert.equal(others.length, 0);
  assert.equal(app.files[0].sha256, sha256(cv), 'the restored file reached Personio byte for byte');
  await popup.close();
  await tab.close();
});

test('the stored draft is read once, by the head start, and restored', async () => {
  const { tab, tabId } = await openProfile(SECOND_URL);
  let popup = await openForm(tabId);
  await popup.fill('input[name="email"]', 'head.start@example.com');
  await popup.waitForTimeout(300); // the draft is saved as the recruiter types
  await popup.close();
  // Every read of a draft key, with the script it came from: head-start.js asks for the draft as soon as the
  // tab's state is in; the app takes that read when the key is its own and reads again only when it is not.
  popup = await session.context.newPage();
  await popup.addInitScript(() => {
    const area = chrome.storage.local;
    const get = area.get.bind(area);
    globalThis.draftReads = [];
    area.get = (keys, ...rest) => {
      const names = [keys].flat().filter((k) => typeof k === 'string' && k.startsWith('draft:'));
      if (names.length) globalThis.draftReads.push({ names, fromHeadStart: /head-start\.js/.test(new Error().stack) });
      return get(keys, ...rest);
    };
  });
  await popup.goto(session.url(`popup.html?tab=${tabId}`));
  await popup.waitForFunction(() => document.querySelector('input[name="email"]')?.value === 'head.start@example.com');
  const reads = await popup.evaluate(() => globalThis.draftReads);
  assert.equal(reads.length, 1, `one read of the draft: ${JSON.stringify(reads)}`);
  assert.ok(reads[0].fromHeadStart, `the head start read it: ${JSON.stringify(reads)}`);
  // Leave no draft behind for the tests after this one.
  await popup.click('#discard-draft');
  await popup.click('#discard-draft-confirm');
  await popup.waitForSelector('#draft-discarded');
  await popup.close();
  await tab.close();
});

test('invalid input is refused at its field and nothing is sent; a .exe renamed .pdf and a 21 MB file are refused', async () => {
  const { tab, tabId } = await openProfile();
  const popup = await openForm(tabId);
  await popup.locator('input[role="combobox"]').fill('');
  await popup.fill('input[name="email"]', 'maren.example.org');
  await popup.click('#create-application');
  await popup.waitForSelector('#form-issues');
  assert.match(await popup.textContent('#email-error'), /@/);
  assert.equal(await popup.getAttribute('input[name="email"]', 'aria-invalid'), 'true');
  assert.ok((await popup.textContent('#position-input-error')).length > 0, 'the missing position is named');
  await popup.click('#tab-documents');
  await popup.setInputFiles('input[type="file"][name="files"]', [
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe() },
    { name: 'huge-portfolio.pdf', mimeType: 'application/pdf', buffer: pdf('big', 21 * 1024 * 1024) },
  ]);
  await popup.waitForFunction(() => document.querySelectorAll('.doc-refused').length === 2);
  const refusals = await popup.textContent('.doc-refusals');
  assert.match(refusals, /invoice\.pdf/);
  assert.match(refusals, /huge-portfolio\.pdf/);
  assert.match(refusals, /20 MB/);
  assert.equal(await popup.locator('select[name^="files["]').count(), 0, 'refused files are not attached');
  assert.equal((await applications('maren.example.org')).length, 0);
  await popup.close();
  await tab.close();
});

for (const { name, modes } of FILTER_MODES) {
  test(`an existing applicant is flagged by e-mail before creating, and not created again (${name})`, async () => {
    await personio.modes(modes);
    const { tab, tabId } = await openProfile();
    const popup = await openForm(tabId);
    await pickPosition(popup, 'rust', 'Senior Rust Engineer');
    await popup.fill('input[name="email"]', personio.seed.existing_applicant_email);
    await popup.waitForSelector('#duplicate-notice');
    const notice = popup.locator('#duplicate-notice');
    assert.equal(await notice.getAttribute('data-matched-by'), 'email');
    assert.match(await notice.textContent(), /Already in Personio: Erika Mustermann has already applied to this position \(stage: Neu, since \d{4}-\d{2}-\d{2}\)/);
    const before = (await applications(personio.seed.existing_applicant_email)).length;
    await popup.click('#create-application');
    await popup.waitForSelector('.job-duplicate');
    assert.equal((await applications(personio.seed.existing_applicant_email)).length, before, 'nothing created');
    await popup.close();
    await tab.close();
  });

  test(`a candidate Personio knows by the LinkedIn profile is flagged though the e-mail differs (${name})`, async () => {
    await personio.modes(modes);
    const { tab, tabId } = await openProfile(SECOND_URL);
    const popup = await openForm(tabId);
    await pickPosition(popup, 'rust', 'Senior Rust Engineer');
    await popup.fill('input[name="email"]', 'ravi.new@example.com');
    await popup.waitForSelector('#duplicate-notice');
    assert.equal(await popup.getAttribute('#duplicate-notice', 'data-matched-by'), 'linkedin');
    assert.match(await popup.textContent('#duplicate-notice'), /Ravi Castellano has already applied/);
    assert.match(await popup.textContent('#duplicate-notice'), /Recognised by the LinkedIn profile/);
    await popup.click('#create-application');
    await popup.waitForSelector('.job-duplicate');
    assert.equal((await applications('ravi.new@example.com')).length, 0, 'nothing created');
    // Another position: checked, clear, and said so.
    await popup.close();
    const again = await openForm(tabId);
    await pickPosition(again, 'working', 'Working Student Marketing');
    await again.fill('input[name="email"]', 'ravi.clear@example.com');
    await again.waitForSelector('#duplicate-clear');
    assert.match(await again.textContent('#duplicate-clear'), /no application with this e-mail or this LinkedIn profile/);
    assert.equal(await again.locator('#duplicate-notice, #duplicate-unavailable').count(), 0);
    assert.deepEqual(await axeViolations(again), [], 'the form with the duplicate check result');
    await again.close();
    await tab.close();
  });
}

test('when Personio leaves the fields out, the form says the duplicate check is unavailable; sending still works, once', async () => {
  // Every optional field absent, and candidate.email not trusted: the whole list comes back with ids only.
  await personio.modes({ sparse: true, distrust_observed_filters: true });
  const { tab, tabId } = await openProfile();
  const popup = await openForm(tabId);
  // The seeded applicant: Personio's answers cannot show her e-mail or position, so the check cannot tell.
  await pickPosition(popup, 'rust', 'Senior Rust Engineer');
  await popup.fill('input[name="email"]', personio.seed.existing_applicant_email);
  await popup.waitForSelector('#duplicate-unavailable');
  const text = await popup.textContent('#duplicate-unavailable');
  assert.match(text, /Duplicate check unavailable: Personio's answer did not include (candidate\.)?email/);
  assert.match(text, /Personio itself refuses a second application with the same e-mail/);
  assert.equal(await popup.locator('#duplicate-notice').count(), 0, 'never a false "already applied"');
  assert.deepEqual(await axeViolations(popup), [], 'the form with the unavailable check');
  // Sending is not blocked: Personio's own refusal ends it as a duplicate, not a failure.
  const before = (await applications(personio.seed.existing_applicant_email)).length;
  await popup.click('#create-application');
  await popup.waitForSelector('.job-duplicate', { timeout: 20_000 });
  assert.equal((await applications(personio.seed.existing_applicant_email)).length, before, 'nothing created');
  await popup.close();
  // A new e-mail: the documented e-mail filter on candidates finds no one, so the check is clear; sent once.
  const again = await openForm(tabId);
  await pickPosition(again, 'product', 'Product Designer');
  await again.fill('input[name="email"]', 'maren.sparse@example.org');
  await again.waitForSelector('#duplicate-clear, #duplicate-unavailable');
  assert.equal(await again.locator('#duplicate-notice').count(), 0);
  await again.click('#create-application');
  await again.waitForSelector('.success', { timeout: 20_000 });
  assert.equal((await applications('maren.sparse@example.org')).length, 1, 'created once');
  await again.close();
  await tab.close();
});

test('offline: the application waits in the outbox and is delivered once when Personio is reachable again', async () => {
  const { tab, tabId } = await openProfile(SECOND_URL);
  const popup = await openForm(tabId);
  await pickPosition(popup, 'recruiter', 'Recruiter');
  await popup.fill('input[name="email"]', 'ravi.offline@example.com');
  personio.offline();
  await popup.click('#create-application');
  await popup.waitForSelector('.job-waiting', { timeout: 20_000 });
  assert.match(await popup.textContent('.job-waiting'), /cannot be reached/);
  assert.match(await popup.textContent('.job-waiting'), /outbox/);
  personio.online();
  await popup.waitForSelector('.success', { timeout: 60_000 });
  assert.equal((await applications('ravi.offline@example.com')).length, 1);
  await popup.close();
  await tab.close();
});

test('the service worker stopped mid-upload: the application is delivered once', async () => {
  const { tab, tabId } = await openProfile(SECOND_URL);
  const popup = await openForm(tabId);
  await pickPosition(popup, 'working', 'Working Student Marketing');
  await popup.fill('input[name="email"]', 'ravi.restart@example.com');
  const files = [pdf('one', 300_000), pdf('two', 300_000), pdf('three', 300_000)];
  await attach(popup, files.map((buffer, i) => ({ name: `part-${i + 1}.pdf`, mimeType: 'application/pdf', buffer })));
  await personio.faults({ latency_ms: 1500, path_prefix: '/v2/recruiting/applications/documents' });
  await popup.click('#create-application');
  await popup.waitForSelector('.job-pending');
  await eventually(async () => (await personio.received()).uploads.length >= 1, { timeoutMs: 15_000 });
  const cdp = await session.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await personio.clearFaults();
  await popup.waitForSelector('.success', { timeout: 60_000 });
  const [app, ...others] = await applications('ravi.restart@example.com');
  assert.equal(others.length, 0, 'exactly one application');
  const own = app.files.filter((f) => f.name.startsWith('part-'));
  assert.deepEqual(own.map((f) => f.sha256).sort(), files.map(sha256).sort());
  // The CV made from the profile went through the same outbox, once.
  assert.deepEqual(app.files.filter((f) => !own.includes(f)).map((f) => [f.name, f.category]),
    [['Ravi Castellano – LinkedIn CV.pdf', 'cv']]);
  await popup.close();
  await tab.close();
});

test('a 429 queues the application with a countdown; it is delivered once after the wait', async () => {
  const { tab, tabId } = await openProfile();
  const popup = await openForm(tabId);
  await pickPosition(popup, 'product', 'Product Designer');
  await popup.fill('input[name="email"]', 'maren.ratelimited@example.org');
  await personio.faults({ rate_limit_next: 1, path_prefix: '/v2/recruiting/applications' });
  await popup.click('#create-application');
  await popup.waitForSelector('.job-waiting', { timeout: 20_000 });
  assert.match(await popup.textContent('.job-waiting'), /slow down/);
  assert.match(await popup.textContent('.countdown'), /\d+ s/);
  assert.deepEqual(await axeViolations(popup), [], 'the waiting view has no accessibility violations');
  await popup.waitForSelector('.success', { timeout: 120_000 });
  assert.equal((await applications('maren.ratelimited@example.org')).length, 1);
  await popup.close();
  await tab.close();
});

test('accessibility: the settings, form (both tabs), off-profile and set-up views have no axe violations', async () => {
  const views = [];
  const settings = await session.context.newPage();
  await settings.goto(session.url('options.html'));
  await settings.waitForSelector('input[name="subdomain"]');
  views.push(['settings', settings]);
  const { tab, tabId } = await openProfile();
  const form = await openForm(tabId);
  views.push(['form: candidate', form]);
  const feed = await session.context.newPage();
  await feed.goto('https://www.linkedin.com/feed/');
  const offProfile = await session.openPopupFor(await session.tabIdOf(feed));
  await offProfile.waitForSelector('.off-profile');
  views.push(['off profile', offProfile]);
  for (const [name, page] of views) {
    assert.deepEqual(await axeViolations(page), [], name);
  }
  await form.click('#tab-documents');
  assert.deepEqual(await axeViolations(form), [], 'form: documents');
  await session.request({ type: 'accept_disclaimer' });
  for (const page of [settings, form, feed, offProfile, tab]) await page.close();
});
