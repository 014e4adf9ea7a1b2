// Admin policy and the candidate-information duty end to end. Chromium is started with a real enterprise
// policy for the extension: a copy of dist/ gets a test-only manifest `key` (never shipped), which fixes the
// extension id, and a Linux policy file under /etc/chromium/policies/managed/ carries
// `3rdparty.extensions.<id>`. The file is written before the browser starts and removed at the end, so
// other test files never see it. Checked: Chromium hands the policy to `storage.managed`; the popup is
// connected without anyone visiting the settings page; locked settings are read-only with the
// administrator line, unlocked ones are editable defaults; secrets never reach a page; an application
// created through the popup carries the GDPR Art. 14 sourcing line and the inform tag in the stand-in; the
// copied candidate notice names controller, contact, retention and rights. Without privacy settings the
// success view names what the admin must fill in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, rmdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, DIST } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio } from './lib/personio.mjs';
import { axeViolations } from './lib/axe.mjs';

/** Debian's chromium reads mandatory policies from here (`chrome://policy` lists them as "Platform"). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'personio-sourcing-e2e.json');
const FIXTURES = resolve('tests/fixtures/linkedin');
const PROFILE_URL = readFileSync(join(FIXTURES, 'profile-2024-en.url'), 'utf8').trim();

/** Chrome's extension id of a manifest key: the SHA-256 of the DER public key, first 32 hex digits,
 * each written with the letters a–p. */
function extensionIdOf(publicKeyDer) {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** A copy of dist/ whose manifest has a fresh test key; returns its folder and the id Chrome will give it. */
function keyedCopyOfDist() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = mkdtempSync(join(tmpdir(), 'e2e-keyed-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.key, undefined, 'the shipped manifest carries no key');
  manifest.key = der.toString('base64');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, id: extensionIdOf(der) };
}

/** The recruiter's local calendar date (what the worker writes into the comment). */
function localDate(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One month later, clamped to the month's end (as `sourcing_core::privacy::one_month_after`). */
function oneMonthAfter(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const last = new Date(year, month, 0).getDate();
  const pad = (n) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function englishDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

let personio;
let site;
let session;
let keyed;
let createdDirs = [];

function removePolicy() {
  rmSync(POLICY_FILE, { force: true });
  for (const dir of createdDirs.reverse()) {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
  createdDirs = [];
}

before(async () => {
  personio = await startPersonio();
  site = await startLinkedInSite();
  const url = new URL(PROFILE_URL);
  site.pages.set(url.pathname, readFileSync(join(FIXTURES, 'profile-2024-en.html'), 'utf8'));
  keyed = keyedCopyOfDist();
  const policy = {
    subdomain: personio.seed.subdomain,
    client_id: personio.seed.client_id,
    client_secret: personio.seed.client_secret,
    linkedin_attribute_id: personio.seed.linkedin_attribute,
    default_tags: ['linkedin-policy'],
    privacy_controller: 'Acme Robotics GmbH',
    privacy_contact: 'privacy@acme.example',
    retention_months: 6,
    legal_basis: 'legitimate_interest',
    inform_tag: true,
    locked: ['subdomain', 'client_id', 'client_secret', 'privacy_controller', 'inform_tag'],
  };
  for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      createdDirs.push(dir);
    }
  }
  try {
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [keyed.id]: policy } } }, null, 2));
    session = await launchWithExtension({ dist: keyed.dir, hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
  } catch (e) {
    removePolicy();
    throw e;
  }
});

after(async () => {
  try {
    await session?.close();
    await site?.close();
    await personio?.close();
  } finally {
    removePolicy();
    if (keyed) rmSync(keyed.dir, { recursive: true, force: true });
  }
});

test('Chromium reads the policy file and hands it to the extension whose id the test key fixes', async () => {
  assert.equal(session.extensionId, keyed.id, 'the id computed from the key is the one Chromium gave');
  const worker = await session.worker();
  const managed = await worker.evaluate(() => chrome.storage.managed.get(null));
  assert.equal(managed.subdomain, personio.seed.subdomain);
  assert.equal(managed.retention_months, 6);
  assert.deepEqual(managed.locked, ['subdomain', 'client_id', 'client_secret', 'privacy_controller', 'inform_tag']);
  // The content script's world cannot read the policy: the worker locked the area at start.
  const tab = await session.context.newPage();
  const cdp = await session.context.newCDPSession(tab);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await tab.goto(PROFILE_URL);
  const origin = `chrome-extension://${keyed.id}`;
  let world;
  for (let i = 0; i < 50 && !world; i += 1) {
    world = contexts.find((c) => c.origin === origin && c.auxData?.type === 'isolated');
    if (!world) await tab.waitForTimeout(100);
  }
  assert.ok(world, `the content script's world is found: ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData?.type]))}`);
  const fromContent = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.storage.managed.get(null).then((items) => 'read: ' + JSON.stringify(items), (e) => 'refused: ' + e.message)`,
  });
  const answerText = fromContent.result.value ?? JSON.stringify(fromContent.exceptionDetails);
  assert.ok(!String(answerText).includes(personio.seed.client_secret), `the content script cannot read the policy: ${answerText}`);
  assert.doesNotMatch(String(answerText), /^read:/, String(answerText));
  await tab.close();
  // Pages get the merged settings, never the policy's secret.
  const answer = await session.request({ type: 'get_setup' });
  assert.equal(answer.type, 'setup');
  assert.equal(JSON.stringify(answer).includes(personio.seed.client_secret), false, 'no secret reaches a page');
  const settings = answer.setup.settings;
  assert.equal(settings.subdomain, personio.seed.subdomain);
  assert.equal(settings.has_client_secret, true);
  assert.equal(settings.privacy.controller, 'Acme Robotics GmbH');
  assert.deepEqual(settings.default_tags, ['linkedin-policy']);
  assert.deepEqual(
    settings.managed.filter((m) => m.locked).map((m) => m.setting).sort(),
    ['client_id', 'client_secret', 'inform_tag', 'privacy_controller', 'subdomain'],
  );
});

test('with the policy alone the popup is connected: the form and the positions, no settings page visited', async () => {
  const tab = await session.context.newPage();
  await tab.goto(PROFILE_URL);
  const tabId = await session.tabIdOf(tab);
  const popup = await session.openPopupFor(tabId);
  await popup.waitForSelector('#accept-disclaimer');
  await popup.click('#accept-disclaimer');
  await popup.waitForSelector('input[name="first_name"]');
  assert.equal(await popup.locator('#open-settings').count(), 0, 'no "open the settings" prompt');
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value === 'Maren');
  // The policy's default tag is on the new form.
  await popup.waitForFunction(() => document.querySelector('.chips')?.textContent.includes('linkedin-policy'));
  const combo = popup.locator('input[role="combobox"]');
  await combo.pressSequentially('rust');
  await popup.waitForSelector('[role="option"]');
  assert.match(await popup.textContent('[role="listbox"]'), /Senior Rust Engineer/);
  await popup.close();
  await tab.close();
});

test('locked settings are read-only with the administrator line; unlocked ones are editable defaults', async () => {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  await page.waitForFunction(() => document.querySelector('input[name="subdomain"]').value !== '');
  for (const name of ['subdomain', 'client_id', 'client_secret', 'privacy_controller']) {
    const input = page.locator(`input[name="${name}"]`);
    assert.equal(await input.getAttribute('readonly'), '', `${name} is read-only`);
    assert.equal(await input.getAttribute('aria-readonly'), 'true', name);
    const described = await input.getAttribute('aria-describedby');
    assert.ok(described.split(' ').includes(`${name}-managed`), `${name}: ${described}`);
    assert.match(await page.textContent(`#${name}-managed`), /Set by your administrator/, name);
  }
  assert.equal(await page.inputValue('input[name="client_secret"]'), '', 'the policy secret is not shown');
  assert.equal(await page.locator('#remove-client_secret').count(), 0, 'a policy secret has no Remove');
  assert.equal(await page.isDisabled('#inform_tag'), true, 'the locked toggle cannot be changed');
  assert.equal(await page.isChecked('#inform_tag'), true);
  assert.match(await page.textContent('#inform_tag-managed'), /Set by your administrator/);
  // Typing into a locked field changes nothing.
  await page.locator('input[name="privacy_controller"]').pressSequentially('X');
  assert.equal(await page.inputValue('input[name="privacy_controller"]'), 'Acme Robotics GmbH');
  // Unlocked: the policy's value as a default the admin may change.
  const contact = page.locator('input[name="privacy_contact"]');
  assert.equal(await contact.getAttribute('readonly'), null);
  assert.equal(await contact.inputValue(), 'privacy@acme.example');
  assert.match(await page.textContent('#privacy_contact-managed'), /Default set by your administrator/);
  assert.deepEqual(await axeViolations(page), [], 'the settings page with locked fields has no accessibility violations');
  await contact.fill('dpo@acme.example');
  await page.fill('input[name="retention_months"]', '9');
  await page.click('#save-only');
  await page.waitForSelector('.connection-status .ok');
  const { setup } = await session.request({ type: 'get_setup' });
  assert.equal(setup.settings.privacy.contact, 'dpo@acme.example');
  assert.equal(setup.settings.privacy.retention_months, 9);
  // A save that tries to change locked settings (sent as a page would) leaves them as the policy says.
  const forged = await session.request({
    type: 'save_settings',
    input: { ...personio.settingsInput(), subdomain: 'evil', client_id: 'evil', privacy_controller: 'Evil Ltd', privacy_contact: 'dpo@acme.example', retention_months: '9', legal_basis: 'legitimate_interest', inform_tag: false },
  });
  assert.equal(forged.type, 'setup', JSON.stringify(forged));
  assert.equal(forged.setup.settings.subdomain, personio.seed.subdomain);
  assert.equal(forged.setup.settings.client_id, personio.seed.client_id);
  assert.equal(forged.setup.settings.privacy.controller, 'Acme Robotics GmbH');
  assert.equal(forged.setup.settings.privacy.inform_tag, true);
  await page.close();
});

test('an application carries the sourcing line and the inform tag; the copied notice names controller, contact, retention and rights', async () => {
  const tab = await session.context.newPage();
  await tab.goto(PROFILE_URL);
  const tabId = await session.tabIdOf(tab);
  const popup = await session.openPopupFor(tabId);
  await popup.waitForSelector('input[name="first_name"]');
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value === 'Maren');
  const combo = popup.locator('input[role="combobox"]');
  await combo.fill('');
  await combo.pressSequentially('rust');
  await popup.waitForSelector('[role="option"]');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  const email = 'maren.policy@example.org';
  await popup.fill('input[name="email"]', email);
  await popup.fill('textarea[name="message"]', 'Strong streaming background.');
  const today = localDate();
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 20_000 });

  const received = await personio.received();
  const apps = received.applications.filter((a) => a.fields.email === email);
  assert.equal(apps.length, 1, 'exactly one application');
  const [app] = apps;
  const line = `Sourced from LinkedIn (https://www.linkedin.com/in/maren-okafor-4b2a1c/) on ${englishDate(today)} through the sourcing extension; legal basis: legitimate interest, Art. 6(1)(f) GDPR.`;
  assert.ok(app.fields.message.startsWith('Strong streaming background.'), app.fields.message);
  assert.ok(app.fields.message.endsWith(line), app.fields.message);
  assert.equal(app.fields.message.split('Sourced from LinkedIn').length - 1, 1, 'the line is there once');
  assert.deepEqual([...app.tags].sort(), [`inform-by-${oneMonthAfter(today)}`, 'linkedin-policy'].sort());

  // Copy candidate notice: the text put on the clipboard (captured: the real clipboard needs window focus).
  await popup.waitForSelector('#copy-notice');
  await popup.evaluate(() => {
    window.copiedText = null;
    navigator.clipboard.writeText = async (text) => { window.copiedText = text; };
  });
  await popup.click('#copy-notice');
  await popup.waitForFunction(() => document.querySelector('#notice-copied').textContent.length > 0);
  const english = await popup.evaluate(() => window.copiedText);
  for (const needle of ['Acme Robotics GmbH', 'dpo@acme.example', '9 months', 'LinkedIn', 'Senior Rust Engineer', 'Maren',
    'access', 'rectification', 'erasure', 'restriction', 'object', 'complaint with a data protection supervisory authority']) {
    assert.ok(english.includes(needle), `the notice names ${needle}: ${english}`);
  }
  assert.equal(english, await popup.evaluate(() => document.querySelector('#notice-text').textContent), 'the shown text is the copied one');
  // The candidate's language instead of the recruiter's.
  await popup.selectOption('#notice-language', 'de');
  await popup.waitForFunction(() => document.querySelector('#notice-text').textContent.includes('Auskunft'));
  await popup.click('#copy-notice');
  await popup.waitForFunction(() => window.copiedText?.includes('Auskunft'));
  const german = await popup.evaluate(() => window.copiedText);
  for (const needle of ['Acme Robotics GmbH', 'dpo@acme.example', '9 Monate', 'Berichtigung', 'Löschung', 'Einschränkung', 'widersprechen', 'Aufsichtsbehörde']) {
    assert.ok(german.includes(needle), `the German notice names ${needle}: ${german}`);
  }
  assert.match(await popup.textContent('#notice-due'), new RegExp(englishDate(oneMonthAfter(today))));
  assert.deepEqual(await axeViolations(popup), [], 'the success view with the notice has no accessibility violations');
  await popup.close();
  await tab.close();
});

test('without privacy settings the success view names what the admin must fill in, and no notice', async () => {
  // The shipped build (no key, so no policy for it), connected through the background as before.
  const plain = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
  try {
    assert.notEqual(plain.extensionId, keyed.id);
    assert.deepEqual(await (await plain.worker()).evaluate(() => chrome.storage.managed.get(null)), {});
    await plain.configure(personio.settingsInput());
    const tab = await plain.context.newPage();
    await tab.goto(PROFILE_URL);
    const popup = await plain.openPopupFor(await plain.tabIdOf(tab));
    await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value === 'Maren');
    // Another position: the same profile on the same one would rightly be a duplicate.
    const combo = popup.locator('input[role="combobox"]');
    await combo.pressSequentially('designer');
    await popup.waitForSelector('[role="option"]');
    await combo.press('ArrowDown');
    await combo.press('Enter');
    const email = 'maren.noprivacy@example.org';
    await popup.fill('input[name="email"]', email);
    await popup.click('#create-application');
    await popup.waitForSelector('.success', { timeout: 20_000 });
    await popup.waitForSelector('#notice-missing');
    const text = await popup.textContent('#notice-missing');
    for (const label of ['Company name (controller)', 'Privacy contact', 'Retention period (months)', 'Legal basis']) {
      assert.ok(text.includes(label), `names ${label}: ${text}`);
    }
    assert.equal(await popup.locator('#copy-notice').count(), 0, 'no incomplete notice is offered');
    // The sourcing line is there without a legal basis; no inform tag (off by default).
    const [app] = (await personio.received()).applications.filter((a) => a.fields.email === email);
    assert.match(app.fields.message, /Sourced from LinkedIn \(https:\/\/www\.linkedin\.com\/in\/maren-okafor-4b2a1c\/\) on .+ through the sourcing extension\.$/);
    assert.equal(app.tags.some((t) => t.startsWith('inform-by-')), false);
    await popup.close();
    await tab.close();
  } finally {
    await plain.close();
  }
});
