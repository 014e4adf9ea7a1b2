// Browser benchmark (`cargo xtask bench`): figures measured in headless Chromium with the built extension.
// Every timing is reported with a baseline measured in the same browser run, and as a ratio to it:
// - popup: time until the candidate form is filled on a large synthetic profile, vs. an empty extension page;
// - extraction: the worker's extraction time on that page (target ≤ 5 ms), and the snapshot size handed over.
// Medians of several runs. Prints figures; asserts nothing (performance goals are not tests).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, DIST } from '../e2e/lib/browser.mjs';
import { startLinkedInSite } from '../e2e/lib/linkedin-site.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const FIXTURES = resolve('tests/fixtures/linkedin');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(2)} ms`;

// A copy of dist/ with one empty page added: the baseline is an extension page served the same way.
const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
cpSync(DIST, dist, { recursive: true });
writeFileSync(join(dist, 'bench-blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');

const url = readFileSync(join(FIXTURES, 'large-profile.url'), 'utf8').trim();
const site = await startLinkedInSite();
site.pages.set(new URL(url).pathname, readFileSync(join(FIXTURES, 'large-profile.html'), 'utf8'));
const session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port }, dist });
await session.configure();
const profile = await session.context.newPage();
await profile.goto(url);
const tabId = await session.tabIdOf(profile);

async function timeUntil(path, ready) {
  const page = await session.context.newPage();
  await page.goto(session.url(path), { waitUntil: 'commit' });
  await page.waitForFunction(ready, null, { polling: 'raf', timeout: 30_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

const blank = [];
const popup = [];
for (let i = 0; i < RUNS; i += 1) {
  blank.push(await timeUntil('bench-blank.html', () => document.readyState === 'complete'));
  popup.push(await timeUntil(`popup.html?tab=${tabId}`, () => document.querySelector('input[name="first_name"]')?.value));
}

const extraction = [];
let snapshotBytes = 0;
for (let i = 0; i < RUNS; i += 1) {
  const answer = await session.request({ type: 'get_tab_state', tab_id: tabId });
  if (answer.state?.extraction?.status !== 'profile') throw new Error(`large profile not extracted: ${JSON.stringify(answer).slice(0, 300)}`);
  extraction.push(answer.state.extract_us / 1000);
  snapshotBytes = answer.state.snapshot_bytes;
}
const pageBytes = Buffer.byteLength(readFileSync(join(FIXTURES, 'large-profile.html')));

console.log(`\nbrowser benchmark: ${RUNS} runs each, medians, Chromium headless, same run`);
console.log(`  empty extension page ready        ${fmt(median(blank))}  (baseline)`);
console.log(`  popup form filled (large profile) ${fmt(median(popup))}  = ${(median(popup) / median(blank)).toFixed(2)} × baseline`);
console.log(`  extraction in the worker          ${fmt(median(extraction))}  (target ≤ 5 ms; min ${fmt(Math.min(...extraction))}, max ${fmt(Math.max(...extraction))})`);
console.log(`  snapshot handed over              ${snapshotBytes} bytes of a ${pageBytes}-byte page (${((100 * snapshotBytes) / pageBytes).toFixed(1)} %)`);

await session.close();
await site.close();
