// The outbox under sustained faults in the real extension: 30 applications queued through the background's
// own message (as "Create application" sends it), while the stand-in answers 5xx, drops connections before and
// after acting, and the service worker is stopped again and again through CDP (`ServiceWorker.stopAllWorkers`).
// A submit whose answer is lost with the worker is sent again, as the popup would: the same application must
// come back as the same job. In the end the stand-in holds each application exactly once, and every job says
// done. (The native `cargo xtask soak` runs the same under a virtual clock at 1,000 applications; a browser has
// a real clock, so this run avoids 429s, whose wait is a real minute.) This test found that Chromium resends a POST
// by itself when a reused connection breaks before the answer: Personio then refuses our own create as existing,
// which the job must recognise as its own (see `SubmissionJob`, step 4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startPersonio } from './lib/personio.mjs';

const COUNT = 30;
const POSITIONS = [1001, 1002, 1003, 1004];

let personio;
let session;

before(async () => {
  personio = await startPersonio();
  session = await launchWithExtension({ hosts: { ...personio.hosts } });
  await session.request({ type: 'accept_disclaimer' });
  const saved = await session.request({ type: 'save_settings', input: personio.settingsInput() });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
});

after(async () => {
  await session?.close();
  await personio?.close();
});

function application(i) {
  const position = POSITIONS[i % POSITIONS.length];
  // Every third candidate applies to two positions: the same person, two applications.
  const person = i % 3 === 2 ? i - 1 : i;
  const slug = `soak-candidate-${person}`;
  return {
    profile_url: `https://www.linkedin.com/in/${slug}/`,
    position: { id: position, name: `Position ${position}` },
    candidate: {
      first_name: 'Soak',
      last_name: `Candidate ${person}`,
      email: `soak.${person}@example.net`,
      phone: null,
      location: null,
      linkedin_url: `https://www.linkedin.com/in/${slug}/`,
      message: null,
      tags: [],
      job_position_id: position,
      extra_attributes: [],
    },
    documents: [],
  };
}

/** Sends a message; when the worker was stopped under it (no answer), sends it again. */
async function requestSurvivingStops(message) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await session.request(message);
      if (answer && answer.type) return answer;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('30 applications under 5xx, dropped connections, lost answers and repeated worker stops: each delivered exactly once', async () => {
  const cdpPage = await session.context.newPage();
  await cdpPage.goto(session.url('options.html'));
  const cdp = await session.context.newCDPSession(cdpPage);
  await cdp.send('ServiceWorker.enable');

  // Faults on a fixed rhythm (the same every run), only on Personio's API, never on the admin endpoints.
  const rhythm = [
    { fail_next: 1, fail_status: 503 },
    { drop_next: 1 },
    { fail_next: 2, fail_status: 502 },
    { drop_next: 1, drop_after_processing: true },
    { fail_next: 1, fail_status: 500 },
    { drop_next: 1, drop_after_processing: true, path_prefix: '/v2/recruiting/applications' },
  ];
  let faultsSet = 0;
  let stops = 0;
  let running = true;
  const chaos = (async () => {
    for (let tick = 0; running; tick += 1) {
      await personio.faults(rhythm[tick % rhythm.length]);
      faultsSet += 1;
      if (tick % 3 === 2) {
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => {});
        stops += 1;
      }
      await new Promise((r) => setTimeout(r, 600));
    }
  })();

  const ids = [];
  for (let i = 0; i < COUNT; i += 1) {
    const answer = await requestSurvivingStops({ type: 'submit', request: application(i) });
    assert.equal(answer.type, 'job', JSON.stringify(answer));
    ids.push(answer.job.id);
  }
  const history = new Map();
  const note = (jobs) => {
    for (const j of jobs) {
      const seen = history.get(j.id) ?? [];
      const last = JSON.stringify(j.status);
      if (seen[seen.length - 1] !== last) seen.push(last);
      history.set(j.id, seen);
    }
  };
  note((await requestSurvivingStops({ type: 'list_jobs' })).jobs);
  // Pressed again (the recruiter double-clicks, or the popup retries after a lost answer): the same jobs.
  for (const i of [0, 7, 29]) {
    const again = await requestSurvivingStops({ type: 'submit', request: application(i) });
    assert.equal(again.job.id, ids[i], 'the same application is the same job');
  }
  assert.equal(new Set(ids).size, COUNT, 'thirty different jobs');

  let allDone;
  try {
    allDone = await eventually(
      async () => {
        const { jobs } = await requestSurvivingStops({ type: 'list_jobs' });
        const ours = jobs.filter((j) => ids.includes(j.id));
        note(ours);
        const failed = ours.filter((j) => ['failed', 'duplicate'].includes(j.status.state));
        assert.deepEqual(
          failed.map((j) => [j.candidate_name, history.get(j.id)]),
          [],
          'no job ends failed or duplicate (each with the states it went through)',
        );
        return ours.length === COUNT && ours.every((j) => j.status.state === 'done');
      },
      { timeoutMs: 240_000, intervalMs: 1_000 },
    );
  } finally {
    running = false;
    await chaos;
    await personio.clearFaults();
  }
  const { jobs } = await requestSurvivingStops({ type: 'list_jobs' });
  assert.ok(allDone, `every job done within 4 minutes: ${JSON.stringify(jobs.filter((j) => ids.includes(j.id) && j.status.state !== 'done').map((j) => [j.candidate_name, j.status]))}`);
  assert.ok(stops >= 5, `the worker was stopped ${stops} times`);
  assert.ok(faultsSet >= 10, `${faultsSet} faults were set`);

  const received = await personio.received();
  const emails = new Map(received.candidates.map((c) => [c.id, c.email]));
  for (let i = 0; i < COUNT; i += 1) {
    const { candidate, position } = application(i);
    const found = received.applications.filter(
      (a) => emails.get(a.candidate_id) === candidate.email && a.job_position_id === position.id,
    );
    assert.equal(found.length, 1, `${candidate.email} on ${position.id}: exactly one application, got ${found.length}`);
  }
  await cdpPage.close();
});
