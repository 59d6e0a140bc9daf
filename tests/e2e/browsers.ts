/**
 * Real browsers with the built extension loaded: Debian's Chromium and Firefox ESR, driven by
 * puppeteer-core (CDP for Chromium, WebDriver BiDi for Firefox). Each suite starts each browser
 * once and opens many pages in it.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const EXT = { chromium: join(ROOT, '.output/chrome-mv3'), firefox: join(ROOT, '.output/firefox-mv3') };
export const GECKO_ID = 'dubao@dubao.example';
const FIREFOX_UUID = '6f1b5a52-6d0e-4c47-9a51-3b1b5d2c0a11';

export interface Session {
  name: BrowserName;
  browser: Browser;
  /** Base URL of extension pages: chrome-extension://ID or moz-extension://UUID. */
  extensionOrigin: string;
  close(): Promise<void>;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * `profile`: a profile folder that outlives the browser (to start it again on the same profile,
 * as after a restart); by default each launch gets a new one, removed on close.
 */
export async function launch(name: BrowserName, opts: { profile?: string } = {}): Promise<Session> {
  const ext = EXT[name];
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`${ext} is not built: run npm run build`);
  if (name === 'chromium') {
    const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'dubao-chromium-'));
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      userDataDir: profile,
      enableExtensions: [ext],
      args: [
        '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--lang=en-US', '--window-size=1280,900',
      ],
    });
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
    const id = new URL(worker.url()).host;
    return {
      name,
      browser,
      extensionOrigin: `chrome-extension://${id}`,
      close: async () => {
        await browser.close();
        if (!opts.profile) rmSync(profile, { recursive: true, force: true });
      },
    };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(opts.profile ? { userDataDir: opts.profile } : {}),
    extraPrefsFirefox: {
      // A temporary add-on is uninstalled when Firefox quits; on a kept profile its storage stays,
      // as an installed add-on's does across restarts.
      ...(opts.profile ? { 'extensions.webextensions.keepStorageOnUninstall': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': 'en-US',
      'browser.shell.checkDefaultBrowser': false,
      // performance.now() to the microsecond, not rounded to 1 ms (the bench times the content
      // script's own work with it; a rounded clock reads 0 or 1 ms).
      'privacy.reduceTimerPrecision': false,
    },
  });
  await browser.installExtension(ext);
  return { name, browser, extensionOrigin: `moz-extension://${FIREFOX_UUID}`, close: () => browser.close() };
}

/** Open a page and wait for its load; returns the page. */
export async function open(s: Session, url: string): Promise<Page> {
  const page = await s.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Open an extension page (popup, options; at `viewport`'s size if given, else the browser's default). Firefox's BiDi goto never resolves on
 * moz-extension:// pages, so it is started without waiting and the DOM is awaited instead.
 */
export async function openExtensionPage(s: Session, path: string, ready: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await s.browser.newPage();
  if (viewport) await page.setViewport(viewport);
  const url = `${s.extensionOrigin}/${path}`;
  if (s.name === 'firefox') void page.goto(url).catch(() => undefined);
  else await page.goto(url, { waitUntil: 'load' });
  // In Firefox the wait can start on the about:blank document that the navigation then
  // replaces, which ends the wait with an error: wait again on the new document.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForSelector(ready, { timeout: Math.max(1000, deadline - Date.now()) });
      return page;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Article markers the content script drew (inside its shadow root), read as soon as there are some. */
export async function markerLabels(page: Page, timeout = 20_000): Promise<string[]> {
  // Find and read in one step: a session that restarts may replace the layer in between.
  const handle = await page.waitForFunction(
    () => {
      const markers = document.querySelector('dubao-layer')?.shadowRoot?.querySelectorAll('.marker');
      return markers && markers.length ? [...markers].map((m) => m.textContent ?? '') : null;
    },
    { timeout },
  );
  return (await handle.jsonValue()) as string[];
}
