// Pages that add articles after load (a single-page feed, infinite scroll), in both browsers:
// every appended article gets its term highlights; with pinyin and conversion on, it is converted
// and gets ruby too; inputs and text areas are never touched; switching off restores it.
// (How fast is the bench's business: bench/page-work.ts.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { DEFAULT_SETTINGS, setStorage } from './page-helpers';

const server = useFixtureServer();

/** Term highlights inside each appended article (#item-1 …), as strings over base text. */
function termsPerArticle(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('article.item')].filter((a) => a.id !== 'item-0');
    const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term') ?? [])];
    // A range over ruby reads with its <rt> text: keep the base characters only.
    // (no named functions in the page: the test's compiler would wrap them in a helper the page lacks)
    return items.map((a) =>
      ranges
        .filter((r) => a.contains(r.startContainer))
        .map((r) => {
          const f = r.cloneContents();
          f.querySelectorAll('rt, rp').forEach((n) => n.remove());
          return f.textContent ?? '';
        }),
    );
  });
}

const allHighlighted = (n: number) =>
  [...document.querySelectorAll<HTMLElement>('article.item')].filter((a) => a.id !== 'item-0' && a.dataset.highlightedAt).length >= n;

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name, { fresh: true });

  it('highlights the terms of each of 20 articles a feed appends over 10 s, and leaves its form alone', async () => {
    const page = await open(s, server.url('/spa-feed.html'));
    await markerLabels(page);
    const form = await page.$eval('form', (f) => f.outerHTML);
    await page.evaluate(() => (window as unknown as { startFeed(n: number, ms: number): void }).startFeed(20, 500));
    await page.waitForFunction(allHighlighted, { timeout: 60_000, polling: 200 }, 20);
    const terms = await termsPerArticle(page);
    expect(terms).toHaveLength(20);
    // Every article, each with the terms of its own text (two of them in every one).
    for (const t of terms) expect(t).toEqual(expect.arrayContaining(['三定', '两个确立']));
    expect(await page.$eval('form', (f) => f.outerHTML)).toBe(form);
    await page.close();
  });

  it('converts appended articles and puts pinyin over them when those are on; off restores them', async () => {
    const page = await open(s, server.url('/spa-feed.html'));
    await markerLabels(page);
    await setStorage(s, { settings: { ...DEFAULT_SETTINGS, pinyin: true }, sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelectorAll('#item-0 ruby[data-dubao]').length > 50, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { startFeed(n: number, ms: number): void }).startFeed(3, 300));
    await page.waitForFunction(allHighlighted, { timeout: 60_000, polling: 200 }, 3);
    const items = await page.$$eval('article.item:not(#item-0)', (els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
        return { text: copy.textContent ?? '', rubies: el.querySelectorAll('ruby[data-dubao]').length };
      }),
    );
    expect(items).toHaveLength(3);
    for (const it of items) {
      expect(it.text).toContain('兩個確立');
      expect(it.rubies).toBeGreaterThan(50);
    }
    for (const t of await termsPerArticle(page)) expect(t).toContain('兩個確立');
    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
    await page.bringToFront();
    await page.waitForFunction(() => !document.querySelector('ruby[data-dubao]') && !document.body.textContent!.includes('兩個確立'), { timeout: 30_000 });
    expect(await page.$eval('#item-1 p:last-child', (p) => p.textContent)).toBe('会议要求，各级干部要深刻领悟“两个确立”的决定性意义，增强“四个意识”，以实干推动各项工作落地见效。');
    await page.close();
  });
});
