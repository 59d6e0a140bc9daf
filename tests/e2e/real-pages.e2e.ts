// The article finder in both browsers on the 52 real news pages (served from 127.0.0.1 as saved;
// their requests to the internet fail), against the gold and against the finder in Node: the
// browser, the command line and the gold must give the same articles and headlines.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../lib/cli/parse-page';
import type { Page } from 'puppeteer-core';
import { findArticles } from '../../lib/dom/find-articles';
import { foldTitle } from '../../lib/articles/meta';
import { realPages } from '../fixtures/real-pages';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS } from './browsers';
import { waitForFigure } from './page-helpers';

const pages = realPages();
const fold = (ts: Array<string | null>) => ts.map((t) => foldTitle(t ?? ''));
const nodeTitles = new Map(pages.map((p) => [p.gold.page, fold(findArticles(parsePage(p.html)).map((a) => a.title))]));

const server = useFixtureServer();

/** Open a real page and read the headlines of the articles Dubao marked, once its session is ready. */
async function articlesOn(page: Page, url: string): Promise<string[]> {
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  // The layer is stamped when the page's session is ready, with or without articles.
  await waitForFigure(page, 'readyMs', 60_000);
  const titles = await page.evaluate(() => [...document.querySelector('dubao-layer')!.shadowRoot!.querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.title ?? ''));
  return fold(titles);
}

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('finds the articles and headlines of all 52 real pages, as the finder in Node does', async () => {
    const misses: string[] = [];
    // A few tabs at a time: most of a page's time is the browser parsing and failing requests.
    for (let i = 0; i < pages.length; i += 4) {
      await Promise.all(
        pages.slice(i, i + 4).map(async (p) => {
          const page = await s.browser.newPage();
          try {
            const got = await articlesOn(page, server.url(`/real/${p.gold.page}`));
            const gold = fold(p.gold.articles.map((a) => a.headline));
            if (JSON.stringify(got) !== JSON.stringify(gold)) misses.push(`${p.gold.page}: ${JSON.stringify(got)} ≠ gold ${JSON.stringify(gold)}`);
            if (JSON.stringify(got) !== JSON.stringify(nodeTitles.get(p.gold.page))) misses.push(`${p.gold.page}: differs from Node`);
          } catch (e) {
            misses.push(`${p.gold.page}: ${(e as Error).message.split('\n')[0]}`);
          } finally {
            await page.close().catch(() => undefined);
          }
        }),
      );
    }
    expect(misses).toEqual([]);
  }, 900_000);
});
