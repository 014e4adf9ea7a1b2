// Requests and pages: Personio requests never follow a redirect (a secret must not travel wherever a redirect
// points); a stored token that HTTP cannot carry fails the application plainly instead of stalling the outbox;
// the extension pages' CSP lets them talk to Personio only and load images from themselves only.
//
// api.personio.de is served by this file's own HTTPS front, which forwards to the Personio stand-in, or
// answers with a redirect to another Personio host (evil.jobs.personio.de, allowed by the host permissions
// and the CSP, so only `redirect: "error"` keeps the request from going there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { request as httpRequest } from 'node:http';
import { launchWithExtension, eventually } from './lib/browser.mjs';
import { startPersonio } from './lib/personio.mjs';
import { certificate } from './lib/tls.mjs';

let personio;
let front;
let elsewhere;
let session;
let redirecting = false;
const reachedElsewhere = [];

async function listen(server) {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server.address().port;
}

before(async () => {
  personio = await startPersonio();
  const target = new URL(personio.base);
  front = createServer(certificate(), (req, res) => {
    if (redirecting) {
      res.writeHead(307, { location: `https://evil.jobs.personio.de${req.url}` });
      res.end();
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  elsewhere = createServer(certificate(), (req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      reachedElsewhere.push({ path: req.url, authorization: req.headers.authorization ?? null, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"access_token":"stolen","expires_in":3600}');
    });
  });
  const frontPort = await listen(front);
  const elsewherePort = await listen(elsewhere);
  session = await launchWithExtension({
    hosts: {
      'api.personio.de': frontPort,
      [`${personio.seed.subdomain}.jobs.personio.de`]: frontPort,
      'evil.jobs.personio.de': elsewherePort,
    },
  });
});

after(async () => {
  await session?.close();
  await new Promise((r) => front?.close(r));
  await new Promise((r) => elsewhere?.close(r));
  await personio?.close();
});

test('a redirect from Personio is not followed: the secret never reaches the other host', async () => {
  await session.request({ type: 'save_settings', input: personio.settingsInput() });
  redirecting = true;
  try {
    const answer = await session.request({ type: 'test_connection' });
    assert.equal(answer.type, 'personio', JSON.stringify(answer));
    assert.equal(answer.error.type, 'network');
  } finally {
    redirecting = false;
  }
  assert.deepEqual(reachedElsewhere, [], 'nothing was sent to the redirect target');
  // Without the redirect the same credentials connect.
  const answer = await session.request({ type: 'test_connection' });
  assert.equal(answer.type, 'connection', JSON.stringify(answer));
});

function application(email) {
  return {
    profile_url: `https://www.linkedin.com/in/${email.split('@')[0]}/`,
    position: { id: 1001, name: 'Senior Rust Engineer' },
    candidate: {
      first_name: 'Ines', last_name: 'Duval', email, phone: null, location: null, linkedin_url: null,
      message: null, tags: [], job_position_id: 1001, extra_attributes: [],
    },
    documents: [],
  };
}

async function jobState(jobId, wanted) {
  return eventually(async () => {
    const answer = await session.request({ type: 'get_job', job_id: jobId });
    return wanted.includes(answer.job?.status?.state) ? answer.job : null;
  }, { timeoutMs: 15_000, intervalMs: 250 });
}

test('a stored token HTTP cannot carry fails the application plainly, and the outbox keeps running', async () => {
  const { company_id: companyId, recruiting_token: token } = personio.seed;
  // Stored before tokens were checked at the field: a zero-width space pasted along.
  const worker = await session.worker();
  await worker.evaluate(async ({ companyId, token }) => {
    await chrome.storage.local.set({
      credentials: { subdomain: 'acme', client_id: '', client_secret: '', company_id: companyId, recruiting_token: `${token}\u200b` },
    });
    await chrome.storage.session.remove('personio_client_state');
  }, { companyId, token });
  const first = await session.request({ type: 'submit', request: application('first.invisible@example.com') });
  const failed = await jobState(first.job.id, ['failed']);
  assert.ok(failed, 'the job ended instead of hanging');
  assert.equal(failed.status.error.type, 'unauthorized');
  assert.equal(JSON.stringify(failed).includes(token), false, 'the token is not in the job');
  // The outbox is not stuck: the next application runs (and fails the same way, at once).
  const second = await session.request({ type: 'submit', request: application('second.invisible@example.com') });
  assert.ok(await jobState(second.job.id, ['failed']), 'the second job ran too');
  // Corrected in the settings, a retry delivers it.
  const saved = await session.request({
    type: 'save_settings',
    input: { subdomain: 'acme', client_id: '', client_secret: null, company_id: companyId, recruiting_token: token, linkedin_attribute_id: '' },
  });
  assert.equal(saved.type, 'setup', JSON.stringify(saved));
  await session.request({ type: 'retry_job', job_id: first.job.id });
  assert.ok(await jobState(first.job.id, ['done']), 'delivered after the correction');
  const received = await personio.received();
  assert.equal(received.applications.filter((a) => a.fields.email === 'first.invisible@example.com').length, 1);
});

test('extension pages may talk to Personio only and show images from the extension only', async () => {
  const page = await session.context.newPage();
  await page.goto(session.url('options.html'));
  const violations = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    await fetch('https://www.linkedin.com/voyager/api/me').catch(() => {});
    await fetch('https://tracker.example/collect').catch(() => {});
    await fetch('https://api.personio.de/v1/recruiting/positions').catch(() => {});
    await new Promise((resolve) => {
      const img = new Image();
      img.onload = img.onerror = resolve;
      img.src = 'https://media.licdn.com/dms/image/photo.jpg';
      document.body.append(img);
    });
    const embed = document.createElement('object');
    embed.data = 'https://tracker.example/x.swf';
    document.body.append(embed);
    await new Promise((r) => setTimeout(r, 200));
    return [...new Set(seen)];
  });
  assert.deepEqual(violations.sort(), [
    'connect-src https://tracker.example/collect',
    'connect-src https://www.linkedin.com/voyager/api/me',
    'img-src https://media.licdn.com/dms/image/photo.jpg',
    'object-src https://tracker.example',
  ]);
  await page.close();
});
