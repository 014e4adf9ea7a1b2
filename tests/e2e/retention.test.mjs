// The candidate's data has an end: the purge at worker start and by its daily alarm deletes a draft untouched
// for 30 days with its files, files nothing refers to, and export records without their outbox entry;
// "Discard draft" and "Delete all candidate data on this browser" delete on request. Time is injected
// through the stored data (a draft whose last change is 31 days ago), never waited for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { MAREN, page, profileMain } from './lib/synthetic-profiles.mjs';
import { pdf } from './lib/files.mjs';
import { axeViolations } from './lib/axe.mjs';

const DAY = 86_400_000;
const MAREN_URL = `https://www.linkedin.com/in/${MAREN.slug}/`;

let site;
let session;

before(async () => {
  site = await startLinkedInSite();
  site.pages.set(`/in/${MAREN.slug}/`, page({ title: `${MAREN.name} | LinkedIn`, main: profileMain(MAREN) }));
  session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port } });
  await session.configure();
});

after(async () => {
  await session?.close();
  await site?.close();
});

/** Runs `fn(arg)` in the service worker, retrying while a restarted worker comes up. */
async function inWorker(fn, arg) {
  let last;
  for (let i = 0; i < 50; i += 1) {
    try {
      return await (await session.worker()).evaluate(fn, arg);
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw last;
}

/** The extension's file store (IndexedDB `personio-sourcing`/`documents`): `put` keys, or list the `keys`. */
function fileStore(op, keys = []) {
  return inWorker(async ({ op, keys }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('personio-sourcing', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('documents');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('documents', op === 'put' ? 'readwrite' : 'readonly');
    const store = tx.objectStore('documents');
    for (const key of keys) store.put(new Uint8Array([37, 80, 68, 70, 45]), key);
    const listed = op === 'keys' ? store.getAllKeys() : null;
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return listed ? [...listed.result].sort() : null;
  }, { op, keys });
}

const files = {
  put: (keys) => fileStore('put', keys),
  keys: () => fileStore('keys'),
};

const local = {
  set: (items) => inWorker((items) => chrome.storage.local.set(items), items),
  get: (key) => inWorker(async (key) => (await chrome.storage.local.get(key))[key] ?? null, key),
  keys: (prefix) => inWorker(async (prefix) => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith(prefix)).sort(), prefix),
};

function draft(url, ageDays, fileIds) {
  return {
    profile_url: url,
    first_name: 'Old',
    last_name: 'Draft',
    message: 'typed long ago',
    updated_at_ms: Date.now() - ageDays * DAY,
    documents: fileIds.map((id) => ({ id, name: `${id}.pdf`, size: 5, category: 'cv', mime: 'application/pdf' })),
  };
}

async function restartWorker() {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
  await session.request({ type: 'get_setup' }); // wakes the worker: its start runs the purge
}

async function seedOldAndRecent() {
  await local.set({
    'draft:https://www.linkedin.com/in/old-candidate/': draft('https://www.linkedin.com/in/old-candidate/', 31, ['old-cv', 'old-letter']),
    'draft:https://www.linkedin.com/in/recent-candidate/': draft('https://www.linkedin.com/in/recent-candidate/', 29, ['recent-cv']),
  });
  await files.put(['old-cv', 'old-letter', 'recent-cv']);
}

test('at worker start the purge deletes a draft untouched for 30 days with its files; a recent one stays', async () => {
  await seedOldAndRecent();
  await files.put(['stray-file']);
  await local.set({
    purge_unreferenced_files: { first_seen_ms: { 'stray-file': Date.now() - 2 * 60 * 60 * 1000 } },
    hris_exports: { entries: [{ job_id: 'job-no-longer-in-the-outbox', employee_id: 9, complete: true, report: { job_id: 'job-no-longer-in-the-outbox', candidate_name: 'Gone', employee_id: 9, exported: [], not_exported: [], exported_at_ms: 1 } }], creating: [] },
  });
  await restartWorker();
  const drafts = await eventually(async () => {
    const keys = await local.keys('draft:');
    return keys.length === 1 ? keys : null;
  }, { timeoutMs: 10_000 });
  assert.deepEqual(drafts, ['draft:https://www.linkedin.com/in/recent-candidate/']);
  assert.deepEqual(await files.keys(), ['recent-cv'], 'the old draft\'s files and the stray file are gone');
  assert.deepEqual((await local.get('hris_exports')).entries, [], 'the export record went with its outbox entry');
});

test('the daily alarm runs the purge too', async () => {
  const alarm = await inWorker(() => chrome.alarms.get('purge'));
  assert.equal(alarm?.periodInMinutes, 1440, 'a daily purge alarm exists');
  await seedOldAndRecent();
  // Fire the daily alarm now (unpacked extensions may fire alarms within a second).
  await inWorker(() => chrome.alarms.create('purge', { when: Date.now() + 1000, periodInMinutes: 1440 }));
  const drafts = await eventually(async () => {
    const keys = await local.keys('draft:');
    return keys.length === 1 ? keys : null;
  }, { timeoutMs: 15_000 });
  assert.deepEqual(drafts, ['draft:https://www.linkedin.com/in/recent-candidate/']);
  assert.deepEqual(await files.keys(), ['recent-cv']);
});

async function openForm() {
  const tab = await session.context.newPage();
  await tab.goto(MAREN_URL);
  const popup = await session.openPopupFor(await session.tabIdOf(tab));
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value === 'Maren');
  return { tab, popup };
}

test('"Discard draft" deletes the draft and its files, and the form starts again from the profile', async () => {
  const { tab, popup } = await openForm();
  await popup.fill('textarea[name="message"]', 'Met at the data meetup');
  await popup.fill('input[name="first_name"]', 'Marena');
  await popup.click('#tab-documents');
  await popup.setInputFiles('input[type="file"][name="files"]', [{ name: 'cv-maren.pdf', mimeType: 'application/pdf', buffer: pdf('Maren') }]);
  const saved = await eventually(async () => {
    const d = await local.get(`draft:${MAREN_URL}`);
    return d?.documents?.length === 1 && d.message === 'Met at the data meetup' ? d : null;
  });
  const fileId = saved.documents[0].id;
  assert.ok((await eventually(async () => (await files.keys()).includes(fileId))), 'the file is stored');
  await popup.click('#discard-draft');
  await popup.waitForSelector('#discard-draft-question');
  assert.deepEqual(await axeViolations(popup), [], 'the form while asking has no accessibility violations');
  await popup.click('#discard-draft-confirm');
  await popup.waitForSelector('#draft-discarded');
  assert.equal(await popup.inputValue('textarea[name="message"]'), '');
  assert.equal(await popup.inputValue('input[name="first_name"]'), 'Maren', 'prefilled from the profile again');
  assert.equal(await popup.locator('select[name^="files["]').count(), 0);
  assert.equal(await eventually(async () => (await local.get(`draft:${MAREN_URL}`)) === null), true, 'the draft is deleted');
  assert.equal((await files.keys()).includes(fileId), false, 'its file is deleted');
  await popup.close();
  // Opening the popup again starts from the profile.
  const again = await session.openPopupFor(await session.tabIdOf(tab));
  await again.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value === 'Maren');
  assert.equal(await again.inputValue('textarea[name="message"]'), '');
  await again.close();
  await tab.close();
});

test('"Delete all candidate data on this browser" asks first, then deletes drafts, files and the outbox; settings stay', async () => {
  await seedOldAndRecent();
  const queued = await session.request({
    type: 'submit',
    request: {
      profile_url: MAREN_URL,
      position: { id: 1001, name: 'Senior Rust Engineer' },
      candidate: { first_name: 'Maren', last_name: 'Okafor', email: 'maren@example.com', phone: null, location: null, linkedin_url: null, message: null, tags: [], job_position_id: 1001, extra_attributes: [] },
      documents: [],
    },
  });
  assert.equal(queued.type, 'job');
  const { tab } = await openForm(); // a page read: its tab state holds the profile
  const options = await session.context.newPage();
  await options.goto(session.url('options.html'));
  await options.click('#delete-candidate-data');
  await options.waitForSelector('#delete-candidate-data-question');
  assert.match(await options.textContent('#delete-candidate-data-question'), /including applications not sent yet/);
  await options.click('#delete-candidate-data-cancel');
  assert.equal((await local.keys('draft:')).length >= 2, true, 'cancel deletes nothing');
  await options.click('#delete-candidate-data');
  await options.click('#delete-candidate-data-confirm');
  await options.waitForSelector('#data-status .ok');
  assert.match(await options.textContent('#data-status'), /drafts: [23], files: 3, applications: 1/);
  assert.deepEqual(await local.keys('draft:'), []);
  assert.deepEqual(await files.keys(), []);
  assert.equal(await local.get('outbox'), null);
  const tabStates = await inWorker(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')));
  assert.deepEqual(tabStates, [], 'the pages read are forgotten');
  const { setup } = await session.request({ type: 'get_setup' });
  assert.equal(setup.settings.has_recruiting_token, true, 'the connection stays');
  assert.ok(setup.disclaimer, 'the disclaimer acceptance stays');
  await options.close();
  await tab.close();
});
