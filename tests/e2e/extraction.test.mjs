// Every synthetic LinkedIn fixture (tests/fixtures/linkedin) through the real extension: the page is served
// with LinkedIn's kind of CSP at the host of its URL (www.linkedin.com, or a regional host such as
// fr.linkedin.com, where the content script runs too), the content-script shim hands its markup over, the
// Rust extraction runs in the service worker, and the result must equal the fixture's expected JSON exactly
// (the same file the native fixture tests check).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.url'))
  .map((f) => f.replace(/\.url$/, ''))
  .sort();

let site;
let session;

// Several fixtures share a profile URL (e.g. the anti-bot page): each is served under its own query.
function servedUrl(name) {
  const url = new URL(readFileSync(join(FIXTURES, `${name}.url`), 'utf8').trim());
  url.searchParams.set('fixture', name);
  return url;
}

before(async () => {
  site = await startLinkedInSite();
  const hosts = {};
  for (const name of fixtures) {
    const url = servedUrl(name);
    site.pages.set(url.pathname + url.search, readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
    hosts[url.hostname] = site.port;
  }
  session = await launchWithExtension({ hosts });
  // The worker reads no page before the recruiter accepted the disclaimer (the refusal is tested in
  // privacy.test.mjs).
  await session.request({ type: 'accept_disclaimer' });
});

after(async () => {
  await session?.close();
  await site?.close();
});

test('there are fixtures to check, on regional hosts too', () => {
  assert.ok(fixtures.length >= 25, `only ${fixtures.length} fixtures found in ${FIXTURES}`);
  assert.ok(fixtures.some((name) => servedUrl(name).hostname !== 'www.linkedin.com'), 'a fixture on a regional host');
});

for (const name of fixtures) {
  test(`fixture ${name}: the extension extracts exactly the expected fields`, async () => {
    const url = servedUrl(name);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const page = await session.context.newPage();
    await page.goto(url.href);
    const tabId = await session.tabIdOf(page);
    // The background snapshots a tab once the content script has reported its URL (page_visited): wait
    // until the tab is classified as the fixture's page kind, as a recruiter opening the popup would.
    const answer = await eventually(async () => {
      const a = await session.request({ type: 'get_tab_state', tab_id: tabId });
      return a.type !== 'tab_state' || a.state.page.kind === expected.page.kind ? a : null;
    }, { timeoutMs: 5_000, intervalMs: 100 }) ?? await session.request({ type: 'get_tab_state', tab_id: tabId });
    assert.equal(answer.type, 'tab_state', JSON.stringify(answer));
    if (expected.status === 'not_a_profile' && expected.page.kind === 'not_profile') {
      // Not a candidate URL: the page is never asked for its markup, so there is nothing to extract.
      assert.equal(answer.state.extraction, null);
      assert.equal(answer.state.page.kind, 'not_profile');
    } else {
      assert.deepEqual(answer.state.extraction, expected);
    }
    if (expected.status !== 'not_a_profile') {
      assert.ok(answer.state.snapshot_bytes > 0 && answer.state.parse_us <= answer.state.extract_us, JSON.stringify(answer.state));
    }
    await page.close();
  });
}

// Re-opening the popup on a page that has not changed reuses the stored extraction (the content script
// answers "unchanged" to the revision of its last snapshot); any change of the page's DOM, as LinkedIn's own
// scripts make when they render late sections, must bring a fresh snapshot and extraction.
test('an unchanged page reuses its extraction; a changed one is extracted again', async () => {
  const url = servedUrl('large-profile');
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'large-profile.expected.json'), 'utf8'));
  const page = await session.context.newPage();
  await page.goto(url.href);
  const tabId = await session.tabIdOf(page);
  const state = async () => {
    const answer = await session.request({ type: 'get_tab_state', tab_id: tabId });
    assert.equal(answer.type, 'tab_state', JSON.stringify(answer));
    return answer.state;
  };
  const first = await eventually(async () => {
    const s = await state();
    return s.extraction?.status === 'profile' ? s : null;
  }, { timeoutMs: 5_000, intervalMs: 100 });
  assert.ok(first, 'the large profile is extracted');
  // The first answer may come from the page_visited snapshot or from this request: ask once more so the next
  // answer is measured against a known snapshot.
  const settled = await state();
  const again = await state();
  assert.equal(again.reused, true, 'the unchanged page was snapshotted again');
  assert.deepEqual(again.extraction, expected);
  assert.equal(again.snapshot_bytes, settled.snapshot_bytes);

  await page.evaluate(() => {
    document.querySelector('main h1').textContent = 'Solvei Oyelaran-Brandt';
  });
  const changed = await state();
  assert.equal(changed.reused, false, 'a changed page was answered from the stored extraction');
  assert.equal(changed.extraction.profile.display_name.value, 'Solvei Oyelaran-Brandt');
  assert.equal(changed.extraction.profile.first_name.value, 'Solvei');

  const afterChange = await state();
  assert.equal(afterChange.reused, true, 'the changed page, unchanged since, is reused in turn');
  assert.equal(afterChange.extraction.profile.display_name.value, 'Solvei Oyelaran-Brandt');
  await page.close();
});
