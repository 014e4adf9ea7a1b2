// The CV engine in the built extension (issue 14 §3, before the popup wiring): `cv.js` and its wasm and fonts
// are loaded only when a CV is made, from an extension page, and the PDF it makes reads back with pdf.js
// (another reader than ours) with the name, every position and company, Greek and Cyrillic as text, the
// UI-language labels and the metadata; a Han name is reported for the comment and the CV says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from './lib/browser.mjs';
import { cvInputOf, fixtureProfile, labels, makeCvIn, readPdf } from './lib/cv.mjs';

let session;
let page;
/** Paths the extension page requested (Resource Timing does not list chrome-extension:// loads). */
const requested = [];

before(async () => {
  session = await launchWithExtension();
  page = await session.context.newPage();
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(session.url('popup.html'));
  await page.waitForSelector('#app *');
});

after(async () => {
  await session?.close();
});

test('the popup loads no CV code and no font until a CV is made', async () => {
  const before = [...requested];
  assert.ok(before.some((p) => p.endsWith('/pkg/popup/popup_bg.wasm')), `the popup loaded: ${before}`);
  assert.deepEqual(before.filter((p) => p.includes('/pkg/cv/') || p.includes('/fonts/') || p.endsWith('/cv.js')), []);
  await makeCvIn(page, cvInputOf(fixtureProfile('profile-2026-en')));
  const after = [...requested];
  for (const file of ['/cv.js', '/pkg/cv/cv.js', '/pkg/cv/cv_bg.wasm', '/fonts/Inter-Regular.ttf', '/fonts/Inter-Bold.ttf']) {
    assert.ok(after.includes(file), `${file} loaded for the CV: ${after}`);
  }
});

test('the CV of the large profile holds the name and every position and company as text, within 150 KB', async () => {
  const profile = fixtureProfile('large-profile');
  const made = await makeCvIn(page, cvInputOf(profile));
  assert.ok(made.pdf.length <= 150_000, `${made.pdf.length} bytes`);
  const { pages, text, info } = await readPdf(made.pdf);
  assert.equal(pages.length, made.pages);
  assert.ok(text.includes(profile.display_name.value), 'the name');
  for (const position of profile.experience.value) {
    assert.ok(text.includes(position.title), `title ${position.title}`);
    assert.ok(text.includes(position.company), `company ${position.company}`);
  }
  for (const skill of profile.skills.value) assert.ok(text.includes(skill), `skill ${skill}`);
  assert.ok(text.includes(profile.profile_url.value), 'the LinkedIn URL');
  assert.ok(text.includes('Made from LinkedIn on 3 March 2026'));
  assert.ok(pages.at(-1).includes(`Page ${pages.length} of ${pages.length}`));
  assert.equal(info.Title, `${profile.display_name.value} – CV`);
  assert.equal(info.Language, 'en');
  assert.equal(info.CreationDate, 'D:20260303093000Z');
  assert.deepEqual(made.notShown, []);
});

test('Greek and Cyrillic come out as text, German labels render', async () => {
  const input = {
    ...cvInputOf(fixtureProfile('profile-2026-en'), { lang: 'de' }),
    name: 'Ζωή Παπαδοπούλου',
    headline: 'Ведущий инженер данных',
    experience: [{ title: 'Σύμβουλος λογισμικού', subtitle: 'Северсталь · Череповец', period: '2020 – heute' }],
  };
  input.labels = labels('de', '3. März 2026');
  const { text } = await readPdf((await makeCvIn(page, input)).pdf);
  for (const part of ['Ζωή Παπαδοπούλου', 'Ведущий инженер данных', 'Σύμβουλος λογισμικού', 'Северсталь · Череповец',
    'Berufserfahrung', 'Aus LinkedIn erstellt am 3. März 2026', 'Seite 1 von 1']) {
    assert.ok(text.includes(part), `${part} in ${text}`);
  }
});

test('a Han name is reported for the comment and the CV says it is not shown', async () => {
  const input = cvInputOf(fixtureProfile('name-non-latin'));
  const made = await makeCvIn(page, input);
  assert.deepEqual(made.notShown.map((n) => n.field), ['name', 'headline']);
  assert.equal(made.notShown[0].text, input.name);
  const { text } = await readPdf(made.pdf);
  assert.ok(text.includes(input.labels.not_shown), 'the sentence');
  assert.ok(!/\p{Script=Han}/u.test(text), 'no Han text drawn without glyphs');
  assert.ok(text.includes('Data Platform Lead at Fjordlight Analytics'));
});

test('a bad input is a rejected promise with a message, and the engine still works after it', async () => {
  const error = await page.evaluate(async () => {
    const { makeCv } = await import('/cv.js');
    return makeCv('{"name": 7}').then(() => null, (e) => String(e.message));
  });
  assert.match(error, /^CV: CV input:/);
  const made = await makeCvIn(page, cvInputOf(fixtureProfile('profile-2026-en')));
  assert.equal(made.pages, 1);
});
