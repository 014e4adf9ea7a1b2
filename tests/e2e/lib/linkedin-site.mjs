// A local HTTPS stand-in for www.linkedin.com serving synthetic pages (invented people only) with LinkedIn's
// kind of Content-Security-Policy: a script-src without 'wasm-unsafe-eval' or 'unsafe-eval', so WebAssembly
// cannot run in the page, exactly as on the real site.
import { createServer } from 'node:https';
import { certificate } from './tls.mjs';

export const LINKEDIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'report-sample'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Starts the site on 127.0.0.1 (random port). `pages` maps a path, or a path with its query (tried first),
 * to HTML. */
export async function startLinkedInSite(pages = new Map()) {
  const server = createServer(certificate(), (req, res) => {
    const requested = new URL(req.url, 'https://www.linkedin.com');
    const path = requested.pathname;
    const body = pages.get(path + requested.search) ?? pages.get(path);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': LINKEDIN_CSP });
      res.end('<!doctype html><title>Page not found</title><main><h2>This page doesn’t exist</h2></main>');
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'content-security-policy': LINKEDIN_CSP, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { pages, port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}
