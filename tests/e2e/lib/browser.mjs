// Launches Debian's Chromium with the built extension (dist/) loaded, headless, with www.linkedin.com (and
// the Personio hosts, when given) resolved to local stand-ins. Returns the context, the extension id and
// helpers to reach the service worker and to open the popup as a page for a given tab.
import { chromium } from 'playwright-core';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve(process.env.EXTENSION_DIST ?? 'dist');

/** `hosts`: { 'www.linkedin.com': port, 'api.personio.de': port, … } mapped to 127.0.0.1. `uiLanguage`: the
 * browser's UI language (what `chrome.i18n` answers; needs Debian's chromium-l10n), en-US when absent (so a
 * developer's own LANGUAGE never changes what the tests see). */
export async function launchWithExtension({ hosts = {}, dist = DIST, headless = true, uiLanguage } = {}) {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`no built extension at ${dist}: run \`cargo xtask build\` first`);
  }
  const rules = Object.entries(hosts).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  rules.push('EXCLUDE localhost');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'e2e-profile-')), {
    executablePath: '/usr/bin/chromium',
    headless,
    ignoreHTTPSErrors: true,
    // Chromium on Linux takes its UI language from LANGUAGE (the --lang flag is ignored there).
    env: { ...process.env, LANGUAGE: uiLanguage ?? 'en-US' },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules.join(', ')}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return new ExtensionSession(context, extensionId);
}

export class ExtensionSession {
  constructor(context, extensionId) {
    this.context = context;
    this.extensionId = extensionId;
  }

  /** The current service worker (it may have been restarted). */
  async worker() {
    const [worker] = this.context.serviceWorkers();
    return worker ?? this.context.waitForEvent('serviceworker');
  }

  url(path) {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  /** The Chrome tab id of a Playwright page: the page is brought to front, then the active tab is asked for
   * (the extension has no permission to read LinkedIn tabs' URLs, by design). */
  async tabIdOf(page) {
    await page.bringToFront();
    const worker = await this.worker();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    });
    if (id === null) throw new Error(`no active tab for ${page.url()}`);
    return id;
  }

  /** Toolbar action state of a tab: { enabled, title }. */
  async actionState(tabId) {
    const worker = await this.worker();
    return worker.evaluate(async (tabId) => ({
      enabled: await chrome.action.isEnabled(tabId),
      title: await chrome.action.getTitle({ tabId }),
    }), tabId);
  }

  /** Sends a `PopupRequest` to the background from an extension page, as the popup does; returns the answer. */
  async request(message) {
    const page = await this.context.newPage();
    try {
      await page.goto(this.url('options.html'));
      return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    } finally {
      await page.close();
    }
  }

  /** Accepts the disclaimer and saves connection settings through the background (not through the UI). */
  async configure(input = { subdomain: 'acme', client_id: '', client_secret: null, company_id: '4711', recruiting_token: 'recruiting-token-acme' }) {
    const accepted = await this.request({ type: 'accept_disclaimer' });
    if (accepted.type !== 'setup') throw new Error(`disclaimer: ${JSON.stringify(accepted)}`);
    const saved = await this.request({ type: 'save_settings', input });
    if (saved.type !== 'setup') throw new Error(`settings: ${JSON.stringify(saved)}`);
    return saved.setup;
  }

  /** Opens popup.html?tab=<tabId> as a page. */
  async openPopupFor(tabId) {
    const popup = await this.context.newPage();
    await popup.goto(this.url(`popup.html?tab=${tabId}`));
    return popup;
  }

  close() {
    return this.context.close();
  }
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function eventually(probe, { timeoutMs = 5000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  while (Date.now() < deadline) {
    value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return value;
}
