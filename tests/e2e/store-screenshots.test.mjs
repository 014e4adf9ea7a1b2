// Chrome Web Store screenshots (1280×800) of the real UI, in English and German, made from this end-to-end run:
// the built extension in Chromium with its UI language set, a synthetic LinkedIn profile (invented people) and the
// Personio stand-in. Popup views are shown as Chrome shows them: the popup over the LinkedIn page it was opened on.
// They are written to target/webstore/listing/screenshots/ (next to the zip and the listing texts, see
// xtask/src/listing.rs). Each test checks the picture's size and that the view speaks the browser's language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio } from './lib/personio.mjs';
import { pdf } from './lib/files.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const OUT = resolve('target/webstore/listing/screenshots');
const WIDTH = 1280;
const HEIGHT = 800;
/** The popup's size in the pictures (Chrome sizes a popup to its content, at most 800 × 600). */
const POPUP = { width: 420, height: 600 };

const servers = [];
after(async () => {
  for (const close of servers.reverse()) await close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A locale's message, as the extension shows it. */
function message(lang, key) {
  const messages = JSON.parse(readFileSync(resolve(`static/_locales/${lang}/messages.json`), 'utf8'));
  return messages[key].message;
}

/** Draws the popup page over `background` (PNG, softened so the popup stands out), where Chrome opens a toolbar
 * popup and as tall as its content (at most 600 px, as Chrome sizes popups), and saves 1280×800. */
async function composite(session, background, popupPage, file) {
  await popupPage.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const height = Math.min(POPUP.height, await popupPage.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)));
  const popup = await popupPage.screenshot({ type: 'png', clip: { x: 0, y: 0, width: POPUP.width, height } });
  const stage = await session.context.newPage();
  await stage.setViewportSize({ width: WIDTH, height: HEIGHT });
  const src = (png) => `data:image/png;base64,${png.toString('base64')}`;
  await stage.setContent(`<!doctype html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden">
    <img src="${src(background)}" style="position:absolute;left:0;top:0;width:${WIDTH}px;height:${HEIGHT}px;filter:blur(1.5px) brightness(.93)">
    <img src="${src(popup)}" style="position:absolute;right:24px;top:8px;width:${POPUP.width}px;height:${height}px;
      border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.12)"></body></html>`);
  await stage.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  const shot = await stage.screenshot({ type: 'png' });
  await stage.close();
  save(file, shot);
}

function save(file, bytes) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, file), bytes);
  assert.deepEqual(pngSize(bytes), { width: WIDTH, height: HEIGHT }, `${file} is ${WIDTH}×${HEIGHT}`);
}

for (const { lang, fixture, email, position, typed } of [
  { lang: 'en', fixture: 'profile-2024-en', email: 'maren.okafor@example.org', position: 'Senior Rust Engineer', typed: 'rust' },
  // Positions come from the career-site feed in the UI language: German titles for a German browser.
  { lang: 'de', fixture: 'lang-de', email: 'juergen.mueller@example.org', position: 'Produktdesigner (m/w/d)', typed: 'produkt' },
]) {
  test(`store screenshots in ${lang}: form, documents, success, settings and candidates, 1280×800`, async () => {
    const personio = await startPersonio();
    servers.push(() => personio.close());
    const site = await startLinkedInSite();
    servers.push(() => site.close());
    const url = readFileSync(join(FIXTURES, `${fixture}.url`), 'utf8').trim();
    site.pages.set(new URL(url).pathname, readFileSync(join(FIXTURES, `${fixture}.html`), 'utf8'));
    const session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts }, uiLanguage: lang });
    servers.push(() => session.close());
    await session.request({ type: 'accept_disclaimer' });
    const saved = await session.request({ type: 'save_settings', input: personio.settingsInput() });
    assert.equal(saved.type, 'setup', JSON.stringify(saved));

    const profile = await session.context.newPage();
    await profile.setViewportSize({ width: WIDTH, height: HEIGHT });
    await profile.goto(url);
    const background = await profile.screenshot({ type: 'png' });
    const tabId = await session.tabIdOf(profile);

    const popup = await session.context.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(session.url(`popup.html?tab=${tabId}`));
    await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value);
    assert.equal((await popup.getAttribute('html', 'lang')).slice(0, 2), lang, 'the popup speaks the browser language');
    assert.ok((await popup.textContent('body')).includes(message(lang, 'appName')));
    const combo = popup.locator('input[role="combobox"]');
    await combo.pressSequentially(typed);
    await popup.waitForSelector('[role="option"]');
    await combo.press('ArrowDown');
    await combo.press('Enter');
    assert.equal(await combo.inputValue(), position);
    await popup.fill('input[name="email"]', email);
    await composite(session, background, popup, `${lang}-1-form.png`);

    await popup.click('#tab-documents');
    await popup.setInputFiles('input[type="file"][name="files"]', [
      { name: lang === 'de' ? 'Lebenslauf.pdf' : 'CV.pdf', mimeType: 'application/pdf', buffer: pdf('Curriculum vitae') },
    ]);
    await popup.waitForSelector('select[name^="files["]');
    await composite(session, background, popup, `${lang}-2-documents.png`);

    await popup.click('#create-application');
    await popup.waitForSelector('.success', { timeout: 30_000 });
    await composite(session, background, popup, `${lang}-3-success.png`);
    await popup.close();

    const settings = await session.context.newPage();
    await settings.setViewportSize({ width: WIDTH, height: HEIGHT });
    await settings.goto(session.url('options.html'));
    await settings.waitForSelector('input[name="subdomain"]:not([disabled])');
    save(`${lang}-4-settings.png`, await settings.screenshot({ type: 'png' }));
    await settings.close();

    const candidates = await session.context.newPage();
    await candidates.setViewportSize({ width: WIDTH, height: HEIGHT });
    await candidates.goto(session.url('candidates.html'));
    await candidates.waitForSelector('table.candidates tbody tr');
    assert.ok((await candidates.textContent('table.candidates')).includes(email), 'the new candidate is listed');
    save(`${lang}-5-candidates.png`, await candidates.screenshot({ type: 'png' }));
    await candidates.close();
  });
}
