// The content-script shim on its own, in a Node `vm` context with a stand-in `chrome`, `location` and
// `document`: after an extension update the orphaned script's `chrome.runtime.sendMessage` throws
// synchronously, and the shim must swallow it (an uncaught error would surface on LinkedIn's page and stop
// its navigation reports); `take_snapshot` is answered only on a candidate page's path; asked with the
// revision of its last snapshot it answers "unchanged" only while no mutation was observed on the same URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';

const SOURCE = readFileSync(resolve('content-script/content.js'), 'utf8');

/** Runs content.js for a page at `path`; `sendMessage` is what `chrome.runtime.sendMessage` does. */
function load(path, sendMessage) {
  const listeners = { message: [], popstate: [] };
  const location = { href: `https://www.linkedin.com${path}`, pathname: path.split('?')[0] };
  const document = {
    documentElement: { lang: 'en' },
    title: 'Page | LinkedIn',
    body: { outerHTML: '<body></body>' },
    querySelector: (selector) => (selector === 'main' ? { outerHTML: '<main>page</main>', contains: () => true } : null),
    querySelectorAll: () => [],
  };
  const window = { addEventListener: (type, fn) => listeners[type]?.push(fn) };
  /** A stand-in MutationObserver: `mutate()` below plays a DOM change to the observers that are observing. */
  const observers = new Set();
  class MutationObserver {
    constructor(callback) { this.callback = callback; }
    observe(target, options) {
      assert.equal(target, document, 'the whole document is observed');
      assert.ok(options.subtree && options.childList && options.attributes && options.characterData, 'every kind of change');
      observers.add(this);
    }
    disconnect() { observers.delete(this); }
  }
  const chrome = {
    runtime: {
      sendMessage,
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
    },
  };
  const context = vm.createContext({ chrome, location, document, window, navigation: undefined, MutationObserver });
  vm.runInContext(SOURCE, context);
  return {
    navigate(to) {
      location.href = `https://www.linkedin.com${to}`;
      location.pathname = to.split('?')[0];
      for (const fn of listeners.popstate) fn();
    },
    askSnapshot(since) {
      let answer = null;
      const message = since === undefined ? { type: 'take_snapshot' } : { type: 'take_snapshot', unchanged_since: since };
      for (const fn of listeners.message) fn(message, {}, (a) => { answer = a; });
      return answer;
    },
    mutate() {
      for (const observer of [...observers]) observer.callback([{ type: 'attributes' }], observer);
    },
    observing: () => observers.size,
  };
}

test('an orphaned content script (extension updated) does not throw when it reports a navigation', () => {
  const throwing = () => {
    throw new Error('Extension context invalidated.');
  };
  let page;
  assert.doesNotThrow(() => {
    page = load('/in/maren-okafor-4b2a1c/', throwing);
  }, 'the report at load');
  assert.doesNotThrow(() => page.navigate('/in/tobias-lindqvist-arce/'), 'the report after an in-app navigation');
});

test('a rejected report (worker asleep, no listener) is swallowed as well', async () => {
  const sent = [];
  const page = load('/feed/', (message) => {
    sent.push(message);
    return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  });
  page.navigate('/in/maren-okafor-4b2a1c/');
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(sent.map((m) => m.url), ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/in/maren-okafor-4b2a1c/']);
});

test('take_snapshot is answered on candidate pages only', () => {
  const quiet = () => Promise.resolve(true);
  for (const path of [
    '/in/maren-okafor-4b2a1c/',
    '/in/maren-okafor-4b2a1c/details/experience/',
    '/sales/lead/ACwAAAB1,NAME_SEARCH,x1y2',
    '/sales/people/ACwAAAB1,NAME_SEARCH',
    '/talent/hire/123/discover/recruiterSearch/profile/AEMAAAB1',
    '/talent/profile/AEMAAAB1',
  ]) {
    const answer = load(path, quiet).askSnapshot();
    assert.equal(answer?.markup, '<main>page</main>', path);
  }
  for (const path of ['/feed/', '/messaging/thread/2-aGVsbG8/', '/in/', '/search/results/people/?keywords=rust', '/company/acme/', '/']) {
    assert.equal(load(path, quiet).askSnapshot(), null, path);
  }
});

test('a snapshot is answered "unchanged" only for its own revision, the same URL and no change since', () => {
  const page = load('/in/maren-okafor-4b2a1c/', () => Promise.resolve(true));
  assert.equal(page.observing(), 0, 'nothing observes LinkedIn\'s page until a snapshot was asked for');
  const first = page.askSnapshot();
  assert.equal(first.markup, '<main>page</main>');
  assert.match(first.revision, /\S/, 'a snapshot carries a revision');
  assert.equal(page.observing(), 1);

  assert.deepEqual({ ...page.askSnapshot(first.revision) }, { unchanged: first.revision, url: first.url });

  const other = page.askSnapshot('some-older-revision');
  assert.equal(other.markup, '<main>page</main>', 'another revision gets the markup');
  assert.notEqual(other.revision, first.revision, 'and a new revision');

  page.mutate();
  assert.equal(page.observing(), 0, 'the observer is gone at the first change');
  const afterChange = page.askSnapshot(other.revision);
  assert.equal(afterChange.markup, '<main>page</main>', 'a changed page is snapshotted again');
  assert.notEqual(afterChange.revision, other.revision);

  page.navigate('/in/tobias-lindqvist-arce/');
  const afterNavigation = page.askSnapshot(afterChange.revision);
  assert.equal(afterNavigation.url, 'https://www.linkedin.com/in/tobias-lindqvist-arce/', 'another URL is snapshotted again');
  assert.ok(afterNavigation.markup);
});
