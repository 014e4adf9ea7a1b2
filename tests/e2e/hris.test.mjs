// HRIS export end to end: candidates created through the extension (the first through the real popup, the
// others through the same `submit` message the popup sends), moved to "hired" in the Personio stand-in, then
// exported to Personio as employees from the three places (a row of the candidates list, a candidate's page,
// the hired stage of a position's pipeline). Checks what the stand-in finally holds: exactly one employee per
// export with the fields, the CV attached byte for byte (SHA-256), nothing created twice, and what the success
// message lists. Also: the action is absent for candidates that are not hired, the duplicate refusal, the
// employee-rights failure (read-only credentials), statuses unknown with v1-only credentials, accessibility.
// "Hired" is what Personio's v2 answers show: the application's `current_stage` (system stages come without
// id and name; the tenant's stage names from /v2/recruiting/categories), the hire date the tenant's date of
// the transition into it. Everything runs in both filter modes of the stand-in (see FILTER_MODES).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startLinkedInSite } from './lib/linkedin-site.mjs';
import { startPersonio, FILTER_MODES, tenantDate } from './lib/personio.mjs';
import { pdf, sha256 } from './lib/files.mjs';
import { axeViolations } from './lib/axe.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const PROFILE_URL = readFileSync(join(FIXTURES, 'profile-2024-en.url'), 'utf8').trim();

let personio;
let site;
let session;

/** Saves the connection through the background: `full` (employee rights) or `readonly`. */
async function connect(kind) {
  const { seed } = personio;
  const input = {
    full: { client_id: seed.client_id, client_secret: seed.client_secret, company_id: '', recruiting_token: null },
    readonly: { client_id: seed.readonly_client_id, client_secret: seed.readonly_client_secret, company_id: '', recruiting_token: null },
  }[kind];
  await session.request({ type: 'accept_disclaimer' });
  const saved = await session.request({
    type: 'save_settings',
    input: { subdomain: seed.subdomain, linkedin_attribute_id: seed.linkedin_attribute, ...input },
  });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
}

/** Stores document bytes where the popup stores attached files (the extension's IndexedDB). */
async function storeDocument(id, bytes) {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  await page.evaluate(async ({ id, data }) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('personio-sourcing', 1);
      r.onupgradeneeded = () => { if (!r.result.objectStoreNames.contains('documents')) r.result.createObjectStore('documents'); };
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise((res, rej) => {
      const tx = db.transaction('documents', 'readwrite');
      tx.objectStore('documents').put(new Uint8Array(data), id);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, { id, data: [...bytes] });
  await page.close();
}

/** The keys stored in the extension's IndexedDB. */
async function storedDocuments() {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  const keys = await page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('personio-sourcing', 1);
      r.onupgradeneeded = () => { if (!r.result.objectStoreNames.contains('documents')) r.result.createObjectStore('documents'); };
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise((res) => { const r = db.transaction('documents').objectStore('documents').getAllKeys(); r.onsuccess = () => res(r.result); });
    db.close();
    return all;
  });
  await page.close();
  return keys;
}

/** The CVs the background keeps for the export (`hris_kept_cvs` in storage.local). */
async function keptCvs() {
  const worker = await session.worker();
  const { hris_kept_cvs: kept } = await worker.evaluate(() => chrome.storage.local.get('hris_kept_cvs'));
  return kept?.entries ?? [];
}

const POSITIONS = { 1001: 'Senior Rust Engineer', 1002: 'Recruiter', 1003: 'Product Designer' };

/** Creates an application through the `submit` message (as the popup does) and waits until it is done. */
async function createApplication({ first, last, email, position = 1001, phone = null, cv = null }) {
  const documents = [];
  if (cv) {
    const id = `doc-${email}`;
    await storeDocument(id, cv);
    documents.push({ document_id: id, name: `${first}-${last}-CV.pdf`, size: cv.length, category: 'cv' });
  }
  const request = {
    profile_url: `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}-e2e/`,
    position: { id: position, name: POSITIONS[position] },
    candidate: {
      first_name: first, last_name: last, email, phone, location: null, linkedin_url: null, message: null,
      tags: [], job_position_id: position, extra_attributes: [],
    },
    documents,
  };
  const answer = await session.request({ type: 'submit', request });
  assert.equal(answer.type, 'job', JSON.stringify(answer));
  const jobId = answer.job.id;
  const done = await eventually(async () => {
    const { job } = await session.request({ type: 'get_job', job_id: jobId });
    return job.status.state === 'done' ? job : null;
  }, { timeoutMs: 20_000, intervalMs: 200 });
  assert.ok(done, `application of ${email} created`);
  return jobId;
}

/** Moves the application of `email` to a stage in the stand-in (`accepted` = hired), now or at `atMs`. */
async function moveTo(email, stage, atMs = undefined) {
  const received = await personio.received();
  const app = received.applications.find((a) => a.fields.email === email);
  assert.ok(app, `application of ${email} in Personio`);
  await personio.admin(`applications/${app.id}/stage`, { method: 'POST', body: { stage, at_ms: atMs } });
}

/** Today in the tenant's eyes (Europe/Berlin), by the stand-in's clock. */
async function today() {
  const { now_ms: now } = await personio.admin('clock');
  return tenantDate(now);
}

async function employees(email) {
  const received = await personio.received();
  return received.employees.filter((e) => e.fields.email?.toLowerCase() === email.toLowerCase());
}

async function employeeDocuments(employeeId) {
  const received = await personio.received();
  return received.employee_documents.filter((d) => d.employee_id === employeeId);
}

async function openCandidates(query = '') {
  const page = await session.context.newPage();
  await page.goto(session.url(`candidates.html${query}`));
  await page.waitForSelector('#view-title, #candidate-missing');
  return page;
}

/** Opens the menu of `scope` and chooses "Export to Personio", then confirms. */
async function exportFrom(page, scope) {
  await scope.locator('.menu-button').click();
  await scope.locator('[role="menuitem"][data-action="export"]').click();
  await page.waitForSelector('#confirm-export-dialog');
  await page.click('#confirm-export');
  await page.waitForSelector('.export-done, .export-failed', { timeout: 20_000 });
}

async function reportFields(page, list) {
  return page.$$eval(`.export-done dl.${list} dd`, (dds) => Object.fromEntries(dds.map((d) => [d.dataset.field, d.textContent.trim()])));
}

for (const { name, modes } of FILTER_MODES) {
  describe(`HRIS export (${name})`, () => {
    before(async () => {
      personio = await startPersonio();
      await personio.modes(modes);
      site = await startLinkedInSite();
      const url = new URL(PROFILE_URL);
      site.pages.set(url.pathname, readFileSync(join(FIXTURES, 'profile-2024-en.html'), 'utf8'));
      session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
      await connect('full');
    });

    after(async () => {
      await session?.close();
      await site?.close();
      await personio?.close();
    });

    test('list: the popup creates the application; once hired, "Export to Personio" from its row creates one employee with the CV', async () => {
      // The popup path, as a recruiter does it.
      const tab = await session.context.newPage();
      await tab.goto(PROFILE_URL);
      const tabId = await session.tabIdOf(tab);
      const popup = await session.openPopupFor(tabId);
      await popup.waitForSelector('input[name="first_name"]');
      await popup.waitForFunction(() => document.querySelector('input[name="first_name"]').value !== '');
      const combo = popup.locator('input[role="combobox"]');
      await combo.fill('');
      await combo.pressSequentially('rust');
      await popup.waitForSelector('[role="option"]');
      await combo.press('ArrowDown');
      await combo.press('Enter');
      await popup.fill('input[name="email"]', 'maren.hris@example.org');
      await popup.fill('input[name="phone"]', '+47 555 01 234');
      const cv = pdf('Maren Okafor CV for HR');
      await popup.click('#tab-documents');
      await popup.setInputFiles('input[type="file"][name="files"]', [{ name: 'Maren-Okafor-CV.pdf', mimeType: 'application/pdf', buffer: cv }]);
      await popup.waitForFunction(() => document.querySelectorAll('select[name^="files["]').length === 1);
      await popup.click('#create-application');
      await popup.waitForSelector('.success', { timeout: 20_000 });
      await popup.close();
      await tab.close();
      // A second candidate on the same position stays in process.
      await createApplication({ first: 'Jonas', last: 'Active', email: 'jonas.active@example.org' });
      await moveTo('maren.hris@example.org', 'accepted');
      const hiredOn = await today();

      const page = await openCandidates();
      const maren = page.locator('tr[data-email="maren.hris@example.org"]');
      const jonas = page.locator('tr[data-email="jonas.active@example.org"]');
      assert.equal(await maren.getAttribute('data-status'), 'hired');
      assert.equal(await jonas.getAttribute('data-status'), 'active');
      // The filter has "Hired" among the statuses.
      await page.selectOption('#status-filter', 'hired');
      assert.equal(await page.locator('tbody tr').count(), 1);
      assert.equal(await jonas.count(), 0);
      await page.selectOption('#status-filter', 'all');
      // The action is absent for the candidate who is not hired (the menu has only the links).
      await jonas.locator('.menu-button').click();
      assert.equal(await jonas.locator('[role="menuitem"][data-action="export"]').count(), 0);
      assert.ok(await jonas.locator('[role="menuitem"][data-action="open"]').isVisible());
      await page.keyboard.press('Escape');
      // ... and the background refuses it too.
      const refused = await session.request({ type: 'export_candidate', job_id: await jonas.getAttribute('data-job') });
      assert.deepEqual(refused, { type: 'export_refused', refusal: { reason: 'not_hired', status: 'active' } });

      // The menu button works with the keyboard: Enter opens on the first item, arrows move, Escape closes.
      const button = maren.locator('.menu-button');
      assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
      await button.focus();
      await page.keyboard.press('Enter');
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'export');
      await page.keyboard.press('Escape');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains('menu-button')), true);
      // Cancelling the confirmation creates nothing.
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => document.activeElement?.dataset.action === 'export');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#confirm-export-dialog');
      assert.match(await page.textContent('#confirm-export-dialog'), /Maren Okafor.*maren\.hris@example\.org/s);
      assert.deepEqual(await axeViolations(page), [], 'the list with the confirmation open');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#confirm-export-dialog').count(), 0);
      assert.equal((await employees('maren.hris@example.org')).length, 0);

      const marenJob = await maren.getAttribute('data-job');
      const keptCv = (await keptCvs()).find((k) => k.job_id === marenJob);
      assert.equal(keptCv?.name, 'Maren-Okafor-CV.pdf', 'the CV is kept after the application was created');
      assert.ok((await storedDocuments()).includes(keptCv.document_id));
      await exportFrom(page, maren);
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      const exported = await reportFields(page, 'exported');
      assert.equal(exported.first_name, 'Maren');
      assert.equal(exported.last_name, 'Okafor');
      assert.equal(exported.email, 'maren.hris@example.org');
      assert.equal(exported.position, 'Senior Rust Engineer');
      assert.equal(exported.hire_date, hiredOn);
      assert.equal(exported.department, 'Engineering');
      assert.equal(exported.office, 'Munich');
      assert.equal(exported.document, 'Maren-Okafor-CV.pdf');
      const missing = await reportFields(page, 'not-exported');
      assert.match(missing.phone, /\+47 555 01 234/);
      assert.match(missing.phone, /no field/);
      assert.match(missing.location, /Bergen/, 'the location prefilled from the profile is known');
      assert.match(missing.location, /no field/);

      const [employee, ...others] = await employees('maren.hris@example.org');
      assert.equal(others.length, 0, 'exactly one employee');
      assert.equal(employee.fields.first_name, 'Maren');
      assert.equal(employee.fields.last_name, 'Okafor');
      assert.equal(employee.fields.position, 'Senior Rust Engineer');
      assert.equal(employee.fields.hire_date, hiredOn);
      assert.equal(employee.fields.department, 'Engineering');
      assert.equal(employee.fields.office, 'Munich');
      const docs = await employeeDocuments(employee.id);
      assert.equal(docs.length, 1);
      assert.equal(docs[0].sha256, sha256(cv), 'the CV reached Personio byte for byte');
      assert.equal(docs[0].category_id, 3, 'filed under "CV"');
      assert.equal(docs[0].name, 'Maren-Okafor-CV.pdf');
      // The row shows the export; the action is gone; the kept CV was deleted.
      await page.waitForSelector('tr[data-email="maren.hris@example.org"] .badge.exported');
      await maren.locator('.menu-button').click();
      assert.equal(await maren.locator('[role="menuitem"][data-action="export"]').count(), 0);
      await page.keyboard.press('Escape');
      assert.ok(!(await storedDocuments()).includes(keptCv.document_id), 'the kept CV was deleted after the export');
      assert.equal((await keptCvs()).filter((k) => k.job_id === marenJob).length, 0);
      assert.deepEqual(await axeViolations(page), [], 'the list with the success message');
      await page.close();
    });

    test('candidate page: export from its menu; a second export is refused and nothing is created twice', async () => {
      const cv = pdf('Lea Weber CV');
      const jobId = await createApplication({ first: 'Lea', last: 'Weber', email: 'lea.weber@example.org', position: 1003, cv });
      // The bytes of the CV are kept after the application was created (for the export).
      assert.ok((await storedDocuments()).includes('doc-lea.weber@example.org'));
      // Hired at 23:30 UTC on 4 March 2026: already 5 March in Personio's (Berlin) eyes.
      await moveTo('lea.weber@example.org', 'accepted', Date.UTC(2026, 2, 4, 23, 30));
      const page = await openCandidates(`?job=${encodeURIComponent(jobId)}`);
      assert.equal(await page.textContent('#view-title'), 'Lea Weber');
      assert.equal(await page.locator('article.candidate').getAttribute('data-status'), 'hired');
      assert.equal(await page.textContent('[data-field="hired_on"]'), '2026-03-05');
      assert.match(await page.textContent('[data-field="status"]'), /Eingestellt/, "the tenant's stage name");
      assert.deepEqual(await axeViolations(page), [], 'the candidate page');
      await exportFrom(page, page.locator('.candidate-head'));
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      const exported = await reportFields(page, 'exported');
      assert.equal(exported.position, 'Product Designer');
      assert.equal(exported.hire_date, '2026-03-05');
      assert.equal(exported.department, 'Design');
      assert.equal(exported.document, 'Lea-Weber-CV.pdf');
      const [employee, ...others] = await employees('lea.weber@example.org');
      assert.equal(others.length, 0);
      assert.equal((await employeeDocuments(employee.id))[0].sha256, sha256(cv));
      // The page now says it was exported and offers no export any more.
      await page.waitForSelector('.candidate .badge.exported');
      assert.equal(await page.locator('[role="menuitem"][data-action="export"]').count(), 0);
      // Asking the background again: refused, nothing created.
      const again = await session.request({ type: 'export_candidate', job_id: jobId });
      assert.equal(again.type, 'export_refused');
      assert.equal(again.refusal.reason, 'already_exported');
      assert.equal(again.refusal.report.employee_id, employee.id);
      assert.equal((await employees('lea.weber@example.org')).length, 1);
      assert.equal((await employeeDocuments(employee.id)).length, 1);
      await page.close();
    });

    test('pipeline: candidates grouped by stage; the hired stage holds the action; the message lists what was not available', async () => {
      await createApplication({ first: 'Piet', last: 'Hired', email: 'piet.hired@example.org', position: 1002 });
      await createApplication({ first: 'Ute', last: 'Offer', email: 'ute.offer@example.org', position: 1002 });
      await createApplication({ first: 'Rita', last: 'Rejected', email: 'rita.rejected@example.org', position: 1002 });
      await moveTo('piet.hired@example.org', 'accepted');
      await moveTo('ute.offer@example.org', 'offer');
      await moveTo('rita.rejected@example.org', 'rejected');
      // Someone who applied on the career site (not from this browser), now in a custom stage.
      const outside = await fetch(`${personio.base}/v1/recruiting/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${personio.seed.recruiting_token}`, 'x-company-id': personio.seed.company_id },
        body: JSON.stringify({ first_name: 'Olga', last_name: 'Outside', email: 'olga.outside@example.org', job_position_id: 1002 }),
      });
      assert.equal(outside.status, 201);
      await moveTo('olga.outside@example.org', '2101');
      const page = await openCandidates('?position=1002');
      assert.equal(await page.textContent('#view-title'), 'Pipeline: Recruiter');
      const stages = await page.$$eval('section.stage', (s) => s.map((x) => x.dataset.stage));
      assert.deepEqual(stages, ['2101', 'offer:system', 'accepted:system', 'rejected:system'], "in the tenant's order");
      const titles = await page.$$eval('section.stage h3', (h) => h.map((x) => x.firstChild.textContent.trim()));
      assert.deepEqual(titles, ['Telefoninterview', 'Angebot', 'Eingestellt', 'Abgelehnt'], "the tenant's stage names");
      // The company's application is there, read-only; ours carry the actions.
      const olga = page.locator('li.stage-card.elsewhere[data-email="olga.outside@example.org"]');
      assert.equal(await olga.count(), 1, "the company's application sourced elsewhere is shown");
      assert.equal(await olga.locator('.menu-button').count(), 0);
      const hired = page.locator('section.stage-hired');
      assert.equal(await hired.getAttribute('data-stage'), 'accepted:system');
      assert.equal(await page.locator('section.stage:not(.stage-hired) .menu-button').count(), 0, 'no action outside the hired stage');
      assert.deepEqual(await axeViolations(page), [], 'the pipeline');
      await exportFrom(page, hired.locator('li[data-email="piet.hired@example.org"]'));
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      const exported = await reportFields(page, 'exported');
      assert.equal(exported.position, 'Recruiter');
      assert.equal(exported.department, 'People');
      assert.equal(exported.office, 'Berlin');
      assert.equal(exported.document, undefined);
      const missing = await reportFields(page, 'not-exported');
      assert.match(missing.document, /no CV/);
      assert.match(missing.phone, /not known/);
      assert.match(await page.textContent('.export-done h2'), /Piet Hired was exported/);
      const [employee, ...others] = await employees('piet.hired@example.org');
      assert.equal(others.length, 0);
      assert.equal((await employeeDocuments(employee.id)).length, 0);
      assert.deepEqual(await axeViolations(page), [], 'the pipeline with the success message');
      await page.close();
    });

    test('duplicate: an employee with that e-mail already exists, so the export is refused at the e-mail and nothing is created', async () => {
      const email = 'alexander.bergmann@acme.example'; // the seeded employee
      await createApplication({ first: 'Alexander', last: 'Bergmann', email, position: 1001, cv: pdf('AB') });
      await moveTo(email, 'accepted');
      const before = (await personio.received()).employees.length;
      const page = await openCandidates('?status=hired');
      assert.equal(await page.inputValue('#status-filter'), 'hired');
      await exportFrom(page, page.locator(`tr[data-email="${email}"]`));
      const failure = page.locator('.export-failed');
      assert.equal(await failure.count(), 1);
      assert.equal(await failure.locator('li').getAttribute('data-field'), 'email');
      assert.match(await failure.textContent(), /already exists in Personio \(#1\)\. Nothing was created/);
      const received = await personio.received();
      assert.equal(received.employees.length, before, 'no employee created');
      assert.equal((await employees(email)).length, 1);
      assert.equal(received.employee_documents.filter((d) => d.employee_id === 1).length, 0, 'no document attached');
      // The action stays (nothing was exported), and a retry is refused the same way.
      const again = await session.request({ type: 'export_candidate', job_id: await page.locator(`tr[data-email="${email}"]`).getAttribute('data-job') });
      assert.deepEqual(again.refusal, { reason: 'employee_exists', employee_id: 1, email });
      // On the candidate's page the reason is shown at the e-mail.
      const jobId = await page.locator(`tr[data-email="${email}"]`).getAttribute('data-job');
      await page.goto(session.url(`candidates.html?job=${encodeURIComponent(jobId)}`));
      await page.waitForSelector('.candidate-head .menu-button');
      await exportFrom(page, page.locator('.candidate-head'));
      assert.match(await page.textContent('#candidate-email-error'), /already exists in Personio \(#1\)/);
      assert.deepEqual(await axeViolations(page), [], 'the candidate page with the refusal');
      assert.equal((await personio.received()).employees.length, before, 'still no employee created');
      await page.close();
    });

    test('employee rights: read-only credentials are refused by Personio, the right is named, nothing is created', async () => {
      await createApplication({ first: 'Nora', last: 'Rights', email: 'nora.rights@example.org', position: 1001 });
      await moveTo('nora.rights@example.org', 'accepted');
      await connect('readonly');
      try {
        const page = await openCandidates();
        const row = page.locator('tr[data-email="nora.rights@example.org"]');
        assert.equal(await row.getAttribute('data-status'), 'hired', 'the read-only client still reads statuses');
        await exportFrom(page, row);
        const failure = page.locator('.export-failed');
        assert.equal(await failure.count(), 1, await page.textContent('#export-result'));
        assert.match(await failure.textContent(), /lack the right to create employees \(employee rights: read and write\)/);
        assert.equal((await employees('nora.rights@example.org')).length, 0);
        await page.close();
      } finally {
        await connect('full');
      }
      // With the right credentials the same candidate exports once.
      const page = await openCandidates();
      await exportFrom(page, page.locator('tr[data-email="nora.rights@example.org"]'));
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      assert.equal((await employees('nora.rights@example.org')).length, 1);
      await page.close();
    });

    test('an export interrupted after the employee was created resumes with the CV only; two exports at once create one employee', async () => {
      const cv = pdf('Kai Resume CV');
      const jobId = await createApplication({ first: 'Kai', last: 'Resume', email: 'kai.resume@example.org', position: 1001, cv });
      await moveTo('kai.resume@example.org', 'accepted');
      await personio.faults({ fail_next: 1, fail_status: 503, path_prefix: '/v1/company/documents' });
      const page = await openCandidates();
      const row = page.locator('tr[data-email="kai.resume@example.org"]');
      await exportFrom(page, row);
      assert.match(await page.textContent('.export-failed'), /could not be reached or asked to wait/);
      await personio.clearFaults();
      const [employee] = await employees('kai.resume@example.org');
      assert.ok(employee, 'the employee was created before the CV upload failed');
      assert.equal((await employeeDocuments(employee.id)).length, 0);
      // The action is still offered; the second export attaches the CV to the same employee.
      await exportFrom(page, row);
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      assert.equal((await reportFields(page, 'exported')).document, 'Kai-Resume-CV.pdf');
      assert.equal((await employees('kai.resume@example.org')).length, 1, 'one employee');
      const docs = await employeeDocuments(employee.id);
      assert.equal(docs.length, 1);
      assert.equal(docs[0].sha256, sha256(cv));
      assert.equal((await session.request({ type: 'export_candidate', job_id: jobId })).refusal.reason, 'already_exported');
      await page.close();

      await createApplication({ first: 'Ida', last: 'Twice', email: 'ida.twice@example.org', position: 1001 });
      await moveTo('ida.twice@example.org', 'accepted');
      const { list } = await session.request({ type: 'list_candidates', refresh_status: true });
      const ida = list.rows.find((r) => r.candidate.email === 'ida.twice@example.org');
      assert.equal(ida.status.outcome, 'hired');
      const answers = await Promise.all([1, 2].map(() => session.request({ type: 'export_candidate', job_id: ida.candidate.job_id })));
      const kinds = answers.map((a) => a.type === 'exported' ? 'exported' : a.refusal?.reason).sort();
      assert.equal(kinds.filter((k) => k === 'exported').length, 1, JSON.stringify(answers));
      assert.ok(['in_progress', 'already_exported'].includes(kinds.find((k) => k !== 'exported')), JSON.stringify(answers));
      assert.equal((await employees('ida.twice@example.org')).length, 1, 'one employee');
    });

    test('a create whose answer was lost: the next export continues with the employee it created instead of refusing', async () => {
      const cv = pdf('Lou Lost CV');
      const email = 'lou.lost@example.org';
      const jobId = await createApplication({ first: 'Lou', last: 'Lost', email, position: 1001, cv });
      await moveTo(email, 'accepted');
      // What a dropped answer leaves behind: the candidate's export job with its create armed (sent), back at
      // the status re-read, and Personio has the employee.
      const worker = await session.worker();
      await worker.evaluate(async (job) => {
        const { hris_exports: log = { entries: [] } } = await chrome.storage.local.get('hris_exports');
        const entries = [...log.entries.filter((e) => e.job_id !== job), { job_id: job, create_sent: true, state: { state: 'read_status' } }];
        await chrome.storage.local.set({ hris_exports: { entries } });
      }, jobId);
      const auth = await (await fetch(`${personio.base}/v1/auth`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: personio.seed.client_id, client_secret: personio.seed.client_secret }),
      })).json();
      const created = await (await fetch(`${personio.base}/v1/company/employees`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.data.token}` },
        body: JSON.stringify({ employee: { email, first_name: 'Lou', last_name: 'Lost' } }),
      })).json();
      const page = await openCandidates();
      await exportFrom(page, page.locator(`tr[data-email="${email}"]`));
      assert.equal(await page.locator('.export-done').count(), 1, await page.textContent('#export-result'));
      assert.match(await page.textContent('.export-done'), new RegExp(`#${created.data.id}\\b`));
      const [employee, ...others] = await employees(email);
      assert.equal(others.length, 0, 'one employee');
      assert.equal(employee.id, created.data.id);
      const docs = await employeeDocuments(employee.id);
      assert.equal(docs.length, 1);
      assert.equal(docs[0].sha256, sha256(cv));
      await page.close();
    });

    test('v1-only credentials: the view says plainly that statuses are unknown and offers no export', async () => {
      // Stored as an install configured with the v1 recruiting token only (the settings page keeps a stored secret).
      const worker = await session.worker();
      const { credentials: saved } = await worker.evaluate(() => chrome.storage.local.get('credentials'));
      await worker.evaluate((c) => chrome.storage.local.set({ credentials: c }), {
        subdomain: personio.seed.subdomain, client_id: '', client_secret: '',
        company_id: personio.seed.company_id, recruiting_token: personio.seed.recruiting_token,
      });
      try {
        const page = await openCandidates();
        assert.match(await page.textContent('#status-source'), /Status unknown: Personio provides candidate statuses only through API v2/);
        const statuses = await page.$$eval('tbody tr', (rows) => [...new Set(rows.map((r) => r.dataset.status))]);
        assert.deepEqual(statuses, ['unknown']);
        assert.equal(await page.locator('[data-action="export"]').count(), 0);
        await page.selectOption('#status-filter', 'hired');
        assert.equal(await page.locator('tbody tr').count(), 0);
        assert.deepEqual(await axeViolations(page), [], 'the list with unknown statuses');
        await page.close();
      } finally {
        await (await session.worker()).evaluate((c) => chrome.storage.local.set({ credentials: c }), saved);
      }
    });

    test('the settings page and the popup header link to the candidates page', async () => {
      const page = await session.context.newPage();
      await page.goto(session.url('options.html'));
      assert.equal(await page.getAttribute('#settings-candidates', 'href'), 'candidates.html');
      await page.click('#settings-candidates');
      await page.waitForSelector('#view-title');
      assert.match(await page.textContent('h1'), /Candidates/);
      await page.goto(session.url('popup.html?tab=1'));
      assert.equal(await page.getAttribute('#header-candidates', 'href'), 'candidates.html');
      await page.close();
    });
  });
}

describe('HRIS with sparse Personio answers (every optional field absent)', () => {
  const pageErrors = [];

  before(async () => {
    personio = await startPersonio(['--sparse']);
    site = await startLinkedInSite();
    session = await launchWithExtension({ hosts: { 'www.linkedin.com': site.port, ...personio.hosts } });
    session.context.on('page', (page) => page.on('pageerror', (e) => pageErrors.push(e.message)));
    await connect('full');
  });

  after(async () => {
    await session?.close();
    await site?.close();
    await personio?.close();
  });

  test('statuses and pipelines say what is unknown and why; nothing is exportable; nothing breaks', async () => {
    const jobId = await createApplication({ first: 'Sina', last: 'Sparse', email: 'sina.sparse@example.org', position: 1001 });
    await moveTo('sina.sparse@example.org', 'accepted');
    const page = await openCandidates();
    const row = page.locator('tr[data-email="sina.sparse@example.org"]');
    assert.equal(await row.getAttribute('data-status'), 'unknown', 'hired in Personio, but the answers cannot show it');
    assert.match(await row.locator('.status-why').textContent(), /Personio's answer did not include (candidate\.)?email/);
    assert.equal(await page.locator('#status-source').count(), 0, 'Personio answered: the reason is per candidate');
    await row.locator('.menu-button').click();
    assert.equal(await row.locator('[role="menuitem"][data-action="export"]').count(), 0, 'no export without a known hire');
    await page.keyboard.press('Escape');
    const refused = await session.request({ type: 'export_candidate', job_id: jobId });
    assert.deepEqual(refused, { type: 'export_refused', refusal: { reason: 'not_hired', status: 'unknown' } });
    assert.deepEqual(await axeViolations(page), [], 'the list with unknown statuses');
    // The pipeline: the company's applications cannot be placed (no position in the answers), and says so.
    await page.goto(session.url('candidates.html?position=1001'));
    await page.waitForSelector('#pipeline-coverage');
    assert.match(await page.textContent('#pipeline-coverage'), /\d+ applications could not be placed: Personio's answer did not name their position/);
    assert.deepEqual(await page.$$eval('section.stage', (s) => s.map((x) => x.dataset.stage)), ['unknown']);
    assert.equal(await page.locator('section.stage li[data-email="sina.sparse@example.org"]').count(), 1);
    assert.equal(await page.locator('.menu-button').count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'the pipeline with unknown stages');
    assert.equal((await employees('sina.sparse@example.org')).length, 0, 'nothing exported');
    await page.close();
    assert.deepEqual(pageErrors, [], 'no page error (a panic in wasm is one)');
  });
});
