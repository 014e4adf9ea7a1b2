// Demo mode (`cargo xtask demo`): the Personio stand-in, a synthetic LinkedIn and Chromium with the built
// extension already connected to the stand-in, so someone without a Personio account can try the whole
// flow: open the toolbar icon (or Alt+Shift+P) on the profile, accept the disclaimer, pick a position,
// type an e-mail, attach a document, create. The stand-in's inspection page shows what arrived.
// DEMO_HEADLESS=1 runs without a window (for a smoke check); DEMO_SECONDS=N stops after N seconds.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/lib/browser.mjs';
import { startLinkedInSite } from '../e2e/lib/linkedin-site.mjs';
import { startPersonio } from '../e2e/lib/personio.mjs';

const FIXTURES = resolve('tests/fixtures/linkedin');
const headless = process.env.DEMO_HEADLESS === '1';

const personio = await startPersonio();
const site = await startLinkedInSite();
const profiles = [];
for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.url'))) {
  const url = readFileSync(join(FIXTURES, file), 'utf8').trim();
  const parsed = new URL(url);
  if (parsed.hostname !== 'www.linkedin.com') continue;
  site.pages.set(parsed.pathname, readFileSync(join(FIXTURES, file.replace(/\.url$/, '.html')), 'utf8'));
  if (file.startsWith('profile-')) profiles.push(url);
}
const session = await launchWithExtension({
  hosts: { 'www.linkedin.com': site.port, ...personio.hosts },
  headless,
});
const saved = await session.request({ type: 'save_settings', input: personio.settingsInput() });
if (saved.type !== 'setup') throw new Error(`could not configure the extension: ${JSON.stringify(saved)}`);
const page = await session.context.newPage();
await page.goto(profiles[0]);

console.log(`
Demo running (Ctrl-C to stop).
  LinkedIn profiles (synthetic):   ${profiles.join('\n                                   ')}
  Personio stand-in:               ${personio.base}  (company "${personio.seed.subdomain}", already connected)
  What Personio received:          ${personio.base}/__standin/received
  Extension settings:              ${session.url('options.html')}
Click the blue Personio icon (or press Alt+Shift+P) on the profile tab.
`);

const stop = async () => {
  await session.close();
  await site.close();
  await personio.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (process.env.DEMO_SECONDS) setTimeout(stop, Number(process.env.DEMO_SECONDS) * 1000);
