/**
 * Browser benchmarks with the built extension: Chromium and Firefox ESR, pages from 127.0.0.1.
 * Figures the content script stamps on its own elements (data-ready-ms: navigation start →
 * highlights in place; data-latency-ms: pointer settle → card painted) are read back here.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSERS, EXT, launch, open, type Session } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { pointOf, sendToPageTab, setStorage } from '../tests/e2e/page-helpers';
import { newsText } from './texts';
import type { Row } from './node';

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

async function readyMs(s: Session, url: string): Promise<number> {
  const page = await open(s, url);
  await page.waitForFunction(() => !!document.querySelector('dubao-layer')?.getAttribute('data-ready-ms'), { timeout: 60_000 });
  const v = Number(await page.evaluate(() => document.querySelector('dubao-layer')!.getAttribute('data-ready-ms')));
  await page.close();
  return v;
}

async function hoverLatency(s: Session, url: string): Promise<number> {
  const page = await open(s, url);
  await page.waitForFunction(() => !!document.querySelector('dubao-layer')?.getAttribute('data-ready-ms'));
  const out: number[] = [];
  for (const word of ['两个确立', '两个维护', '三定', '领导职数', '乡村振兴', '出席会议', '编办', '两个确立']) {
    const p = await pointOf(page, word);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => !!document.querySelector('dubao-card')?.getAttribute('data-latency-ms'), { timeout: 10_000 });
    out.push(Number(await page.evaluate(() => document.querySelector('dubao-card')!.getAttribute('data-latency-ms'))));
    await page.evaluate(() => document.querySelector('dubao-card')!.removeAttribute('data-latency-ms'));
    await page.keyboard.press('Escape');
  }
  await page.close();
  return median(out.slice(1)); // the first hover also loads the dictionary
}

/** Script time on a page without Chinese, with and without the extension (Chromium, CDP). */
async function scriptCost(s: Session, url: string): Promise<{ withExt: number; bare: number }> {
  const measure = async (browser: import('puppeteer-core').Browser) => {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 300));
      const { metrics } = await cdp.send('Performance.getMetrics');
      xs.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
      await page.close();
    }
    return median(xs);
  };
  const bare = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const result = { withExt: await measure(s.browser), bare: await measure(bare) };
  await bare.close();
  return result;
}

const SETTINGS = { terms: true, pinyin: false, pinyinStyle: 'marks', toneColors: false, uiLanguage: 'auto', highlightStyle: 'underline', hoverNeedsAlt: false };

/** Ruby on/off over the seed, convert/restore on a 50,000-character page: medians of 3. */
async function switchTimings(s: Session, seedUrl: string, bigUrl: string): Promise<Record<string, number>> {
  const status = async (page: import('puppeteer-core').Page) => ((await sendToPageTab(s, page, { type: 'status', data: {} })) as { value: { timings: Record<string, number> } }).value.timings;
  const out: Record<string, number[]> = {};
  const note = (k: string, v: number | undefined) => v !== undefined && (out[k] ??= []).push(v);
  const seed = await open(s, seedUrl);
  await seed.waitForFunction(() => !!document.querySelector('dubao-layer'));
  for (let i = 0; i < 3; i++) {
    await setStorage(s, { settings: { ...SETTINGS, pinyin: true } });
    await seed.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length > 1000, { polling: 50 });
    await setStorage(s, { settings: SETTINGS });
    await seed.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length === 0, { polling: 50 });
    const t = await status(seed);
    note('ruby on, seed page', t.rubyMs);
    note('ruby off, seed page', t.rubyOffMs);
  }
  await seed.close();
  const big = await open(s, bigUrl);
  await big.waitForFunction(() => !!document.querySelector('dubao-layer'));
  for (let i = 0; i < 3; i++) {
    await setStorage(s, { sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await big.waitForFunction(() => document.body.textContent!.includes('機構改革'), { polling: 50 });
    await setStorage(s, { sites: {} });
    await big.waitForFunction(() => !document.body.textContent!.includes('機構改革'), { polling: 50 });
    await new Promise((r) => setTimeout(r, 300));
    const t = await status(big);
    note('convert 50,000-char page (tw)', t.convertMs);
    note('restore 50,000-char page', t.restoreMs);
  }
  await big.close();
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}

export async function runBrowserBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await serveFixtures({ '/big60k.html': () => bigPage(60_000), '/big50k.html': () => bigPage(50_000) });
  for (const name of BROWSERS) {
    rows.push({ figure: `${name}: extension size`, value: dirSize(EXT[name]) / 1e6, unit: 'MB' });
    const s = await launch(name);
    try {
      await readyMs(s, server.url('/seed.html')); // warm the background
      const warm = median([await readyMs(s, server.url('/seed.html')), await readyMs(s, server.url('/seed.html')), await readyMs(s, server.url('/seed.html'))]);
      rows.push({ figure: `${name}: load → first highlight, seed (warm)`, value: warm, unit: 'ms' });
      if (name === 'chromium') {
        // Stop the service worker (as Chrome does after ~30 s idle), then load again.
        const cold: number[] = [];
        for (let i = 0; i < 3; i++) {
          const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker');
          const worker = await target.worker();
          await worker?.close();
          await new Promise((r) => setTimeout(r, 500));
          cold.push(await readyMs(s, server.url('/seed.html')));
        }
        rows.push({ figure: `${name}: load → first highlight, seed (worker stopped)`, value: median(cold), unit: 'ms', baseline: warm, ratio: median(cold) / warm, note: 'baseline: warm' });
        const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker');
        const worker = await target.worker();
        await new Promise((r) => setTimeout(r, 1000));
        const heap = (await worker!.client.send('Runtime.getHeapUsage')) as { usedSize: number };
        rows.push({ figure: `${name}: background heap after loading`, value: heap.usedSize / 1e6, unit: 'MB' });
        const cost = await scriptCost(s, server.url('/english.html'));
        rows.push({ figure: `${name}: script time, page without Chinese`, value: cost.withExt, unit: 'ms', baseline: cost.bare, ratio: cost.withExt / Math.max(cost.bare, 0.001), note: 'baseline: no extension' });
      }
      rows.push({ figure: `${name}: hover settle → card painted (median)`, value: await hoverLatency(s, server.url('/seed.html')), unit: 'ms' });
      rows.push({ figure: `${name}: 60,000-char page, load → highlights`, value: await readyMs(s, server.url('/big60k.html')), unit: 'ms' });
      for (const [k, v] of Object.entries(await switchTimings(s, server.url('/seed.html'), server.url('/big50k.html')))) rows.push({ figure: `${name}: ${k}`, value: v, unit: 'ms' });
    } finally {
      await s.close();
    }
  }
  await server.close();
  return rows;
}
