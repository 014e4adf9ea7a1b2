// The extension ships one wasm module per page group (xtask/src/build.rs): the toolbar popup's module carries
// the form only, the settings / candidates pages' module carries those pages only. Checked on the built
// dist/ by strings that only one side's views contain (element ids of their templates), and by loading each
// page, which must mount from its own module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launchWithExtension } from './lib/browser.mjs';

const wasm = (part) => readFileSync(join(DIST, `pkg/${part}/${part}_bg.wasm`));
const has = (part, text) => wasm(part).includes(text);

test('the popup\'s wasm carries the form and no admin page; the pages\' wasm the admin pages and no form', () => {
  for (const id of ['create-application', 'discard-draft', 'keyboard-shortcuts']) {
    assert.equal(has('popup', id), true, `the popup has #${id}`);
    assert.equal(has('pages', id), false, `the pages' module has no #${id}`);
  }
  for (const id of ['save-and-test', 'privacy-settings', 'settings-candidates']) {
    assert.equal(has('pages', id), true, `the pages' module has #${id}`);
    assert.equal(has('popup', id), false, `the popup has no #${id}`);
  }
});

test('settings and candidates pages load the pages\' module, the popup its own', async (t) => {
  const session = await launchWithExtension();
  t.after(() => session.close());
  for (const [path, selector, part] of [
    ['options.html', '#save-and-test', 'pages'],
    ['candidates.html', '#candidates > *', 'pages'],
    ['popup.html', '#app > *', 'popup'],
  ]) {
    const page = await session.context.newPage();
    const loaded = [];
    page.on('request', (r) => { if (r.url().endsWith('_bg.wasm')) loaded.push(new URL(r.url()).pathname); });
    await page.goto(session.url(path));
    await page.waitForSelector(selector, { timeout: 15_000 });
    assert.deepEqual(loaded, [`/pkg/${part}/${part}_bg.wasm`], `${path} loads only its module`);
    await page.close();
  }
});
