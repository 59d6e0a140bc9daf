/**
 * PDF e-papers (#16): the viewer opening a 4-page PDF to a highlighted first page, against pdf.js
 * alone rendering that first page (canvas and text layer, the same pdf.js build and scale) in a
 * plain page served from 127.0.0.1. Interleaved runs in one browser, medians.
 *
 * - time: navigation start → first page drawn with its terms highlighted (the viewer's
 *   data-ready-ms) / → page and text layer drawn (the baseline's), both from performance.now();
 * - memory: JS heap of the page and its workers (pdf.js's worker) after a garbage collection,
 *   once the first page is up. The canvas's pixels are outside the JS heap and the same on both
 *   sides; the background's engine (jieba, glossary; shared by every tab) is reported apart.
 * The background is warm (a first viewer page opened before the runs): a cold start is the
 * engine's, measured in the browser part.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { pdfFixtures } from '../tests/support/pdf-fixtures';
import { launch, openExtensionPage, type BrowserName } from '../tests/e2e/browsers';
import { serveFixtures, type Route } from '../tests/e2e/server';
import type { BenchOptions, Row } from './node';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js alone: open the PDF, draw page 1 (canvas + text layer) at ?scale, stamp the time. */
const BASELINE = `<!doctype html><html><head><meta charset="utf-8"><title>pdf.js alone</title>
<link rel="stylesheet" href="/pdfjs/pdf_viewer.css"></head><body>
<div id="page" class="page" style="position:relative;--scale-round-x:1px;--scale-round-y:1px"></div>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const scale = Number(new URLSearchParams(location.search).get('scale')) || 1;
const data = new Uint8Array(await (await fetch('/pdf/four.pdf')).arrayBuffer());
const pdf = await pdfjs.getDocument({ data, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false }).promise;
const page = await pdf.getPage(1);
const viewport = page.getViewport({ scale });
const host = document.getElementById('page');
host.style.setProperty('--total-scale-factor', String(scale));
host.style.width = viewport.width + 'px';
host.style.height = viewport.height + 'px';
const ratio = devicePixelRatio;
const canvas = document.createElement('canvas');
canvas.width = Math.floor(viewport.width * ratio);
canvas.height = Math.floor(viewport.height * ratio);
canvas.style.width = viewport.width + 'px';
const layer = document.createElement('div');
layer.className = 'textLayer';
host.append(canvas, layer);
const content = await page.getTextContent();
const task = page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
await Promise.all([task.promise, new pdfjs.TextLayer({ textContentSource: content, container: layer, viewport }).render()]);
host.dataset.readyMs = String(Math.round(performance.now()));
</script></body></html>`;

function pdfjsRoutes(): Record<string, Route> {
  const file = (path: string, type: string): Route => () => ({ body: readFileSync(path), type });
  const routes: Record<string, Route> = {
    '/pdfjs/pdf.min.mjs': file(join(PDFJS, 'build/pdf.min.mjs'), 'text/javascript'),
    '/pdfjs/pdf.worker.min.mjs': file(join(PDFJS, 'build/pdf.worker.min.mjs'), 'text/javascript'),
    '/pdfjs/pdf_viewer.css': file(join(PDFJS, 'web/pdf_viewer.css'), 'text/css'),
    '/baseline.html': () => BASELINE,
  };
  for (const dir of ['cmaps', 'standard_fonts'])
    for (const f of readdirSync(join(PDFJS, dir))) routes[`/pdfjs/${dir}/${f}`] = file(join(PDFJS, dir, f), 'application/octet-stream');
  return routes;
}

/** JS heap (MB) of the page and its workers, after a collection. */
async function heapMb(page: Page): Promise<number> {
  const clients = [page.target().createCDPSession(), ...page.workers().map((w) => Promise.resolve(w.client))];
  let used = 0;
  for (const c of await Promise.all(clients)) {
    await c.send('HeapProfiler.collectGarbage').catch(() => undefined);
    used += ((await c.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  }
  return used / 1e6;
}

async function waitReady(page: Page, selector: string): Promise<number> {
  const h = await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement | null)?.dataset.readyMs, { timeout: 60_000 }, selector);
  return Number(await h.jsonValue());
}

export async function runPdfBench(name: BrowserName, { quick = false }: BenchOptions = {}): Promise<Row[]> {
  const fixtures = await pdfFixtures();
  const server = await serveFixtures({ ...pdfjsRoutes(), '/pdf/four.pdf': () => ({ body: readFileSync(fixtures.fourPage), type: 'application/pdf', cors: true }) });
  const s = await launch(name);
  const viewerUrl = `pdf.html?url=${encodeURIComponent(server.url('/pdf/four.pdf'))}`;
  try {
    // Warm the background (engine loaded) and learn the scale the viewer draws at.
    const warm = await openExtensionPage(s, viewerUrl, '#pdf-page-host');
    await waitReady(warm, '#pdf-page-host');
    const scale = await warm.$eval('#pdf-page-host', (e) => (e as HTMLElement).style.getPropertyValue('--total-scale-factor'));
    const terms = await warm.$eval('#pdf-page-host', (e) => Number((e as HTMLElement).dataset.terms));
    await warm.close();
    const ours: number[] = [];
    const base: number[] = [];
    const oursMem: number[] = [];
    const baseMem: number[] = [];
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      const a = await openExtensionPage(s, viewerUrl, '#pdf-page-host');
      ours.push(await waitReady(a, '#pdf-page-host'));
      if (name === 'chromium') oursMem.push(await heapMb(a));
      await a.close();
      const b = await s.browser.newPage();
      await b.goto(server.url(`/baseline.html?scale=${scale}`), { waitUntil: 'load' });
      base.push(await waitReady(b, '#page'));
      if (name === 'chromium') baseMem.push(await heapMb(b));
      await b.close();
    }
    const rows: Row[] = [
      { figure: `${name}: 4-page PDF → highlighted first page`, value: median(ours), unit: 'ms', baseline: median(base), ratio: median(ours) / median(base), note: `baseline: pdf.js alone draws page 1 (scale ${Number(scale).toFixed(2)}); ${terms} terms` },
    ];
    if (oursMem.length)
      rows.push({ figure: `${name}: 4-page PDF, JS heap (page + workers)`, value: median(oursMem), unit: 'MB', baseline: median(baseMem), ratio: median(oursMem) / median(baseMem), note: 'baseline: pdf.js alone; the background engine is shared and not counted' });
    return rows;
  } finally {
    await s.close();
    await server.close();
  }
}
