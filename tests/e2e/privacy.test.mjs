// What leaves LinkedIn's page: markup only for a candidate profile and only on demand. The side panel on the
// feed and on a messaging page asks for no snapshot while it follows the active tab; the content script
// itself refuses to hand over any other page; a tab keeps its full URL only when it is a profile; a snapshot
// over 8 MB or a URL over 2 KB is refused, not parsed. Every `take_snapshot` the worker sends is recorded by
// wrapping `chrome.tabs.sendMessage` in the service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { MAREN, TOBIAS, page, profileMain } from './lib/synthetic-profiles.mjs';

const PRIVATE = 'Confidential: salary talk with Tobias';

let site;
let session;

before(async () => {
  site = await startLinkedInSite();
  site.pages.set(`/in/${MAREN.slug}/`, page({ title: `${MAREN.name} | LinkedIn`, main: profileMain(MAREN) }));
  site.pages.set(`/in/${TOBIAS.slug}/`, page({ title: `${TOBIAS.name} | LinkedIn`, main: profileMain(TOBIAS) }));
  site.pages.set('/feed/', page({ title: 'Feed | LinkedIn', main: `<main><h2>Feed</h2><p>${PRIVATE}</p></main>` }));
  site.pages.set('/messaging/thread/2-aGVsbG8/', page({
    title: 'Messaging | LinkedIn',
    main: `<main><h2>Messaging</h2><p>${PRIVATE}</p></main><div role="dialog"><p>${PRIVATE}</p></div>`,
  }));
  // A profile page far beyond any real one (9 MB of markup).
  site.pages.set('/in/huge-profile-9mb/', page({
    title: 'Huge | LinkedIn',
    main: profileMain({ ...MAREN, slug: 'huge-profile-9mb' }).replace('</main>', `<p>${'x'.repeat(9 * 1024 * 1024)}</p></main>`),
  }));
  session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port } });
  await session.configure();
});

after(async () => {
  await session?.close();
  await site?.close();
});

/** Starts recording the tabs the worker asks for a snapshot; returns a reader (which also proves the
 * recording survived, i.e. the worker was not restarted in between). */
async function recordSnapshotRequests() {
  const worker = await session.worker();
  await worker.evaluate(() => {
    self.__snapshotRequests = [];
    if (self.__recording) return;
    self.__recording = true;
    const send = chrome.tabs.sendMessage.bind(chrome.tabs);
    chrome.tabs.sendMessage = (tabId, message, ...rest) => {
      if (message && message.type === 'take_snapshot') self.__snapshotRequests.push(tabId);
      return send(tabId, message, ...rest);
    };
  });
  return async () => {
    const asked = await (await session.worker()).evaluate(() => self.__snapshotRequests ?? null);
    assert.notEqual(asked, null, 'the recording was lost (the worker restarted)');
    return asked;
  };
}

async function open(path) {
  const tab = await session.context.newPage();
  await tab.goto(`https://www.linkedin.com${path}`);
  const tabId = await session.tabIdOf(tab);
  return { tab, tabId };
}

async function storedTabState(tabId) {
  return (await session.worker()).evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}

test('the side panel on the feed and on a messaging page takes no snapshot and follows the active tab', async () => {
  const profile = await open(`/in/${MAREN.slug}/`);
  const feed = await open('/feed/');
  const messaging = await open('/messaging/thread/2-aGVsbG8/');
  const asked = await recordSnapshotRequests();
  const panel = await session.context.newPage();
  await panel.goto(session.url('popup.html?panel=1'));
  // The panel shows the active tab, whatever the recruiter switches to.
  await profile.tab.bringToFront();
  await panel.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value === 'Maren');
  assert.deepEqual(await asked(), [profile.tabId], 'the profile was read');
  await (await session.worker()).evaluate(() => { self.__snapshotRequests = []; });
  await feed.tab.bringToFront();
  await panel.waitForSelector('.off-profile');
  await messaging.tab.bringToFront();
  await panel.waitForSelector('.off-profile');
  await messaging.tab.reload(); // a new document in the active tab: the panel reloads, still no snapshot
  await panel.waitForSelector('.off-profile');
  await feed.tab.bringToFront();
  await panel.waitForSelector('.off-profile');
  assert.deepEqual(await asked(), [], 'no snapshot of the feed or the messaging page was asked for');
  for (const tabId of [feed.tabId, messaging.tabId]) {
    const state = await storedTabState(tabId);
    assert.equal(state.extraction, null);
    assert.equal(state.snapshot_bytes, null);
    assert.equal(JSON.stringify(state).includes('Confidential'), false);
  }
  await profile.tab.bringToFront();
  await panel.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value === 'Maren');
  for (const t of [panel, profile.tab, feed.tab, messaging.tab]) await t.close();
});

test('the content script hands markup over only on a candidate page', async () => {
  const profile = await open(`/in/${MAREN.slug}/`);
  const feed = await open('/feed/');
  const messaging = await open('/messaging/thread/2-aGVsbG8/');
  const worker = await session.worker();
  const ask = (tabId) => worker.evaluate(async (id) => {
    try {
      const answer = await chrome.tabs.sendMessage(id, { type: 'take_snapshot' });
      return answer ? answer.markup : 'no answer';
    } catch (e) {
      return `refused: ${e.message}`;
    }
  }, tabId);
  assert.match(await ask(profile.tabId), /Maren Okafor/);
  for (const tabId of [feed.tabId, messaging.tabId]) {
    const answer = await ask(tabId);
    assert.doesNotMatch(answer, /Confidential/);
    assert.match(answer, /^refused|^no answer/);
  }
  for (const t of [profile.tab, feed.tab, messaging.tab]) await t.close();
});

test('a tab keeps its full URL only when it shows a profile', async () => {
  const profile = await open(`/in/${MAREN.slug}/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB`);
  const feed = await open('/feed/?trk=nav_logo&highlightedUpdateUrn=urn%3Ali%3Aactivity%3A7');
  const messaging = await open('/messaging/thread/2-aGVsbG8/');
  const profileState = await eventually(() => storedTabState(profile.tabId));
  assert.equal(profileState.url, `https://www.linkedin.com/in/${MAREN.slug}/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB`);
  assert.equal(profileState.page.kind, 'profile');
  for (const tabId of [feed.tabId, messaging.tabId]) {
    const state = await eventually(() => storedTabState(tabId));
    assert.equal(state.url, '', 'nothing of where the recruiter was is kept');
    assert.equal(state.page.kind, 'not_profile');
  }
  for (const t of [profile.tab, feed.tab, messaging.tab]) await t.close();
});

test('a snapshot over 8 MB is refused with a message and not parsed', async () => {
  const huge = await open('/in/huge-profile-9mb/');
  const popup = await session.openPopupFor(huge.tabId);
  await popup.waitForSelector('.error[role="alert"]');
  assert.match(await popup.textContent('.error[role="alert"]'), /too large to read \(9\.\d MB; the limit is 8 MB\)/);
  assert.equal(await popup.locator('input[name="first_name"]').count(), 0);
  const state = await storedTabState(huge.tabId);
  assert.equal(state.extraction, null, 'nothing was extracted');
  await popup.close();
  await huge.tab.close();
});

test('a page URL over 2 KB is refused and the tab counts as no profile', async () => {
  const long = await open(`/in/${TOBIAS.slug}/?trk=${'a'.repeat(3000)}`);
  const state = await eventually(() => storedTabState(long.tabId));
  assert.equal(state.url, '');
  assert.equal(state.page.kind, 'not_profile');
  assert.equal((await session.actionState(long.tabId)).enabled, false);
  const popup = await session.openPopupFor(long.tabId);
  await popup.waitForSelector('.off-profile');
  await popup.close();
  // The same profile with a normal URL is read.
  await long.tab.goto(`https://www.linkedin.com/in/${TOBIAS.slug}/`);
  assert.ok(await eventually(async () => (await session.actionState(long.tabId)).enabled), 'enabled on the plain URL');
  await long.tab.close();
});

test('no page is read before the disclaimer is accepted, though the popup asks for the tab while it loads', async (t) => {
  const fresh = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port } });
  t.after(() => fresh.close());
  // Settings saved, disclaimer not accepted (as after an update that brings a new disclaimer version).
  const saved = await fresh.request({ type: 'save_settings', input: { subdomain: 'acme', client_id: '', client_secret: null, company_id: '4711', recruiting_token: 'recruiting-token-acme' } });
  assert.equal(saved.type, 'setup');
  const worker = await fresh.worker();
  await worker.evaluate(() => {
    self.__asked = [];
    const send = chrome.tabs.sendMessage.bind(chrome.tabs);
    chrome.tabs.sendMessage = (tabId, message, ...rest) => {
      if (message && message.type === 'take_snapshot') self.__asked.push(tabId);
      return send(tabId, message, ...rest);
    };
  });
  const tab = await fresh.context.newPage();
  await tab.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const tabId = await fresh.tabIdOf(tab);
  const popup = await fresh.openPopupFor(tabId);
  await popup.waitForSelector('section.disclaimer button');
  const early = await fresh.request({ type: 'get_tab_state', tab_id: tabId });
  assert.equal(early.type, 'tab_state');
  assert.equal(early.state.extraction, null, 'no extraction before the disclaimer');
  assert.deepEqual(await worker.evaluate(() => self.__asked), [], 'the page was not asked for its markup');
  // Accepted: the form reads the page now (the answer the popup got while loading is not reused).
  await popup.click('section.disclaimer button');
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value, null, { timeout: 15_000 });
  assert.equal(await popup.inputValue('input[name="first_name"]'), MAREN.name.split(' ')[0]);
  assert.deepEqual(await worker.evaluate(() => self.__asked), [tabId]);
});
