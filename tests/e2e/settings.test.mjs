// Settings end-to-end: an admin connects Personio through the real settings page, against the stand-in
// served as https://api.personio.de; the connection's rights, wrong credentials, a missing right and bad
// input are each shown plainly; secrets never come back to a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from './lib/browser.mjs';
import { startPersonio } from './lib/personio.mjs';

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
  await page.waitForSelector('input[name="app_id"]');
  return page;
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) await page.fill(`input[name="${name}"]`, value);
}

test('an admin connects with API credentials and sees the granted rights', async () => {
  const page = await openSettings();
  await fill(page, {
    app_id: `https://${personio.seed.subdomain}.personio.de`,
    client_id: personio.seed.client_id,
    client_secret: personio.seed.client_secret,
  });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status .rights');
  assert.match(await page.textContent('.connection-status'), /Connected to Personio/);
  for (const right of ['ReadPositions', 'CreateApplications', 'UploadDocuments']) {
    assert.match(await page.textContent(`[data-right="${right}"]`), /granted/, right);
  }
  assert.equal(await page.inputValue('input[name="app_id"]'), personio.seed.subdomain, 'the URL became the subdomain');
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
    app_id: personio.seed.subdomain,
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
  await fill(page, { app_id: personio.seed.subdomain, client_id: personio.seed.client_id, client_secret: 'not-the-secret' });
  await page.click('#save-and-test');
  await page.waitForSelector('.connection-status [role="alert"]');
  assert.match(await page.textContent('.connection-status'), /did not accept these credentials/);
  await page.close();
});

test('an e-mail address typed as App ID is refused at that field, and nothing is saved', async () => {
  const page = await openSettings();
  await fill(page, { app_id: 'recruiter@acme.example', client_id: 'x', client_secret: 'y' });
  await page.click('#save-and-test');
  await page.waitForSelector('#app_id-error:not(:empty)');
  assert.match(await page.textContent('#app_id-error'), /not an App ID|not a Personio address/);
  assert.equal(await page.getAttribute('input[name="app_id"]', 'aria-invalid'), 'true');
  await page.close();
});
