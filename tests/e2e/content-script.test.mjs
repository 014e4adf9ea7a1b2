// The content-script shim on its own, in a Node `vm` context with a stand-in `chrome`, `location` and
// `document`: after an extension update the orphaned script's `chrome.runtime.sendMessage` throws
// synchronously, and the shim must swallow it (an uncaught error would surface on LinkedIn's page and stop
// its navigation reports); `take_snapshot` is answered only on a candidate page's path.
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
  const chrome = {
    runtime: {
      sendMessage,
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
    },
  };
  const context = vm.createContext({ chrome, location, document, window, navigation: undefined });
  vm.runInContext(SOURCE, context);
  return {
    navigate(to) {
      location.href = `https://www.linkedin.com${to}`;
      location.pathname = to.split('?')[0];
      for (const fn of listeners.popstate) fn();
    },
    askSnapshot() {
      let answer = null;
      for (const fn of listeners.message) fn({ type: 'take_snapshot' }, {}, (a) => { answer = a; });
      return answer;
    },
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
