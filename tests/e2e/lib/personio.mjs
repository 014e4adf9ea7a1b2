// The Personio stand-in for end-to-end tests: the real stand-in server (Rust, tests/personio-standin) started
// as a process, behind a local HTTPS front so the extension talks to https://api.personio.de and
// https://<company>.jobs.personio.de exactly as in production (Chromium resolves both to the front through
// --host-resolver-rules). Test control goes to the stand-in's /__standin/… endpoints directly.
import { spawn } from 'node:child_process';
import { createServer } from 'node:https';
import { request as httpRequest } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { certificate } from './tls.mjs';

const BIN = resolve(process.env.PERSONIO_STANDIN_BIN ?? 'target/debug/personio-standin');

/** The filter modes the duplicate and HRIS tests run in: unknown filters ignored (whole list) with the publicly
 * observed `candidate.email` honoured, and unknown filters refused (400) with `candidate.email` refused too. */
export const FILTER_MODES = [
  { name: 'unknown filters ignored', modes: { unknown_filters: 'ignore', distrust_observed_filters: false } },
  { name: 'unknown filters refused, candidate.email too', modes: { unknown_filters: 'refuse', distrust_observed_filters: true } },
];

/** The tenant's calendar date (Europe/Berlin) of an instant: what Personio calls "today" / a hire date. */
export function tenantDate(ms) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** Starts the stand-in and its HTTPS front. `args`: extra stand-in flags (e.g. ['--window-ms', '5000']). */
export async function startPersonio(args = []) {
  if (!existsSync(BIN)) throw new Error(`no stand-in binary at ${BIN}: run \`cargo build -p personio-standin\``);
  const child = spawn(BIN, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolvePromise(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`stand-in exited ${code}: ${stderr}`)));
  });
  const target = new URL(base);
  let frontUp = true;
  const front = createServer(certificate(), (req, res) => {
    if (!frontUp) { req.socket.destroy(); return; }
    const upstream = httpRequest({
      host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers,
    }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  const admin = async (path, { method = 'GET', body } = {}) => {
    const response = await fetch(`${base}/__standin/${path}`, {
      method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  const seed = await admin('seed');
  return {
    base,
    seed,
    /** Host → port map for launchWithExtension({ hosts }). */
    hosts: {
      'api.personio.de': front.address().port,
      [`${seed.subdomain}.jobs.personio.de`]: front.address().port,
      [`${seed.subdomain}.jobs.personio.com`]: front.address().port,
    },
    admin,
    /** The settings an admin would save for the seeded company (full-rights API credentials). */
    settingsInput: () => ({
      subdomain: seed.subdomain,
      client_id: seed.client_id,
      client_secret: seed.client_secret,
      company_id: '',
      recruiting_token: null,
      linkedin_attribute_id: seed.linkedin_attribute,
    }),
    received: () => admin('received'),
    /** The bytes of an upload as the stand-in received them (a Uint8Array) and their detected type. */
    async uploadContent(uuid) {
      const response = await fetch(`${base}/__standin/uploads/${uuid}/content`);
      if (!response.ok) throw new Error(`upload ${uuid}: ${response.status} ${await response.text()}`);
      return { type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
    },
    /** Sets how the stand-in answers where Personio's sources are silent (see its README). */
    modes: (modes) => admin('modes', { method: 'POST', body: modes }),
    faults: (faults) => admin('faults', { method: 'POST', body: faults }),
    clearFaults: () => admin('faults', { method: 'DELETE' }),
    reset: () => admin('reset', { method: 'POST' }),
    /** Simulates being offline: the front drops every connection until `online()`. */
    offline: () => { frontUp = false; },
    online: () => { frontUp = true; },
    async close() {
      await new Promise((r) => front.close(r));
      child.kill();
    },
  };
}

/** The comment as the recruiter wrote it: without the sourcing line (GDPR Art. 14) the extension always ends it with. */
export function recruitersComment(comment) {
  return (comment ?? '').replace(/(?:\n\n)?Sourced from LinkedIn \([^)]*\) on [^\n]* through the sourcing extension[^\n]*$/, '');
}
