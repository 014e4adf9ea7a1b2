// The CV made from the profile, wired into the popup (issue 14 §3), through the built extension, the
// synthetic LinkedIn and the Personio stand-in: "Create application" uploads a `cv` document made in the
// browser whose text (read back with pdf.js from the bytes the stand-in received) has the name and every
// position the form shows, next to the recruiter's own CV, within 150 KB for the large profile; turned off it
// sends none, and the choice is remembered for every profile after the popup closed; text the font lacks
// reaches Personio in the comment; "Preview CV" opens the PDF in a new tab; an engine that cannot load says
// so in one translated sentence and the application is created without it, once; the Documents tab is
// axe-clean; the popup's wasm carries none of the PDF writer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, DIST } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio, recruitersComment } from './lib/personio.mjs';
import { pdf, sha256 } from './lib/files.mjs';
import { axeViolations } from './lib/axe.mjs';
import { message, readPdf } from './lib/cv.mjs';


const FIXTURES = resolve('tests/fixtures/linkedin');
const PROFILES = ['large-profile', 'name-non-latin', 'profile-2026-en'];
const urlOf = (name) => readFileSync(join(FIXTURES, `${name}.url`), 'utf8').trim();

let personio;
let site;
let session;
let hosts;

before(async () => {
  personio = await startPersonio();
  site = await startLinkedInSite();
  hosts = { ...personio.hosts, 'www.linkedin.com': site.port };
  for (const name of PROFILES) {
    site.pages.set(new URL(urlOf(name)).pathname, readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
  }
  session = await connected(await launchWithExtension({ hosts }));
});

after(async () => {
  await session?.close();
  await site?.close();
  await personio?.close();
});

async function connected(extension) {
  await extension.request({ type: 'accept_disclaimer' });
  const saved = await extension.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
  return extension;
}

async function openForm(name, on = session) {
  const tab = await on.context.newPage();
  await tab.goto(urlOf(name));
  const popup = await on.openPopupFor(await on.tabIdOf(tab));
  await popup.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value);
  return { tab, popup };
}

async function fillRequired(popup, email, [typed, position] = ['rust', 'Senior Rust Engineer']) {
  const combo = popup.locator('input[role="combobox"]');
  await combo.pressSequentially(typed);
  await popup.waitForSelector('[role="option"]');
  await combo.press('ArrowDown');
  await combo.press('Enter');
  assert.equal(await combo.inputValue(), position);
  await popup.fill('input[name="email"]', email);
}

async function applicationOf(email) {
  const apps = (await personio.received()).applications.filter((a) => a.fields.email === email);
  assert.equal(apps.length, 1, `exactly one application for ${email}`);
  return apps[0];
}

/** The positions the form shows (the review list under "More from the profile"): title and company. */
async function positionsShown(popup) {
  await popup.click('.profile-details summary');
  const lines = await popup.locator('[data-field="experience"] li').allTextContents();
  return lines.map((line) => {
    const [title, rest = ''] = line.split(' · ');
    return { title: title.replace(/ \(.*\)$/, ''), company: rest.replace(/ \(.*\)$/, '') };
  });
}

test('the popup\'s own wasm links no PDF code; the CV engine\'s does', () => {
  const names = ['CIDFontType2', 'FontFile2', 'ToUnicode'];
  const has = (part, name) => readFileSync(join(DIST, `pkg/${part}/${part}_bg.wasm`)).includes(name);
  for (const name of names) {
    assert.equal(has('cv', name), true, `the CV engine writes ${name}`);
    assert.equal(has('popup', name), false, `the popup has no ${name}`);
  }
});

test('Create application uploads a CV made from what the form shows, next to the recruiter\'s own CV, within 150 KB', async (t) => {
  const { tab, popup } = await openForm('large-profile');
  const name = `${await popup.inputValue('input[name="first_name"]')} ${await popup.inputValue('input[name="last_name"]')}`;
  const shown = await positionsShown(popup);
  assert.equal(shown.length, 40, 'the large profile shows 40 positions');
  await fillRequired(popup, 'solveig.cv@example.org');
  await popup.click('#tab-documents');
  assert.equal(await popup.isChecked('#attach-made-cv'), true, 'on by default');
  const own = pdf('Solveig own CV');
  await popup.setInputFiles('input[type="file"][name="files"]', [{ name: 'Solveig-CV.pdf', mimeType: 'application/pdf', buffer: own }]);
  await popup.waitForSelector('select[name="files[0].category"]');
  assert.equal(await popup.inputValue('select[name="files[0].category"]'), 'cv');
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 30_000 });
  const madeName = `${name} – LinkedIn CV.pdf`;
  assert.match(await popup.textContent('.receipt'), new RegExp(madeName.replace(/[.]/g, '\\.')));

  const app = await applicationOf('solveig.cv@example.org');
  assert.deepEqual(app.files.map((f) => [f.name, f.category]), [['Solveig-CV.pdf', 'cv'], [madeName, 'cv']],
    'both CVs: the recruiter\'s own first, the made one after it');
  assert.equal(app.files[0].sha256, sha256(own));
  const made = app.files[1];
  assert.ok(made.size <= 150_000, `the made CV is ${made.size} bytes`);
  t.diagnostic(`the made CV of the large profile as stored by the stand-in: ${made.size} bytes`);
  const { type, bytes } = await personio.uploadContent(made.uuid);
  assert.equal(type, 'application/pdf');
  assert.equal(bytes.length, made.size);
  const { text, info } = await readPdf(bytes);
  assert.ok(text.includes(name), 'the name');
  for (const { title, company } of shown) {
    assert.ok(text.includes(title), `position ${title}`);
    assert.ok(text.includes(company), `company ${company}`);
  }
  assert.ok(text.includes(urlOf('large-profile')), 'the LinkedIn URL');
  const today = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  assert.ok(text.includes(message('en', 'cvMadeFrom', today)), `"made from LinkedIn on ${today}" in the UI language`);
  assert.equal(info.Title, `${name} – CV`);
  assert.equal(info.Language.slice(0, 2), 'en');
  assert.equal(recruitersComment(app.fields.message), '', 'nothing added to the comment when the CV shows everything');
  await popup.close();
  await tab.close();
});

test('turned off, no CV is sent; the choice is remembered after the popup closed, for every profile', async () => {
  let { tab, popup } = await openForm('profile-2026-en');
  await popup.keyboard.press('Alt+2');
  await popup.uncheck('#attach-made-cv');
  await popup.close();
  ({ popup } = await openForm('profile-2026-en'));
  await popup.click('#tab-documents');
  await popup.waitForFunction(() => !document.querySelector('#attach-made-cv').checked);
  await popup.click('#tab-candidate');
  await fillRequired(popup, 'cv.off@example.org');
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 30_000 });
  assert.deepEqual((await applicationOf('cv.off@example.org')).files, [], 'no document at all');
  await popup.close();
  await tab.close();
  // Another profile: the same choice (it is the recruiter's, not a draft's); turned on again for the others.
  ({ tab, popup } = await openForm('large-profile'));
  await popup.click('#tab-documents');
  await popup.waitForFunction(() => !document.querySelector('#attach-made-cv').checked);
  await popup.check('#attach-made-cv');
  await popup.close();
  ({ popup } = await openForm('large-profile'));
  await popup.click('#tab-documents');
  await popup.waitForFunction(() => document.querySelector('#attach-made-cv').checked);
  const stored = await popup.evaluate(() => chrome.storage.local.get('cv_attach_made'));
  assert.deepEqual(stored, { cv_attach_made: true });
  await popup.close();
  await tab.close();
});

test('text in a script the font lacks: the CV says so and the text reaches Personio in the comment', async () => {
  const { tab, popup } = await openForm('name-non-latin');
  await fillRequired(popup, 'xiaoming.cv@example.org');
  await popup.fill('textarea[name="message"]', 'Strong platform background.');
  await popup.click('#create-application');
  await popup.waitForSelector('.success', { timeout: 30_000 });
  const app = await applicationOf('xiaoming.cv@example.org');
  const [made] = app.files;
  assert.equal(made.category, 'cv');
  assert.equal(made.name, '王小明 – LinkedIn CV.pdf');
  const comment = app.fields.message;
  assert.ok(comment.startsWith('Strong platform background.\n\n'), comment);
  assert.ok(comment.includes(message('en', 'cvNotShownComment')), comment);
  assert.ok(comment.includes('Name: 王小明'), comment);
  assert.ok(comment.includes('数据平台负责人 | Data Platform Lead at Fjordlight Analytics'), comment);
  const { text } = await readPdf((await personio.uploadContent(made.uuid)).bytes);
  assert.ok(text.includes(message('en', 'cvNotShown')), 'the CV says what it cannot show');
  assert.ok(!/\p{Script=Han}/u.test(text), 'no Han text drawn without glyphs');
  await popup.close();
  await tab.close();
});

test('Preview CV opens the PDF in a new tab, from the popup and from the side panel; the Documents tab is axe-clean', async () => {
  const { tab, popup } = await openForm('profile-2026-en');
  await popup.click('#tab-documents');
  assert.deepEqual(await axeViolations(popup), [], 'the Documents tab with the CV choice');
  const opened = session.context.waitForEvent('page');
  await popup.click('#preview-made-cv');
  const preview = await opened;
  assert.ok(preview.url().startsWith(`blob:chrome-extension://${session.extensionId}/`), preview.url());
  const content = await preview.evaluate(async () => {
    const blob = await (await fetch(location.href)).blob();
    return { type: blob.type, head: new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer()) };
  });
  assert.deepEqual(content, { type: 'application/pdf', head: '%PDF-' });
  assert.equal(await popup.locator('#made-cv-error').count(), 0);
  await preview.close();
  await popup.close();
  // The same page as the side panel (`?panel=1`, it stays open next to LinkedIn): the preview opens too.
  const panel = await session.context.newPage();
  await panel.goto(session.url(`popup.html?panel=1&tab=${await session.tabIdOf(tab)}`));
  await panel.waitForFunction(() => document.querySelector('input[name="first_name"]')?.value);
  assert.equal(await panel.locator('#pin-side-panel').count(), 0, 'the page runs as the side panel');
  await panel.keyboard.press('Alt+2');
  const fromPanel = session.context.waitForEvent('page');
  await panel.click('#preview-made-cv');
  const second = await fromPanel;
  assert.ok(second.url().startsWith(`blob:chrome-extension://${session.extensionId}/`), second.url());
  assert.equal(await second.evaluate(async () => (await (await fetch(location.href)).blob()).type), 'application/pdf');
  await second.close();
  await panel.close();
  await tab.close();
});

test('an engine that cannot load: one translated sentence, nothing sent, then "Create without the CV" creates it once', async () => {
  // A build whose bold font is missing: the engine rejects, as on a broken or partial install.
  const broken = mkdtempSync(join(tmpdir(), 'e2e-dist-'));
  cpSync(DIST, broken, { recursive: true });
  rmSync(join(broken, 'fonts/Inter-Bold.ttf'));
  const other = await connected(await launchWithExtension({ hosts, dist: broken }));
  try {
    const { popup } = await openForm('profile-2026-en', other);
    // Another position: the stand-in knows this profile's application to the first one.
    await fillRequired(popup, 'cv.failed@example.org', ['product', 'Product Designer']);
    await popup.click('#create-application');
    await popup.waitForSelector('#made-cv-failed');
    assert.equal(await popup.textContent('#made-cv-failed'), message('en', 'cvMakeFailed'));
    assert.equal((await personio.received()).applications.filter((a) => a.fields.email === 'cv.failed@example.org').length, 0,
      'nothing sent before the recruiter decides');
    assert.equal(await popup.inputValue('input[name="email"]'), 'cv.failed@example.org', 'nothing typed is lost');
    assert.deepEqual(await axeViolations(popup), [], 'the form with the failure');
    await popup.click('#create-without-cv');
    await popup.waitForSelector('.success', { timeout: 30_000 });
    assert.deepEqual((await applicationOf('cv.failed@example.org')).files, []);
    // The preview says so too.
    const again = await openForm('profile-2026-en', other);
    await again.popup.click('#tab-documents');
    await again.popup.click('#preview-made-cv');
    await again.popup.waitForSelector('#made-cv-error');
    assert.equal(await again.popup.textContent('#made-cv-error'), message('en', 'cvPreviewFailed'));
  } finally {
    await other.close();
    rmSync(broken, { recursive: true, force: true });
  }
});
