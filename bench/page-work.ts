/**
 * Dubao's own work on the page's main thread (#18), with the built extension in one browser:
 *
 * - Long tasks while each feature is switched on and off (term highlights, pinyin, conversion to
 *   traditional, the sidebar) on the seed page and on a 1,000,000-character page. The fixture
 *   pages run no script of their own, so every long task in a switch's window is Dubao's work or
 *   the browser's rendering of what Dubao changed (both count). Chromium reports long tasks
 *   (PerformanceObserver 'longtask', > 50 ms); Firefox has no 'longtask' entry type (its
 *   supportedEntryTypes are listed in the note), so there the figure is the longest gap of a 10 ms
 *   interval timer in the page (a stall: what a long task would have cost), measured in both.
 *   Chromium also reports long animation frames (> 50 ms: a frame's tasks and its rendering);
 *   the note gives their count and the longest with its style-and-layout share, because the
 *   browser's layout of what Dubao changed is not in any long task. Beside them, Dubao's own
 *   longest slice of script in the switch's passes (its clock, stamped on its layer): in Firefox
 *   what tells a stall of ours from the browser's rendering.
 * - "Appended article → highlighted": a feed page appends 20 articles over 10 s; the page notes
 *   when each was added and when a term highlight first lay inside it (a 5 ms poll: the figure is
 *   good to ~5 ms). Median and worst.
 * Quick (`--quick`): a 100,000-character page, 5 articles. `--switch=conversion` (or any part of a
 * feature's name) runs only those switches.
 */
import type { Page } from 'puppeteer-core';
import { launch, markerLabels, open, type BrowserName, type Session } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { DEFAULT_SETTINGS, figures, setStorage, waitForFigure } from '../tests/e2e/page-helpers';
import { newsText } from './texts';
import type { BenchOptions, Row } from './node';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bigPage(chars: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = newsText(chars).split(/\n+/).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>big</title></head><body><article>${paras}</article></body></html>`;
}

/** A long animation frame: its scripts' time and its style-and-layout's (the rest is the frame's other work and paint). */
type Frame = { start: number; dur: number; script: number; layout: number };
type Watch = { lt: Array<{ start: number; dur: number }>; loaf: Frame[]; lag: Array<[number, number]>; types: string[] };

/** Installed before the page's own code: long tasks (where the browser reports them) and a 10 ms timer's gaps. */
function installWatch(page: Page): Promise<unknown> {
  return page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __watch: Watch };
    w.__watch = { lt: [], loaf: [], lag: [], types: [...(PerformanceObserver.supportedEntryTypes ?? [])] };
    // Long tasks, and (Chromium) long animation frames: a frame's tasks plus its rendering, which
    // a long task leaves out (the layout of what Dubao changed shows only there and in the stalls).
    type Loaf = PerformanceEntry & { styleAndLayoutStart?: number; scripts?: Array<{ duration: number }> };
    for (const [type, into] of [['longtask', w.__watch.lt], ['long-animation-frame', w.__watch.loaf]] as const) {
      if (!w.__watch.types.includes(type)) continue;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Loaf[]) {
          const end = e.startTime + e.duration;
          const script = (e.scripts ?? []).reduce((n, x) => n + x.duration, 0);
          into.push({ start: e.startTime, dur: e.duration, script, layout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0 });
        }
      }).observe({ type, buffered: true });
    }
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (now - last > 30) w.__watch.lag.push([last, now - last - 10]);
      last = now;
    }, 10);
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());

/**
 * Dubao's own slices' longest script time, by pass (data-*-longest-ms on its layer: our clock),
 * among the figures that are new or changed since `before` (a rebuilt session stamps the last
 * figures of earlier passes again).
 */
async function ownLongest(page: Page, before: Record<string, number>): Promise<{ ms: number; pass: string }> {
  const f = await figures(page);
  return Object.entries(f)
    .filter(([k, v]) => /(^l|L)ongestMs$/.test(k) && before[k] !== v)
    .reduce((a, [k, v]) => (v > a.ms ? { ms: v, pass: k === 'longestMs' ? 'session' : k.slice(0, -'LongestMs'.length) } : a), { ms: 0, pass: '' });
}

/** Long tasks (count, longest) and the longest stall between t0 and now. */
async function windowFigures(page: Page, t0: number): Promise<{ count: number; longest: number; stall: number; loafs: number; loaf: Frame | null; types: string[] }> {
  return page.evaluate((from) => {
    const w = (window as unknown as { __watch: Watch }).__watch;
    const lt = w.lt.filter((e) => e.start + e.dur >= from);
    const loaf = w.loaf.filter((e) => e.start + e.dur >= from);
    const lag = w.lag.filter(([at]) => at >= from).map(([, d]) => d);
    return { count: lt.length, longest: Math.max(0, ...lt.map((e) => e.dur)), stall: Math.max(0, ...lag), loafs: loaf.length, loaf: loaf.reduce<Frame | null>((a, e) => (!a || e.dur > a.dur ? e : a), null), types: w.types };
  }, t0);
}

interface Switch {
  feature: string;
  on: Record<string, unknown>;
  off: Record<string, unknown>;
  /** Wait until the switch's work is done (in the page). */
  onDone(page: Page): Promise<unknown>;
  offDone(page: Page): Promise<unknown>;
}

// (the switches' deadlines come first: see switchLongTasks)
const WAIT = { timeout: 170_000, polling: 250 };
const highlightCount = (page: Page) => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0);

/** The page's term highlights are there (the Highlight registry's set is not empty). */
const termsShown = (p: Page) => p.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0, WAIT);
/** The page's term highlights are gone. */
const termsGone = (p: Page) => p.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term'), WAIT);

const SWITCHES: Switch[] = [
  {
    feature: 'term highlights',
    on: { settings: DEFAULT_SETTINGS, sites: {} },
    off: { settings: { ...DEFAULT_SETTINGS, terms: false }, sites: {} },
    onDone: (p) => termsShown(p),
    offDone: (p) => termsGone(p),
  },
  {
    feature: 'pinyin',
    on: { settings: { ...DEFAULT_SETTINGS, pinyin: true }, sites: {} },
    off: { settings: DEFAULT_SETTINGS, sites: {} },
    // Ruby done, then the session rebuilt over ruby's nodes (its highlights back).
    onDone: async (p) => {
      await waitForFigure(p, 'rubyMs', WAIT.timeout, WAIT.polling);
      await termsShown(p);
    },
    offDone: async (p) => {
      await waitForFigure(p, 'rubyOffMs', WAIT.timeout, WAIT.polling);
      await p.waitForFunction(() => !document.querySelector('ruby[data-dubao]') && ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0, WAIT);
    },
  },
  {
    feature: 'conversion (tw)',
    on: { settings: DEFAULT_SETTINGS, sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } },
    off: { settings: DEFAULT_SETTINGS, sites: {} },
    onDone: async (p) => {
      await waitForFigure(p, 'convertMs', WAIT.timeout, WAIT.polling);
      await termsShown(p);
    },
    offDone: async (p) => {
      await waitForFigure(p, 'restoreMs', WAIT.timeout, WAIT.polling);
      await termsShown(p);
    },
  },
  {
    feature: 'sidebar',
    on: { settings: DEFAULT_SETTINGS, sites: { '127.0.0.1': { mode: 'default', sidebar: true } } },
    off: { settings: DEFAULT_SETTINGS, sites: {} },
    // Open with its digest painted (no longer busy); closed: no sidebar element inside.
    onDone: (p) => p.waitForFunction(() => !!document.querySelector('dubao-sidebar')?.shadowRoot?.querySelector('.sidebar') && !document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('[aria-busy]'), WAIT),
    offDone: (p) => p.waitForFunction(() => !document.querySelector('dubao-sidebar')?.shadowRoot?.querySelector('.sidebar'), WAIT),
  },
];

/**
 * Each switch on and off, on a fresh load of the page (a switch that does not finish within
 * `deadlineMs` leaves the page as it is: the next starts clean). A row per switch and direction.
 */
async function switchLongTasks(s: Session, url: string, label: string, deadlineMs: number): Promise<Row[]> {
  const rows: Row[] = [];
  let types: string[] = [];
  // `--switch=TEXT` (with run.ts's --only): only the switches whose feature contains TEXT.
  const only = process.argv.find((a) => a.startsWith('--switch='))?.slice('--switch='.length);
  for (const sw of SWITCHES.filter((x) => only === undefined || x.feature.includes(only))) {
    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
    const page = await s.browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      await installWatch(page);
      await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
      await page.bringToFront();
      await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0, WAIT);
      await sleep(1000);
      // Highlights start on: off first; the others start off: on first.
      const order = sw.feature === 'term highlights' ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const dir of order) {
        const before = await figures(page);
        const t0 = await now(page);
        await setStorage(s, dir === 'on' ? sw.on : sw.off);
        await page.bringToFront();
        const started = performance.now();
        const done = await Promise.race([(dir === 'on' ? sw.onDone(page) : sw.offDone(page)).then(() => true, () => false), sleep(deadlineMs).then(() => false)]);
        const took = performance.now() - started;
        await sleep(500); // the rendering that follows the last change
        const f = await windowFigures(page, t0);
        const own = await ownLongest(page, before);
        types = f.types;
        // Pinyin is built near the viewport: how much of the page got ruby (elements, of its Han characters).
        const ruby =
          sw.feature === 'pinyin' && dir === 'on'
            ? await page.evaluate(() => `; ${document.querySelectorAll('ruby[data-dubao]').length.toLocaleString('en-US')} ruby elements for ${(document.body.textContent!.match(/\p{Script=Han}/gu) ?? []).length.toLocaleString('en-US')} Han characters`)
            : '';
        rows.push({
          figure: `${label}: ${sw.feature} ${dir}, long tasks > 50 ms`,
          value: f.count,
          unit: '',
          note: `longest ${f.longest.toFixed(0)} ms; longest stall ${f.stall.toFixed(0)} ms; Dubao's longest slice ${own.pass ? `${own.ms.toFixed(0)} ms (${own.pass})` : 'none stamped'}; ${types.includes('long-animation-frame') ? `${f.loafs} long animation frames${f.loaf ? `, longest ${f.loaf.dur.toFixed(0)} ms (script ${f.loaf.script.toFixed(0)}, style and layout ${f.loaf.layout.toFixed(0)})` : ''}; ` : ''}${done ? `done in ${(took / 1000).toFixed(1)} s` : `NOT done within ${deadlineMs / 1000} s (figures so far)`}${ruby}`,
        });
        if (!done) break;
      }
    } finally {
      await page.close();
    }
  }
  if (!types.includes('longtask')) rows.push({ figure: `${label}: (no 'longtask' entries here)`, value: NaN, unit: '', note: `supportedEntryTypes: ${types.join(', ')}; counts are 0 by absence: read the stalls` });
  return rows;
}

/** A feed page appends `n` articles, one every `everyMs`: delay from append to its first highlight. */
async function appendedLatency(s: Session, url: string, n: number, everyMs: number): Promise<{ median: number; worst: number; missing: number }> {
  await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
  const page = await open(s, url);
  try {
    await markerLabels(page);
    await page.evaluate((k, ms) => (window as unknown as { startFeed(n: number, ms: number): void }).startFeed(k, ms), n, everyMs);
    await sleep(n * everyMs + 3000);
    const got = await page.$$eval('article.item:not(#item-0)', (els) => els.map((el) => Number((el as HTMLElement).dataset.highlightedAt) - Number((el as HTMLElement).dataset.addedAt)));
    const ok = got.filter((d) => Number.isFinite(d));
    return { median: median(ok), worst: Math.max(...ok), missing: n - ok.length };
  } finally {
    await page.close();
  }
}

export async function runPageWorkBench(name: BrowserName, { quick = false }: BenchOptions = {}): Promise<Row[]> {
  const hugeChars = quick ? 100_000 : 1_000_000;
  const [feedN, feedMs] = quick ? [5, 200] : [20, 500];
  const server = await serveFixtures({ '/huge.html': () => bigPage(hugeChars) });
  let s: Session | null = null;
  const rows: Row[] = [];
  try {
    s = await launch(name);
    // Warm the background (its first answer is provisional).
    await (await open(s, server.url('/seed.html'))).close();
    const lat = await appendedLatency(s, server.url('/spa-feed.html'), feedN, feedMs);
    rows.push({ figure: `${name}: appended article → highlighted (median of ${feedN})`, value: lat.median, unit: 'ms', note: `worst ${lat.worst.toFixed(0)} ms; goal ≤ 500 ms each${lat.missing ? `; ${lat.missing} never highlighted` : ''}` });
    rows.push(...(await switchLongTasks(s, server.url('/seed.html'), `${name}: seed`, 60_000)));
    rows.push(...(await switchLongTasks(s, server.url('/huge.html'), `${name}: ${hugeChars.toLocaleString('en-US')}-char page`, quick ? 30_000 : 90_000)));
  } finally {
    await s?.close();
    await server.close();
  }
  return rows;
}
