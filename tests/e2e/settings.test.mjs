// Settings end-to-end: an admin connects Personio through the real settings page, against the stand-in
// served as https://api.personio.de; the connection's rights, wrong credentials, a missing right and bad
// input are each shown plainly; secrets never come back to a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from './lib/browser.mjs';
import { startPersonio } from './lib/personio.mjs';
import { axeViolations } from './lib/axe.mjs';

let personio;
let session;

before(async () => {
  personio = await startPersonio();
  session = await launchWithExtension({ hosts: personio.hosts });
});

after(async () => {
  await session?.close();
  await personio?.close();
});

async function openSettings() {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  await page.waitForSelector('input[name="subdomain"]');
  return page;
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) await page.fill(`input[name="${name}"]`, value);
}

test('an admin connects with API credentials and sees the granted rights', async () => {
  const page = await openSettings();
  await fill(page, {
    subdomain: `https://${personio.seed.subdomain}.personio.de`,
    client_id: personio.seed.client_id,
    client_secret: personio.seed.client_secret,
  });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status .rights');
  assert.match(await page.textContent('.connection-status'), /Connected to Personio/);
  for (const right of ['ReadPositions', 'CreateApplications', 'UploadDocuments']) {
    assert.match(await page.textContent(`[data-right="${right}"]`), /granted/, right);
  }
  assert.equal(await page.inputValue('input[name="subdomain"]'), personio.seed.subdomain, 'the URL became the subdomain');
  assert.equal(await page.inputValue('input[name="client_secret"]'), '', 'the secret is not shown again');
  assert.match(await page.getAttribute('input[name="client_secret"]', 'placeholder'), /Saved/);
  const setup = await session.request({ type: 'get_setup' });
  assert.equal(JSON.stringify(setup).includes(personio.seed.client_secret), false, 'no secret reaches a page');
  assert.equal(setup.setup.settings.has_client_secret, true);
  await page.close();
});

test('credentials without the write scope say which right is missing', async () => {
  const page = await openSettings();
  await fill(page, {
    subdomain: personio.seed.subdomain,
    client_id: personio.seed.readonly_client_id,
    client_secret: personio.seed.readonly_client_secret,
  });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status .rights');
  assert.match(await page.textContent('[data-right="ReadPositions"]'), /granted/);
  assert.match(await page.textContent('[data-right="CreateApplications"]'), /missing/);
  await page.close();
});

test('a wrong secret is refused plainly', async () => {
  const page = await openSettings();
  await fill(page, { subdomain: personio.seed.subdomain, client_id: personio.seed.client_id, client_secret: 'not-the-secret' });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status [role="alert"]');
  assert.match(await page.textContent('.connection-status'), /did not accept these credentials/);
  await page.close();
});

test('an e-mail address typed as the subdomain is refused at that field, and nothing is saved', async () => {
  const page = await openSettings();
  await fill(page, { subdomain: 'recruiter@acme.example', client_id: 'x', client_secret: 'y' });
  await page.click('#save-and-test');
  await page.waitForSelector('#subdomain-error:not(:empty)');
  assert.match(await page.textContent('#subdomain-error'), /not a subdomain|not a Personio address/);
  assert.equal(await page.getAttribute('input[name="subdomain"]', 'aria-invalid'), 'true');
  await page.close();
});

async function stored(area, key) {
  const worker = await session.worker();
  return worker.evaluate(async ({ area, key }) => (await chrome.storage[area].get(key))[key] ?? null, { area, key });
}

test('a token pasted with an invisible character is refused at its field, naming the character and its position', async () => {
  const page = await openSettings();
  const token = personio.seed.recruiting_token;
  await fill(page, { subdomain: personio.seed.subdomain, client_id: '', company_id: personio.seed.company_id, recruiting_token: `${token}\u200B` });
  await page.click('#save-only');
  await page.waitForSelector('#recruiting_token-error:not(:empty)');
  assert.match(
    await page.textContent('#recruiting_token-error'),
    new RegExp(`invisible character \\(U\\+200B\\) at position ${token.length + 1}`),
  );
  assert.equal(await page.getAttribute('input[name="recruiting_token"]', 'aria-invalid'), 'true');
  assert.equal((await stored('local', 'credentials'))?.recruiting_token ?? '', '', 'nothing was saved');
  await page.close();
});

test('a stored secret can be removed, and the admin can move from API credentials to the v1 token', async () => {
  await session.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal((await session.request({ type: 'test_connection' })).type, 'connection');
  const page = await openSettings();
  await page.waitForSelector('#remove-client_secret');
  assert.equal(await page.locator('#remove-recruiting_token').count(), 0, 'no token stored, nothing to remove');
  await page.click('#remove-client_secret');
  await page.waitForSelector('.connection-status .ok');
  assert.match(await page.textContent('.connection-status'), /Client Secret removed from this browser/);
  assert.equal(await page.locator('#remove-client_secret').count(), 0);
  assert.equal(await page.getAttribute('input[name="client_secret"]', 'placeholder'), '');
  const removed = await session.request({ type: 'get_setup' });
  assert.equal(removed.setup.settings.has_client_secret, false);
  assert.equal(removed.setup.connection, null, 'the connection check went with it');
  assert.equal((await stored('local', 'credentials')).client_secret, '');
  assert.equal(await stored('session', 'personio_client_state'), null, 'the token obtained with it is gone');
  // Now the v1 token instead.
  await fill(page, { client_id: '', company_id: personio.seed.company_id, recruiting_token: personio.seed.recruiting_token });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status .rights');
  assert.match(await page.textContent('.connection-status'), /v1/);
  await page.waitForSelector('#remove-recruiting_token');
  const v1 = await session.request({ type: 'get_setup' });
  assert.deepEqual(
    [v1.setup.settings.client_id, v1.setup.settings.has_client_secret, v1.setup.settings.has_recruiting_token],
    ['', false, true],
  );
  await page.click('#remove-recruiting_token');
  await page.waitForFunction(() => !document.querySelector('#remove-recruiting_token'));
  assert.equal((await session.request({ type: 'get_setup' })).setup.settings.has_recruiting_token, false);
  await page.close();
});

test('forgetting the connection deletes the credentials, tokens and cached positions (after asking)', async () => {
  await session.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal((await session.request({ type: 'test_connection' })).type, 'connection');
  assert.equal((await session.request({ type: 'list_positions', refresh: true })).type, 'positions');
  assert.notEqual(await stored('session', 'positions_cache'), null);
  assert.notEqual(await stored('session', 'personio_client_state'), null);
  const page = await openSettings();
  await page.click('#forget-connection');
  await page.waitForSelector('#forget-connection-question');
  assert.match(await page.textContent('#forget-connection-question'), /Delete the credentials/);
  assert.deepEqual(await axeViolations(page), [], 'the settings page while asking has no accessibility violations');
  await page.click('#forget-connection-cancel');
  assert.equal((await session.request({ type: 'get_setup' })).setup.settings.has_client_secret, true, 'cancel keeps everything');
  await page.click('#forget-connection');
  await page.click('#forget-connection-confirm');
  await page.waitForSelector('.connection-status .ok');
  assert.match(await page.textContent('.connection-status'), /Connection forgotten/);
  assert.equal(await page.inputValue('input[name="subdomain"]'), '');
  assert.equal(await page.inputValue('input[name="client_id"]'), '');
  const { setup } = await session.request({ type: 'get_setup' });
  assert.equal(setup.settings.subdomain, '');
  assert.equal(setup.settings.has_client_secret, false);
  assert.equal(setup.settings.linkedin_attribute_id, '');
  assert.equal(setup.connection, null);
  for (const [area, key] of [['local', 'credentials'], ['local', 'field_mapping'], ['local', 'connection'], ['session', 'personio_client_state'], ['session', 'positions_cache']]) {
    assert.equal(await stored(area, key), null, `${area}.${key} is gone`);
  }
  await page.close();
});

test('the settings page lists how long candidate data is kept', async () => {
  const page = await openSettings();
  const text = await page.textContent('#retention');
  for (const period of [/Drafts and their files: 30 days after their last change/, /at the latest after 180 days/, /the last 200 stay/, /when the tab or the browser is closed/]) {
    assert.match(text, period);
  }
  await page.close();
});
