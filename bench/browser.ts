/**
 * Browser benchmarks with the built extension: Chromium and Firefox ESR, pages from 127.0.0.1.
 * Figures the content script stamps as data-* on its marker layer (MarkerLayer.stamp; read with
 * tests/e2e/page-helpers.ts's figures/waitForFigure): data-ready-ms, navigation start →
 * highlights in place; data-latency-ms, pointer settle → card painted; data-ruby-ms,
 * data-convert-ms … the last switches; data-slice-steps and data-slice-yields.
 * The page measured is always brought to the front after a storage write (which goes through
 * an extension tab): both browsers throttle timers in background tabs, and Dubao's sliced work
 * yields by timer (in Firefox a switch on a background tab took minutes).
 * Quick (`--quick`): one repetition and pages of 10,000–100,000 characters.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { EXT, launch, open, type BrowserName, type Session } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { clearFigures, contentStages, figures, pointOf, setStorage, waitForFigure } from '../tests/e2e/page-helpers';
import { newsText } from './texts';
import type { BenchOptions, Row } from './node';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function dirSize(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    n += s.isDirectory() ? dirSize(p) : s.size;
  }
  return n;
}

function bigPage(chars: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = newsText(chars).split(/\n+/).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>big</title></head><body><article>${paras}</article></body></html>`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A page without Chinese the size of a news portal's front page: `items` headline links with a
 * paragraph each, a menu, a stylesheet (~1,900 elements and 60,000 characters of text at 600).
 * english.html is a few lines: this one shows what the first stage costs as a page grows.
 */
function englishPortal(items: number): string {
  const words = 'the council met on tuesday to discuss next year budget members debated spending on schools roads and public transport agreed to hold a hearing in march mayor said plan keeps taxes flat while funds for repairs rise final vote expected after'.split(' ');
  let seed = 7;
  const word = () => words[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length];
  const run = (n: number) => Array.from({ length: n }, word).join(' ');
  const body = Array.from({ length: items }, () => `<div class="item"><a href="#">${run(6)}</a><p>${run(18)}</p></div>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><style>${'.x{color:red}'.repeat(200)}</style></head><body><nav>${'<a href="#">Section</a> '.repeat(100)}</nav>${body}</body></html>`;
}

/** Write extension storage and bring `page` back to the front. */
async function switchTo(s: Session, page: Page, values: Record<string, unknown>): Promise<void> {
  await setStorage(s, values);
  await page.bringToFront();
}

async function readyMs(s: Session, url: string): Promise<number> {
  const page = await open(s, url);
  const v = await waitForFigure(page, 'readyMs');
  await page.close();
  return v;
}

async function hoverLatency(s: Session, url: string, quick: boolean): Promise<number> {
  const page = await open(s, url);
  await waitForFigure(page, 'readyMs');
  const out: number[] = [];
  const words = ['两个确立', '两个维护', '三定', '领导职数', '乡村振兴', '出席会议', '编办', '两个确立'];
  for (const word of quick ? words.slice(0, 2) : words) {
    const p = await pointOf(page, word);
    await page.mouse.move(p.x, p.y);
    out.push(await waitForFigure(page, 'latencyMs', 10_000));
    await clearFigures(page, 'latencyMs');
    await page.keyboard.press('Escape');
  }
  await page.close();
  return median(out.slice(1)); // the first hover also loads the dictionary
}

/**
 * Script time on a page without Chinese (Chromium, CDP): Performance.getMetrics' ScriptDuration
 * (all script run in the page's renderer, content scripts included) 300 ms after the load event
 * (the content script runs at document_idle, by the end of load), median of `loads` loads; and
 * the same page in a browser without the extension. english.html runs no script of its own, so
 * with the extension the figure is the content script's: compiling and running the first stage
 * and the sample. Two baselines from the same run: no extension, and an extension whose content
 * script is empty (what any content script costs: its world, compiling a statement).
 */
export async function scriptCost(s: Session, url: string, loads: number): Promise<{ withExt: number; bare: number; empty: number }> {
  const measure = async (browser: import('puppeteer-core').Browser) => {
    const xs: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      await sleep(300);
      const { metrics } = await cdp.send('Performance.getMetrics');
      xs.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
      await page.close();
    }
    return median(xs);
  };
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const emptyExt = mkdtempSync(join(tmpdir(), 'dubao-empty-ext-'));
  writeFileSync(join(emptyExt, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty content script', version: '1.0', content_scripts: [{ matches: ['http://*/*'], js: ['empty.js'], run_at: 'document_idle', all_frames: true }] }));
  writeFileSync(join(emptyExt, 'empty.js'), 'void 0;\n');
  const bare = await puppeteer.launch({ executablePath, headless: true, pipe: true, args });
  const empty = await puppeteer.launch({ executablePath, headless: true, pipe: true, args, enableExtensions: [emptyExt], userDataDir: mkdtempSync(join(tmpdir(), 'dubao-empty-profile-')) });
  try {
    return { withExt: await measure(s.browser), bare: await measure(bare), empty: await measure(empty) };
  } finally {
    await bare.close();
    await empty.close();
    rmSync(emptyExt, { recursive: true, force: true });
  }
}

/**
 * The first stage's own account of its script time on a page without Chinese: its
 * performance.now() around its synchronous start and each re-check, kept in the stages' record
 * (lib/ext/stages.ts, read with scripting.executeScript), 1 s after it ran; median of `loads`
 * loads; and on how many loads the second stage came in. Firefox rounds performance.now() to
 * whole milliseconds in content scripts: there the median is 0 or 1, and the mean is the better
 * figure (each load starts at a random point of the millisecond, so the rounding averages out).
 */
export async function firstStageCost(s: Session, url: string, loads: number): Promise<{ ms: number; mean: number; secondLoaded: number }> {
  const xs: number[] = [];
  let secondLoaded = 0;
  for (let i = 0; i < loads; i++) {
    const page = await open(s, url);
    // Read once the first stage has run, and again after its first re-check had time to run.
    await contentStages(s, page);
    await sleep(1000);
    const st = await contentStages(s, page);
    xs.push(st.firstStageMs);
    if (st.second) secondLoaded++;
    await page.close();
  }
  return { ms: median(xs), mean: xs.reduce((a, b) => a + b, 0) / xs.length, secondLoaded };
}

const SETTINGS = { terms: true, pinyin: false, pinyinStyle: 'marks', toneColors: false, uiLanguage: 'auto', highlightStyle: 'underline', hoverNeedsAlt: false };

/** Ruby on/off over the seed, convert/restore on a big page: medians of `reps`. */
async function switchTimings(s: Session, seedUrl: string, bigUrl: string, bigLabel: string, reps: number): Promise<Record<string, number>> {
  const out: Record<string, number[]> = {};
  const note = (k: string, v: number | undefined) => v !== undefined && (out[k] ??= []).push(v);
  const wait = { polling: 50, timeout: 60_000 };
  const seed = await open(s, seedUrl);
  await seed.waitForFunction(() => !!document.querySelector('dubao-layer'), wait);
  // Each switch restarts the session (a new layer, stamped with the controller's last times):
  // cleared before a round, read once the round's session carries them.
  for (let i = 0; i < reps; i++) {
    await clearFigures(seed, 'rubyMs', 'rubyIdleMs', 'rubyOffMs');
    await switchTo(s, seed, { settings: { ...SETTINGS, pinyin: true } });
    // Ruby goes in near the viewport first (the seed is small: then all of it): read both
    // figures before switching off (a figure of a pass switched off early is not stamped).
    note('ruby on, seed page: first screen', await waitForFigure(seed, 'rubyMs', wait.timeout, wait.polling));
    note('ruby on, seed page: all', await waitForFigure(seed, 'rubyIdleMs', wait.timeout, wait.polling));
    await seed.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length > 1000, wait);
    await switchTo(s, seed, { settings: SETTINGS });
    await seed.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length === 0, wait);
    note('ruby off, seed page', await waitForFigure(seed, 'rubyOffMs', wait.timeout, wait.polling));
  }
  await seed.close();
  const big = await open(s, bigUrl);
  await big.waitForFunction(() => !!document.querySelector('dubao-layer'), wait);
  for (let i = 0; i < reps; i++) {
    await clearFigures(big, 'convertMs', 'restoreMs');
    await switchTo(s, big, { sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await big.waitForFunction(() => document.body.textContent!.includes('機構改革'), wait);
    await switchTo(s, big, { sites: {} });
    await big.waitForFunction(() => !document.body.textContent!.includes('機構改革'), wait);
    await sleep(300);
    note(`convert ${bigLabel} page (tw)`, await waitForFigure(big, 'convertMs', wait.timeout, wait.polling));
    note(`restore ${bigLabel} page`, await waitForFigure(big, 'restoreMs', wait.timeout, wait.polling));
  }
  await big.close();
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}

/**
 * The longest main-thread stall while Dubao works through a huge page: the page loads with
 * Dubao off for the site and settles (parsing and laying out is the browser's work), then Dubao
 * is switched on and a 10 ms interval in the page records its longest gap until the highlights
 * are in place. Also the time from the switch to highlights, and the slice counts stamped on
 * the layer (which the e2e test checks; the time is this figure's business, not a test's).
 */
async function hugePageStall(s: Session, url: string): Promise<{ stall: number; ready: number; steps: number; yields: number; ownMs: number }> {
  await setStorage(s, { sites: { '127.0.0.1': { mode: 'never' } } });
  const page = await s.browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __lag: number[] };
      w.__lag = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__lag.push(now - last - 10);
        last = now;
      }, 10);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.bringToFront();
    await sleep(2000);
    await page.evaluate(() => {
      (window as unknown as { __lag: number[] }).__lag.length = 0;
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await switchTo(s, page, { sites: {} });
    await waitForFigure(page, 'readyMs', 120_000, 100);
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 100, { timeout: 120_000, polling: 100 });
    await sleep(500);
    // (no named functions in the page: tsx would wrap them in a helper the page does not have)
    const { lag, t0 } = await page.evaluate(() => {
      const w = window as unknown as { __lag: number[]; __t0: number };
      return { lag: Math.max(0, ...w.__lag), t0: w.__t0 };
    });
    const f = await figures(page);
    return { stall: lag, ready: f.readyMs - t0, steps: f.sliceSteps, yields: f.sliceYields, ownMs: f.longestMs };
  } finally {
    await page.close();
  }
}

/** One browser's figures (a failing browser leaves the other's to run.ts). */
export async function runBrowserBench(name: BrowserName, { quick = false }: BenchOptions = {}): Promise<Row[]> {
  const rows: Row[] = [];
  const reps = quick ? 1 : 3;
  const loads = quick ? 1 : 20;
  const [bigChars, switchChars, hugeChars] = quick ? [10_000, 10_000, 100_000] : [60_000, 50_000, 1_000_000];
  const k = (n: number) => n.toLocaleString('en-US');
  const server = await serveFixtures({ '/big.html': () => bigPage(bigChars), '/switch.html': () => bigPage(switchChars), '/huge.html': () => bigPage(hugeChars), '/portal.html': () => englishPortal(600) });
  let s: Session | null = null;
  try {
    rows.push({ figure: `${name}: extension size`, value: dirSize(EXT[name]) / 1e6, unit: 'MB' });
    s = await launch(name);
    await readyMs(s, server.url('/seed.html')); // warm the background
    const warmRuns: number[] = [];
    for (let i = 0; i < reps; i++) warmRuns.push(await readyMs(s, server.url('/seed.html')));
    const warm = median(warmRuns);
    rows.push({ figure: `${name}: load → first highlight, seed (warm)`, value: warm, unit: 'ms' });
    if (name === 'chromium') {
      // Stop the service worker (as Chrome does after ~30 s idle), then load again.
      const cold: number[] = [];
      for (let i = 0; i < reps; i++) {
        const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker');
        const worker = await target.worker();
        await worker?.close();
        await sleep(500);
        cold.push(await readyMs(s, server.url('/seed.html')));
      }
      rows.push({ figure: `${name}: load → first highlight, seed (worker stopped)`, value: median(cold), unit: 'ms', baseline: warm, ratio: median(cold) / warm, note: 'baseline: warm' });
      const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker');
      const worker = await target.worker();
      await sleep(1000);
      const heap = (await worker!.client.send('Runtime.getHeapUsage')) as { usedSize: number };
      rows.push({ figure: `${name}: background heap after loading`, value: heap.usedSize / 1e6, unit: 'MB' });
      const cost = await scriptCost(s, server.url('/english.html'), loads);
      rows.push({ figure: `${name}: script time, page without Chinese (CDP)`, value: cost.withExt, unit: 'ms', baseline: cost.empty, ratio: cost.withExt / cost.empty, note: `median of ${loads} loads; goal ≤ 1 ms; baseline: an empty content script; no extension ${cost.bare.toFixed(2)} ms (the page runs no script); Dubao's part ${(cost.withExt - cost.empty).toFixed(2)} ms` });
    }
    if (name === 'chromium') {
      const portal = await scriptCost(s, server.url('/portal.html'), loads);
      rows.push({ figure: `${name}: script time, English portal page (CDP)`, value: portal.withExt, unit: 'ms', baseline: portal.empty, ratio: portal.withExt / portal.empty, note: `median of ${loads} loads; ~1,900 elements, 60,000 characters of text; the page runs no script; baseline: an empty content script` });
    }
    for (const [page, label] of [['/english.html', 'no Chinese'], ['/portal.html', 'English portal page']]) {
      const first = await firstStageCost(s, server.url(page), loads);
      rows.push({ figure: `${name}: first stage's own script time, ${label}`, value: first.ms, unit: 'ms', note: `median of ${loads} loads (its performance.now()), mean ${first.mean.toFixed(2)} ms; goal ≤ 1 ms; second stage loaded on ${first.secondLoaded} of them` });
    }
    rows.push({ figure: `${name}: first-stage content script size`, value: statSync(join(EXT[name], 'first-stage.js')).size / 1000, unit: 'kB', note: 'goal ≤ 8 kB; the rest (content-main.js) loads only where there is Chinese' });
    rows.push({ figure: `${name}: hover settle → card painted (median)`, value: await hoverLatency(s, server.url('/seed.html'), quick), unit: 'ms' });
    rows.push({ figure: `${name}: ${k(bigChars)}-char page, load → highlights`, value: await readyMs(s, server.url('/big.html')), unit: 'ms' });
    for (const [fig, v] of Object.entries(await switchTimings(s, server.url('/seed.html'), server.url('/switch.html'), `${k(switchChars)}-char`, reps))) rows.push({ figure: `${name}: ${fig}`, value: v, unit: 'ms' });
    const huge = await hugePageStall(s, server.url('/huge.html'));
    rows.push({ figure: `${name}: ${k(hugeChars)}-char page, longest stall`, value: huge.stall, unit: 'ms', note: `goal < 50 ms; ${huge.steps} steps, ${huge.yields} yields; Dubao's longest slice ${huge.ownMs.toFixed(0)} ms (its clock)` });
    rows.push({ figure: `${name}: ${k(hugeChars)}-char page, switch on → highlights`, value: huge.ready, unit: 'ms' });
  } finally {
    await s?.close();
    await server.close();
  }
  return rows;
}
