// The PDF viewer page (entrypoints/pdf) in both browsers, on PDFs the test Chromium printed from
// the seed (tests/support/pdf-fixtures.ts), served from 127.0.0.1: the five articles and their
// headlines, a term card over the printed page's text layer, pinyin, traditional characters and
// the sidebar in the reading view, pages of a 4-page PDF, and what bad inputs say.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CID_FONT_LINES, pdfFixtures, SEED_HEADLINES, type PdfFixtures } from '../support/pdf-fixtures';
import { BROWSERS, markerLabels, openExtensionPage, type Session } from './browsers';
import { cardText, highlightTexts, waitForCard } from './page-helpers';
import { useBrowser, useFixtureServer } from './suite';
import type { Route } from './server';

const pdf = (pick: (f: PdfFixtures) => string, cors = true): Route => async () => ({ body: readFileSync(pick(await pdfFixtures())), type: 'application/pdf', cors });
const server = useFixtureServer({
  '/pdf/two.pdf': pdf((f) => f.twoColumn),
  '/pdf/three.pdf': pdf((f) => f.threeColumn),
  '/pdf/four.pdf': pdf((f) => f.fourPage),
  '/pdf/scan.pdf': pdf((f) => f.scanned),
  '/pdf/damaged.pdf': pdf((f) => f.damaged),
  '/pdf/encrypted.pdf': pdf((f) => f.encrypted),
  '/pdf/not.pdf': pdf((f) => f.notPdf),
  '/pdf/cid.pdf': pdf((f) => f.cidFont),
  // No CORS header: only host access to the site lets the viewer read it.
  '/pdf/closed.pdf': pdf((f) => f.twoColumn, false),
});
// Chromium prints the fixtures once (cached in a temp folder): not inside a test's time.
beforeAll(() => pdfFixtures().then(() => undefined), 120_000);

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
/** The text layer holds pdf.js's raw text: Chromium's PDFs name radicals (⽴) for some characters (立). */
const nfkc = (s: string) => s.normalize('NFKC');

function openViewer(s: Session, path: string): Promise<Page> {
  return openExtensionPage(s, `pdf.html?url=${encodeURIComponent(server.url(path))}`, '#pdf-status', { width: 1280, height: 860 });
}

/** Wait until the status line reads `text` (the viewer's own figures: articles, terms). */
async function waitForStatus(page: Page, text: string, timeout = 45_000): Promise<string> {
  await page
    .waitForFunction((t) => (document.querySelector('#pdf-status')?.textContent ?? '').includes(t), { timeout }, text)
    .catch(async (e) => {
      throw new Error(`status is '${await page.evaluate(() => document.querySelector('#pdf-status')?.textContent)}', not '${text}' (${(e as Error).message})`);
    });
  return page.evaluate(() => document.querySelector('#pdf-status')!.textContent!);
}

/** Centre of the first character of `text` inside one span of the PDF's text layer. */
async function textLayerPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((needle) => {
    for (const span of document.querySelectorAll('.textLayer span')) {
      const node = span.firstChild;
      if (!node || node.nodeType !== 3) continue;
      const at = (node as Text).data.indexOf(needle);
      if (at < 0) continue;
      span.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + 1);
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!p) throw new Error(`'${text}' is in no span of the text layer`);
  return p;
}

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name, { fresh: true });

  it.each([
    ['two', '/pdf/two.pdf'],
    ['three', '/pdf/three.pdf'],
  ])('reads the seed printed in %s columns: five articles, their headlines, terms on the page', async (_, path) => {
    const page = await openViewer(s, path);
    const status = await waitForStatus(page, '5 articles found');
    expect(Number(/(\d+) term occurrences/.exec(status)?.[1])).toBeGreaterThan(20);
    const titles = await page.$$eval('#pdf-reading .pdf-article h2', (hs) => hs.map((h) => h.textContent));
    expect(titles.map(squash)).toEqual(SEED_HEADLINES.map(squash));
    // The page controller marked the same five articles in the reading view.
    const markers = await markerLabels(page);
    expect(markers).toHaveLength(5);
    // Terms are highlighted on the printed page (its text layer), 两个确立 among them.
    const onPage = await highlightTexts(page, 'dubao-pdf-term');
    expect(onPage.map(nfkc)).toContain('两个确立');
    await page.close();
  });

  it("opens 两个确立's card over the printed page, then pinyin, traditional characters and the sidebar in the reading view", async () => {
    const page = await openViewer(s, '/pdf/two.pdf');
    await waitForStatus(page, '5 articles found');
    // The printed line breaks after 两个确 (立 starts the next line: another span).
    const p = await textLayerPoint(page, '两个确');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, 'Two Establishments').catch(async () => {
      throw new Error(`no term card over the text layer; card is ${await cardText(page)}`);
    });
    expect(card).toContain('liǎng gè què lì');
    await page.keyboard.press('Escape');
    // N steps to the page's first term and opens its card (keyboard access).
    await page.mouse.move(0, 0);
    await page.keyboard.press('n');
    await page.waitForFunction(() => !!document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card'), { timeout: 20_000 });
    await page.keyboard.press('Escape');

    // Pinyin over the reading view's articles (济宁 jǐ níng), none over the printed page.
    await page.click('#pdf-pinyin');
    await page.waitForFunction(() => document.querySelectorAll('#pdf-reading ruby[data-dubao]').length > 500, { timeout: 30_000 });
    const readings = await page.evaluate(() => [...document.querySelectorAll('#pdf-reading ruby[data-dubao]')].slice(0, 4000).map((r) => r.textContent ?? '').join(' '));
    expect(readings).toMatch(/济\W*jǐ\W*宁\W*níng/);
    expect(await page.evaluate(() => document.querySelectorAll('.textLayer ruby').length)).toBe(0);
    if (name === 'chromium') {
      // The README's screenshot: the printed page with 两个确立's card, the reading view with pinyin.
      const q = await textLayerPoint(page, '两个确');
      await page.mouse.move(q.x, q.y);
      await waitForCard(page, 'Two Establishments');
      await page.screenshot({ path: 'docs/screenshot-pdf.png' });
      await page.keyboard.press('Escape');
    }

    // Traditional characters, word by word, in the reading view only.
    await page.select('#pdf-script', 't');
    await page.waitForFunction(() => /機構|發展/.test(document.querySelector('#pdf-reading')?.textContent ?? ''), { timeout: 30_000 });
    expect(await page.evaluate(() => /機構|發展/.test([...document.querySelectorAll('.textLayer span')].map((s) => s.textContent).join('')))).toBe(false);

    // The summary sidebar: the five articles.
    await page.click('#pdf-sidebar');
    await page.waitForFunction(() => (document.querySelector('dubao-sidebar')?.shadowRoot?.querySelectorAll('li.article').length ?? 0) === 5, { timeout: 30_000 });
    await page.close();
  });

  it('steps through the pages of a 4-page PDF (arrow keys), each read on its own', async () => {
    const page = await openViewer(s, '/pdf/four.pdf');
    await waitForStatus(page, '5 articles found');
    expect(await page.$eval('#pdf-page', (e) => e.textContent)).toBe('Page 1 of 4');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#pdf-page')?.textContent === 'Page 2 of 4');
    // The status still tells page 1's figures until page 2 is read: wait for page 2's own.
    await page.waitForFunction(() => (document.querySelector('#pdf-page-host') as HTMLElement | null)?.dataset.shownPage === '2', { timeout: 45_000 });
    await waitForStatus(page, 'term occurrences highlighted');
    expect(await page.$eval('#pdf-page-host', (e) => Number((e as HTMLElement).dataset.terms))).toBeGreaterThan(0);
    await page.close();
  });

  it('reads a PDF whose Chinese font is not embedded (the cMaps are packaged with the viewer)', async () => {
    const page = await openViewer(s, '/pdf/cid.pdf');
    await waitForStatus(page, '1 article found');
    expect(squash(await page.$eval('#pdf-reading .pdf-article h2', (h) => h.textContent))).toBe(CID_FONT_LINES[0][1]);
    expect(await page.$eval('#pdf-reading', (e) => e.textContent)).toContain('坚定不移推进高质量发展');
    expect((await highlightTexts(page, 'dubao-pdf-term')).map(nfkc)).toContain('两个确立');
    await page.close();
  });

  it.each([
    ['/pdf/not.pdf', 'This file is not a PDF.'],
    ['/pdf/damaged.pdf', 'This PDF is damaged: Dubao cannot read it.'],
    ['/pdf/encrypted.pdf', 'This PDF is encrypted (it needs a password): Dubao cannot read it.'],
  ])('%s: says what is wrong', async (path, message) => {
    const page = await openViewer(s, path);
    await page.waitForSelector('#pdf-error', { timeout: 30_000 });
    expect(await page.$eval('#pdf-error', (e) => e.textContent)).toBe(message);
    await page.close();
  });

  it('a scanned page: the page is shown, and the reader told it has no text', async () => {
    const page = await openViewer(s, '/pdf/scan.pdf');
    await page.waitForSelector('#pdf-scan', { timeout: 30_000 });
    expect(await page.$eval('#pdf-scan', (e) => e.textContent)).toBe('This page is an image; it has no text to read.');
    expect(await page.$eval('#pdf-page-host canvas', (c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
    await page.close();
  });

  it('a PDF from a site without CORS: read with host access, or a button asks for access to that site', async () => {
    // Both browsers count the content script's sites as host access, which lets the viewer fetch;
    // where the reader took that access back, the viewer asks for it (optional host permissions).
    const page = await openViewer(s, '/pdf/closed.pdf');
    const host = new URL(server.url('/')).host;
    const shown = await page.waitForFunction(
      () => (document.querySelector('#pdf-allow') ? 'allow' : /\d+ articles found/.test(document.querySelector('#pdf-status')?.textContent ?? '') ? 'open' : null),
      { timeout: 45_000 },
    );
    if ((await shown.jsonValue()) === 'allow') expect(await page.$eval('#pdf-allow', (e) => e.textContent)).toBe(`Allow Dubao to read PDFs from ${host}`);
    else expect(await page.$eval('#pdf-status', (e) => e.textContent)).toMatch(/^5 articles found/);
    await page.close();
  });

  it("the popup on a tab showing a PDF offers 'Open in Dubao', which opens it in the viewer", async () => {
    const url = server.url('/pdf/closed.pdf');
    const tab = await s.browser.newPage();
    await tab.goto(url).catch(() => undefined); // the browser's own PDF viewer
    // The tab's id: Firefox tells its address (the site's host access); in Chromium the content
    // script, which runs in Chromium's PDF viewer, says the page is a PDF.
    const probe = await openExtensionPage(s, 'popup.html?tab=-1', 'main');
    const id = await probe.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ?? (globalThis as unknown as { chrome: unknown }).chrome;
      const tabs = api as { query(q: object): Promise<Array<{ id: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<{ value?: { pdf?: string } }> };
      const t = (api as { tabs: typeof tabs }).tabs;
      for (const x of await t.query({})) {
        if (x.url === u) return x.id;
        const status = await t.sendMessage(x.id, { type: 'status', data: {} }).catch(() => null);
        if (status?.value?.pdf === u) return x.id;
      }
      return null;
    }, url);
    await probe.close();
    expect(id).not.toBeNull();
    const popup = await openExtensionPage(s, `popup.html?tab=${id}`, '#open-pdf');
    expect(await popup.$eval('#open-pdf', (b) => b.textContent)).toBe('Open in Dubao');
    await popup.click('#open-pdf');
    // The viewer's new tab, as the extension sees it (puppeteer's Firefox does not list a tab an
    // extension opened), then as a page where the browser lets puppeteer reach it.
    const viewerUrl = `${s.extensionOrigin}/pdf.html?url=${encodeURIComponent(url)}`;
    const check = await openExtensionPage(s, 'popup.html?tab=-1', 'main');
    const seen = await check.waitForFunction(
      async (v) => {
        const api = ((globalThis as unknown as { browser?: unknown }).browser ?? (globalThis as unknown as { chrome: unknown }).chrome) as { tabs: { query(q: object): Promise<Array<{ url?: string }>> } };
        return (await api.tabs.query({})).some((x) => x.url === v);
      },
      { timeout: 20_000, polling: 200 },
      viewerUrl,
    );
    expect(await seen.jsonValue()).toBe(true);
    await check.close();
    const viewer = (await s.browser.pages()).find((p) => p.url() === viewerUrl);
    if (name === 'chromium') expect(viewer).toBeDefined();
    if (!viewer) return void (await tab.close());
    await viewer.waitForSelector('#pdf-status', { timeout: 20_000 });
    await waitForStatus(viewer, '5 articles found');
    await viewer.close();
    await tab.close();
  });

  it('opens a PDF picked from the computer (file picker)', async () => {
    const page = await openExtensionPage(s, 'pdf.html', '#pdf-empty');
    const input = await page.$('#pdf-file');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile((await pdfFixtures()).threeColumn);
    await waitForStatus(page, '5 articles found');
    await page.close();
  });
});
