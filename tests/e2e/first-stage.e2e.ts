// The content script's two stages (issue #18), in both browsers: a page without Chinese gets only
// the first stage; a page whose Chinese arrives after load gets the second stage and its
// highlights; a Chinese site switched off gets nothing until it is switched on; the popup answers
// everywhere. (Times are the bench's business: bench/browser.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, open, openExtensionPage } from './browsers';
import { contentStages, findTabId, highlightTexts, setStorage } from './page-helpers';
import { textModelFromString } from '../../lib/text/model';

// Paragraphs of the seed's first article (read from ../shared), added by the page's own script
// 1.5 s after load, as a single-page site renders its text (as text, never as HTML).
const SEED = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;
const PARAGRAPHS = SEED.split(/\n+/).map((l) => l.trim()).filter((l) => l.length > 40).slice(0, 8);
const laterPage = () => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Loading</title></head>
<body><div id="app">Loading…</div><script>
setTimeout(() => {
  const article = document.createElement('article');
  const h = document.createElement('h1');
  h.textContent = '全市机构改革动员部署会议召开';
  article.append(h);
  for (const t of ${JSON.stringify(PARAGRAPHS)}) {
    const p = document.createElement('p');
    p.textContent = t;
    article.append(p);
  }
  document.getElementById('app').replaceChildren(article);
}, 1500);
</script></body></html>`;

const server = useFixtureServer({ '/later.html': laterPage });
const termsOf = (page: import('puppeteer-core').Page) =>
  page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0, { timeout: 30_000, polling: 100 });

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name, { fresh: true });

  it('loads only the first stage on a page without Chinese, and changes nothing', async () => {
    const page = await open(s, server.url('/english.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const first = await contentStages(s, page);
    expect(first).toMatchObject({ chinese: false, second: false });
    // Still so after the time a re-check would take.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await contentStages(s, page)).toMatchObject({ chinese: false, second: false });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('loads the second stage on a Chinese page', async () => {
    const page = await open(s, server.url('/seed.html'));
    await termsOf(page);
    expect(await contentStages(s, page)).toMatchObject({ chinese: true, second: true });
    await page.close();
  });

  it('highlights a page whose Chinese text arrives after load', async () => {
    const page = await open(s, server.url('/later.html'));
    const first = await contentStages(s, page);
    expect(first.second).toBe(false);
    await termsOf(page);
    expect(await contentStages(s, page)).toMatchObject({ chinese: true, second: true });
    expect((await highlightTexts(page, 'dubao-term')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('leaves a Chinese site that is switched off alone until it is switched on', async () => {
    await setStorage(s, { sites: { '127.0.0.1': { mode: 'never' } } });
    const page = await open(s, server.url('/seed.html'));
    const first = await contentStages(s, page);
    expect(first.chinese).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await contentStages(s, page)).second).toBe(false);
    await setStorage(s, { sites: {} });
    await page.bringToFront();
    await termsOf(page);
    expect((await contentStages(s, page)).second).toBe(true);
    await page.close();
  });

  it('the popup answers on a page without Chinese', async () => {
    const page = await open(s, server.url('/english.html'));
    await contentStages(s, page);
    const tabId = await findTabId(s, page);
    const popup = await openExtensionPage(s, `popup.html?tab=${tabId}`, '#found');
    expect(await popup.$eval('#found', (e) => e.textContent)).toBe('This page is not in Chinese.');
    // It loaded the second stage to ask (on request only); the page is still unchanged.
    expect(await contentStages(s, page)).toMatchObject({ chinese: false, second: true });
    expect(await page.evaluate(() => document.querySelector('dubao-layer'))).toBeNull();
    await popup.close();
    await page.close();
  });
});
