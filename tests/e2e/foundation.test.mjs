// Foundation end-to-end: the built extension in headless Chromium on a synthetic LinkedIn served over HTTPS
// with LinkedIn's kind of CSP. Icon/action state per tab, the popup prefilled with name and headline, and
// no stale data after in-app (pushState) navigation to a second profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { MAREN, TOBIAS, page, profileMain, SPA_SCRIPT } from './lib/synthetic-profiles.mjs';

let site;
let session;

before(async () => {
  site = await startLinkedInSite();
  const mainOf = (p) => profileMain(p).replace('<main', `<main data-link-to="/in/${TOBIAS.slug}/"`);
  site.pages.set('/spa.js', SPA_SCRIPT);
  site.pages.set(`/in/${MAREN.slug}/`, page({
    title: `${MAREN.name} | LinkedIn`,
    main: mainOf(MAREN).replace('</main>', `<a id="to-tobias" data-spa href="/in/${TOBIAS.slug}/">Tobias</a></main>`),
    routes: { [`/in/${TOBIAS.slug}/`]: profileMain(TOBIAS) },
  }));
  site.pages.set(`/in/${TOBIAS.slug}/`, page({ title: `${TOBIAS.name} | LinkedIn`, main: profileMain(TOBIAS) }));
  site.pages.set('/feed/', page({ title: 'Feed | LinkedIn', main: '<main><h2>Feed</h2><p>Posts</p></main>' }));
  session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port } });
});

test('before first use the popup asks to accept the disclaimer, then to connect Personio', async () => {
  const profile = await session.context.newPage();
  await profile.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const popup = await session.openPopupFor(await session.tabIdOf(profile));
  await popup.waitForSelector('.disclaimer');
  assert.equal(await popup.locator('input[name="first_name"]').count(), 0, 'no form before the disclaimer');
  assert.deepEqual(await axeViolations(popup), [], 'the disclaimer has no accessibility violations');
  await popup.click('#accept-disclaimer');
  await popup.waitForSelector('.needs-setup');
  assert.deepEqual(await axeViolations(popup), [], 'the set-up view has no accessibility violations');
  const setup = await session.request({ type: 'get_setup' });
  assert.equal(setup.setup.disclaimer.version.length > 0, true);
  assert.ok(setup.setup.disclaimer.accepted_at_ms > Date.now() - 60_000, 'acceptance date recorded');
  await session.configure();
  await popup.reload();
  await popup.waitForSelector('input[name="first_name"]');
  await popup.close();
  await profile.close();
});

after(async () => {
  await session?.close();
  await site?.close();
});

test('the page runs under a CSP that forbids WebAssembly', async () => {
  const tab = await session.context.newPage();
  await tab.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const error = await tab.evaluate(async () => {
    try {
      await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.match(error ?? 'compiled', /CompileError/);
  await tab.close();
});

test('the action is enabled with the active title on a profile and disabled on the feed, per tab', async () => {
  const profile = await session.context.newPage();
  await profile.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const feed = await session.context.newPage();
  await feed.goto('https://www.linkedin.com/feed/');
  const profileTab = await session.tabIdOf(profile);
  const feedTab = await session.tabIdOf(feed);
  const profileState = await eventually(async () => {
    const s = await session.actionState(profileTab);
    return s.enabled ? s : null;
  });
  assert.deepEqual(profileState, { enabled: true, title: 'Send this profile to Personio' });
  const feedState = await session.actionState(feedTab);
  assert.equal(feedState.enabled, false);
  assert.match(feedState.title, /open a LinkedIn profile/);
  await profile.bringToFront();
  assert.equal((await session.actionState(profileTab)).enabled, true, 'switching tabs keeps each tab its state');
  await profile.close();
  await feed.close();
});

test('the popup shows the name and headline, with Personio field names on the inputs', async () => {
  const profile = await session.context.newPage();
  await profile.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const popup = await session.openPopupFor(await session.tabIdOf(profile));
  await popup.waitForSelector('input[name="first_name"]');
  assert.equal(await popup.inputValue('input[name="first_name"]'), 'Maren');
  assert.equal(await popup.inputValue('input[name="last_name"]'), 'Okafor');
  assert.match(await popup.textContent('[data-field="headline"]'), /Data Engineer at Fjordlight Analytics/);
  for (const name of ['email', 'phone', 'location', 'message']) {
    assert.equal(await popup.locator(`[name="${name}"]`).count(), 1, `an input named ${name}`);
  }
  await popup.close();
  await profile.close();
});

test('after in-app pushState navigation the popup shows the second person, never the first', async () => {
  const tab = await session.context.newPage();
  await tab.goto(`https://www.linkedin.com/in/${MAREN.slug}/`);
  const tabId = await session.tabIdOf(tab);
  await tab.click('#to-tobias');
  await tab.waitForURL(`**/in/${TOBIAS.slug}/`);
  const popup = await session.openPopupFor(tabId);
  await popup.waitForSelector('input[name="first_name"]');
  assert.equal(await popup.inputValue('input[name="first_name"]'), 'Tobias');
  assert.equal(await popup.inputValue('input[name="last_name"]'), 'Lindqvist-Arcé');
  assert.match(await popup.textContent('[data-field="headline"]'), /Product Designer/);
  const state = await eventually(async () => {
    const s = await session.actionState(tabId);
    return s.enabled ? s : null;
  });
  assert.ok(state?.enabled, 'the action stays enabled on the second profile');
  await popup.close();
  await tab.close();
});

test('the popup explains where it works when the tab is not a profile', async () => {
  const feed = await session.context.newPage();
  await feed.goto('https://www.linkedin.com/feed/');
  const popup = await session.openPopupFor(await session.tabIdOf(feed));
  await popup.waitForSelector('.off-profile');
  assert.match(await popup.textContent('.off-profile'), /linkedin\.com\/in\//);
  assert.equal(await popup.locator('input[name="first_name"]').count(), 0);
  await popup.close();
  await feed.close();
});
