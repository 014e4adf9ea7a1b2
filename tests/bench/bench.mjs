// Browser benchmark (`cargo xtask bench`): figures measured in headless Chromium with the built extension.
// Every timing is reported with a baseline measured in the same browser run, and as a ratio to it:
// - popup: time until the candidate form is filled on a large synthetic profile, vs. an empty extension page;
// - extraction: the worker's extraction time on that page (target ≤ 5 ms), and the snapshot size handed over;
// - upload: "Create application" with two 5 MB PDFs through the outbox (IndexedDB → wasm client → stand-in as
//   api.personio.de), vs. the same uploads and create sent directly with fetch from an extension page.
// Medians of several runs. Prints figures; asserts nothing (performance goals are not tests).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, DIST } from '../e2e/lib/browser.mjs';
import { startLinkedInSite } from '../e2e/lib/linkedin-site.mjs';
import { startPersonio } from '../e2e/lib/personio.mjs';
import { pdf } from '../e2e/lib/files.mjs';

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
const personio = await startPersonio(['--window-ms', '1000']);
const session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts }, dist });
await session.configure({
  app_id: personio.seed.subdomain, client_id: '', client_secret: null,
  company_id: String(personio.seed.company_id), recruiting_token: personio.seed.recruiting_token,
});
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

// Upload: the extension's path vs. plain fetch of the same requests, alternating, from the same page.
const UPLOAD_RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 5);
const FILE_BYTES = 5 * 1024 * 1024;
const page = await session.context.newPage();
await page.goto(session.url('bench-blank.html'));
const direct = [];
const viaOutbox = [];
for (let i = 0; i < UPLOAD_RUNS; i += 1) {
  const files = [pdf(`cv ${i}`, FILE_BYTES), pdf(`letter ${i}`, FILE_BYTES)].map((b) => Array.from(b));
  direct.push(await page.evaluate(async ({ files, seed, i }) => {
    const headers = { authorization: `Bearer ${seed.recruiting_token}`, 'x-company-id': String(seed.company_id) };
    const blobs = files.map((bytes) => new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }));
    const started = performance.now();
    const uuids = [];
    for (const [n, blob] of blobs.entries()) {
      const form = new FormData();
      form.append('file', blob, `direct-${i}-${n}.pdf`);
      const answer = await fetch('https://api.personio.de/v1/recruiting/applications/documents', { method: 'POST', headers, body: form });
      uuids.push((await answer.json()).uuid);
    }
    const body = {
      first_name: 'Bench', last_name: `Direct ${i}`, email: `bench.direct.${i}@example.org`, job_position_id: 1002,
      files: uuids.map((uuid, n) => ({ uuid, original_filename: `direct-${i}-${n}.pdf`, category: 'cv' })),
    };
    const created = await fetch('https://api.personio.de/v1/recruiting/applications', {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    if (!created.ok) throw new Error(`direct create: ${created.status} ${await created.text()}`);
    return performance.now() - started;
  }, { files, seed: personio.seed, i }));
  viaOutbox.push(await page.evaluate(async ({ files, i }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('personio-sourcing', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('documents');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('documents', 'readwrite');
      files.forEach((bytes, n) => tx.objectStore('documents').put(new Uint8Array(bytes), `bench-${i}-${n}`));
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const request = {
      profile_url: `https://www.linkedin.com/in/bench-${i}/`,
      position: { id: 1002, name: 'Recruiter' },
      candidate: { first_name: 'Bench', last_name: `Outbox ${i}`, email: `bench.outbox.${i}@example.org`, phone: null, location: null, linkedin_url: null, comment: null, tags: [], job_position_id: 1002, extra_attributes: [] },
      documents: files.map((bytes, n) => ({ document_id: `bench-${i}-${n}`, name: `outbox-${i}-${n}.pdf`, size: bytes.length, category: 'cv' })),
    };
    const started = performance.now();
    let answer = await chrome.runtime.sendMessage({ type: 'submit', request });
    while (answer.type === 'job' && ['pending', 'waiting'].includes(answer.job.status.state)) {
      await new Promise((r) => setTimeout(r, 20));
      answer = await chrome.runtime.sendMessage({ type: 'get_job', job_id: answer.job.id });
    }
    if (answer.job?.status.state !== 'done') throw new Error(`outbox: ${JSON.stringify(answer).slice(0, 300)}`);
    return performance.now() - started;
  }, { files, i }));
}

console.log(`\nbrowser benchmark: ${RUNS} runs each, medians, Chromium headless, same run`);
console.log(`  empty extension page ready        ${fmt(median(blank))}  (baseline)`);
console.log(`  popup form filled (large profile) ${fmt(median(popup))}  = ${(median(popup) / median(blank)).toFixed(2)} × baseline`);
console.log(`  extraction in the worker          ${fmt(median(extraction))}  (target ≤ 5 ms; min ${fmt(Math.min(...extraction))}, max ${fmt(Math.max(...extraction))})`);
 console.log(`  upload, plain fetch (2 × 5 MB + create) ${fmt(median(direct))}  (baseline, ${UPLOAD_RUNS} runs)`);
console.log(`  upload through the outbox (same)        ${fmt(median(viaOutbox))}  = ${(median(viaOutbox) / median(direct)).toFixed(2)} × baseline (includes 20 ms polling)`);
console.log(`  snapshot handed over              ${snapshotBytes} bytes of a ${pageBytes}-byte page (${((100 * snapshotBytes) / pageBytes).toFixed(1)} %)`);

await session.close();
await site.close();
await personio.close();
