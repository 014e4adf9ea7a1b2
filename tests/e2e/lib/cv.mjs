// The CV in end-to-end tests and the bench: a CV input (the JSON of `sourcing_core::cv::CvInput`) from a
// LinkedIn fixture's expected extraction with the real English UI strings, close to what the popup builds
// through `CvInput::from_form` (the Rust reference); making it in an extension page through `cv.js`; and
// reading a PDF's text and metadata back with pdf.js (Mozilla's reader, independent of our writer).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `chrome.i18n.getMessage` over the packaged locale: `$1`… substituted. */
export function message(lang, key, ...args) {
  const messages = JSON.parse(readFileSync(join(ROOT, `static/_locales/${lang}/messages.json`), 'utf8'));
  let text = messages[key]?.message;
  if (text === undefined) throw new Error(`${lang}: no message ${key}`);
  args.forEach((arg, i) => { text = text.replaceAll(`$${i + 1}`, arg); });
  return text;
}

export function labels(lang, madeOn) {
  const t = (key, ...args) => message(lang, key, ...args);
  return {
    language: lang,
    document: t('cvDocument'),
    about: t('cvAbout'),
    experience: t('cvExperience'),
    education: t('cvEducation'),
    skills: t('cvSkills'),
    languages: t('cvLanguages'),
    made_from: t('cvMadeFrom', madeOn),
    page: t('cvPage', '{page}', '{pages}'),
    not_shown: t('cvNotShown'),
  };
}

/** The profile of `tests/fixtures/linkedin/<name>.expected.json`. */
export function fixtureProfile(name) {
  return JSON.parse(readFileSync(join(ROOT, `tests/fixtures/linkedin/${name}.expected.json`), 'utf8')).profile;
}

const joined = (...parts) => parts.filter((p) => p && p.trim()).join(' · ') || null;
function period(start, end, current, present) {
  const to = current ? present : end;
  if (start && to && start !== to) return `${start} – ${to}`;
  return start || to || null;
}

/** A CvInput for `profile` (an extracted `Profile`), in English, made at `createdAtMs`. */
export function cvInputOf(profile, { lang = 'en', createdAtMs = Date.UTC(2026, 2, 3, 9, 30) } = {}) {
  const value = (field) => profile[field]?.value ?? null;
  const present = message(lang, 'cvPresent');
  return {
    name: [value('first_name'), value('last_name')].filter(Boolean).join(' ') || value('display_name') || '',
    headline: value('headline'),
    location: value('location'),
    profile_url: value('profile_url'),
    about: value('about'),
    experience: (value('experience') ?? []).map((e) => ({
      title: e.title,
      subtitle: joined(e.company, e.location),
      period: period(e.start, e.end, e.current, present),
    })),
    education: (value('education') ?? []).map((e) => ({
      title: e.school,
      subtitle: e.degree ?? null,
      period: period(e.start, e.end, false, present),
    })),
    skills: value('skills') ?? [],
    languages: (value('languages') ?? []).map((l) => (l.proficiency ? `${l.name} (${l.proficiency})` : l.name)),
    labels: labels(lang, '3 March 2026'),
    created_at_ms: createdAtMs,
  };
}

/** Makes the CV of `input` in the extension page `page` through `/cv.js`, as the popup will; the PDF comes
 * back as a Uint8Array. */
export async function makeCvIn(page, input) {
  const made = await page.evaluate(async (json) => {
    const { makeCv } = await import('/cv.js');
    const cv = await makeCv(json);
    return { pdf: Array.from(cv.pdf), pages: cv.pages, notShown: cv.notShown };
  }, JSON.stringify(input));
  return { ...made, pdf: Uint8Array.from(made.pdf) };
}

/** The text of each page (pdf.js `getTextContent`), whitespace collapsed, and the document's metadata. */
export async function readPdf(bytes) {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? ' ' : '')).join('').replace(/\s+/g, ' ').trim());
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, text: pages.join(' '), info };
}
