// Helpers that run inside fixture pages.
import type { Page } from 'puppeteer-core';
import { openExtensionPage, type Session } from './browsers';
import type { PageStatus } from '../../lib/messages';

/** Centre of the first occurrence of `text` inside one text node (viewport coordinates, scrolled into view). */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    (needle, k) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        let at = node.data.indexOf(needle);
        while (at >= 0) {
          if (seen++ === k) {
            node.parentElement!.scrollIntoView({ block: 'center' });
            const r = document.createRange();
            r.setStart(node, at);
            r.setEnd(node, at + 1);
            const rect = r.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          at = node.data.indexOf(needle, at + 1);
        }
      }
      return null;
    },
    text,
    nth,
  );
  if (!p) throw new Error(`'${text}' not found on the page`);
  return p;
}

/** Text of the hover card, or null when none is open. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card')?.textContent ?? null);
}

export async function waitForCard(page: Page, contains: string, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (c) => (document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card')?.textContent ?? '').includes(c),
    { timeout },
    contains,
  );
  return (await cardText(page))!;
}

/** Highlight ranges registered under a name, as strings. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    return h ? [...h].map((r) => r.toString()) : [];
  }, name);
}

type TabsApi = {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
  scripting: {
    executeScript(o: { target: { tabId: number }; func?: () => unknown; files?: string[] }): Promise<Array<{ result?: unknown }>>;
    insertCSS(o: { target: { tabId: number }; files: string[] }): Promise<void>;
  };
};

/**
 * The browser's tab id of `page`: the tab at its address (Dubao's host permissions let it read
 * the addresses of the pages it runs on; it does not ask for "tabs"). Pages of one address are
 * opened one at a time in these tests.
 */
export async function findTabId(s: Session, page: Page): Promise<number> {
  const probe = await probePage(s);
  return probe.evaluate(async (url) => {
    const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
    const tab = (await (g.browser ?? g.chrome)!.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return tab.id;
  }, page.url());
}

/** Send a message to the content script of `page`'s tab from an extension page, as the background does. */
export async function sendToPageTab(s: Session, page: Page, message: unknown): Promise<unknown> {
  const id = await findTabId(s, page);
  return (await probePage(s)).evaluate(
    (tabId, msg) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      return (g.browser ?? g.chrome)!.tabs.sendMessage(tabId, msg);
    },
    id,
    message,
  );
}

/** What the content script's stages left in the top frame of `page` (lib/ext/stages.ts), or null before the first stage ran. */
export interface Stages {
  chinese: boolean;
  firstStageMs: number;
  /** Is the second stage (controller, UI) loaded? */
  second: boolean;
}

/**
 * Read the stages' record in the content scripts' own world (scripting.executeScript runs there
 * too), without loading anything; waits for the first stage to have run (document_idle).
 */
export async function contentStages(s: Session, page: Page, timeout = 30_000): Promise<Stages> {
  const id = await findTabId(s, page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const got = (await (await probePage(s)).evaluate(async (tabId) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      // (taken from an array: a function written as a property would get a name helper from tsx
      // that the page does not have)
      const read = [
        () => {
          const rec = (globalThis as Record<symbol, { chinese: boolean; firstStageMs: number; second?: object } | undefined>)[Symbol.for('dubao.stages')];
          return rec ? { chinese: rec.chinese, firstStageMs: rec.firstStageMs, second: !!rec.second } : null;
        },
      ][0];
      const [r] = await (g.browser ?? g.chrome)!.scripting.executeScript({ target: { tabId }, func: read });
      return (r?.result ?? null) as Stages | null;
    }, id)) as Stages | null;
    if (got) return got;
    if (Date.now() >= deadline) throw new Error('the first stage did not run');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The content script's status for `page`, asked as the popup asks: where only the first stage
 * runs (no Chinese), no one answers, and the second stage is loaded to answer. Waits for the
 * first stage to have run; the deadline only catches a content script that never starts.
 */
export async function contentStatus(s: Session, page: Page, timeout = 30_000): Promise<PageStatus> {
  const deadline = Date.now() + timeout;
  await contentStages(s, page, timeout);
  for (;;) {
    try {
      const r = (await sendToPageTab(s, page, { type: 'status', data: {} })) as { ok: boolean; value: PageStatus };
      if (r?.ok) return r.value;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      await loadSecondStage(s, page);
    }
    if (Date.now() >= deadline) throw new Error('the content script did not answer');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Load the second stage into `page`'s top frame, as the popup does when no one answers there. */
export async function loadSecondStage(s: Session, page: Page): Promise<void> {
  const id = await findTabId(s, page);
  await (await probePage(s)).evaluate(async (tabId) => {
    const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
    const api = (g.browser ?? g.chrome)!;
    await api.scripting.insertCSS({ target: { tabId }, files: ['/assets/highlights.css'] });
    await api.scripting.executeScript({ target: { tabId }, files: ['/content-main.js'] });
  }, id);
}

const probes = new WeakMap<Session, Promise<Page>>();

/** One extension page per browser, kept open (opening one is slow in Firefox), for API calls. */
function probePage(s: Session): Promise<Page> {
  let probe = probes.get(s);
  if (!probe) probes.set(s, (probe = openExtensionPage(s, 'popup.html?tab=-1', 'main')));
  return probe;
}

/** The default settings, as tests write them to storage. */
export { DEFAULT_SETTINGS } from '../../lib/settings/model';

/** Write extension storage (settings, site rules) from an extension page, as the popup does. */
export async function setStorage(s: Session, values: Record<string, unknown>): Promise<void> {
  const probe = probePage(s);
  // Stored as @wxt-dev/storage stores them: with a version record, so that no migration runs.
  const withMeta: Record<string, unknown> = { ...values };
  for (const k of Object.keys(values)) if (k === 'settings' || k === 'sites') withMeta[`${k}$`] = { v: 2 };
  await (await probe).evaluate(async (v) => {
    type StorageApi = { storage: { local: { set(v: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
    await (g.browser ?? g.chrome)!.storage.local.set(v);
  }, withMeta);
}

/** Send a typed message to the background from an extension page, as the content script does. */
export async function toBackground<T>(s: Session, message: { type: string; data: unknown }): Promise<T> {
  const r = await (await probePage(s)).evaluate(async (msg) => {
    type RuntimeApi = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi };
    return (g.browser ?? g.chrome)!.runtime.sendMessage(msg);
  }, message);
  const res = r as { ok: boolean; value?: T; error?: string };
  if (!res?.ok) throw new Error(`background: ${res?.error ?? 'no answer'}`);
  return res.value as T;
}

/**
 * Figures Dubao stamps for benchmarks and tests, as data-* on its marker layer <dubao-layer>
 * (MarkerLayer.stamp), by dataset name: readyMs, refinedMs, sliceSteps, sliceYields,
 * longestSlice and longestMs (the session), latencyMs (a hover card), rubyMs, rubyOffMs, convertMs,
 * restoreMs (the last switches) and each sliced pass's Steps, Yields, LongestSlice, LongestMs
 * (rubyLongestMs, …). {} while there is no layer.
 */
export function figures(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const layer = document.querySelector<HTMLElement>('dubao-layer');
    return Object.fromEntries(Object.entries(layer?.dataset ?? {}).map(([k, v]) => [k, Number(v)]));
  });
}

/**
 * Wait until the layer carries figure `key` and return it. Watched by mutation by default (no
 * frames needed: tabs in the background get none).
 */
export async function waitForFigure(page: Page, key: string, timeout = 60_000, polling: number | 'raf' | 'mutation' = 'mutation'): Promise<number> {
  const got = await page.waitForFunction((k) => document.querySelector<HTMLElement>('dubao-layer')?.dataset[k] ?? null, { timeout, polling }, key);
  return Number(await got.jsonValue());
}

/** Take figures off the current layer, so that the next ones read are new. */
export async function clearFigures(page: Page, ...keys: string[]): Promise<void> {
  await page.evaluate((ks) => {
    const layer = document.querySelector<HTMLElement>('dubao-layer');
    for (const k of ks) if (layer) delete layer.dataset[k];
  }, keys);
}
