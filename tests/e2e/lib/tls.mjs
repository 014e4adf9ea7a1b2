// A throw-away self-signed certificate for the local stand-ins of www.linkedin.com and the Personio hosts,
// made with the machine's openssl. Chromium accepts it through --ignore-certificate-errors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cached;

/** Returns `{ key, cert }` PEM strings valid for www.linkedin.com, api.personio.de and *.jobs.personio.{de,com}. */
export function certificate() {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'e2e-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-subj', '/CN=www.linkedin.com',
    '-addext', 'subjectAltName=DNS:www.linkedin.com,DNS:api.personio.de,DNS:*.jobs.personio.de,DNS:*.jobs.personio.com',
  ], { stdio: 'ignore' });
  cached = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return cached;
}
