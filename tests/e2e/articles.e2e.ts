// Articles as a reader sees them, in both browsers: the seed laid out as one pre-wrap text (as
// e-paper text views and PDF-to-HTML pages are) gives its 5 articles, as `dubao annotate` does on
// the .txt; article markers sit in the margin, never over page text; the sidebar's bullets
// stand at the first line of each key sentence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';

const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const seedTitles = splitArticles(textModelFromString(seed).text).articles.map((a) => a.title);

const server = useFixtureServer({
  '/seed-pre.html': () =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报 2024年3月2日 第01版</title>
<style>body { margin: 0 auto; max-width: 760px; padding: 24px 140px; font: 16px/1.7 serif; } .page { white-space: pre-wrap; }</style></head>
<body><div class="page">${esc(seed)}</div></body></html>`,
  '/narrow.html': () =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报</title>
<style>body { margin: 0; } main { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; padding: 0 8px; } h2 { margin: 0 0 4px; }</style></head>
<body><main>${[0, 1]
      .map(
        (i) =>
          `<div><h2>第${i + 1}篇：全市机构改革动员部署会议召开</h2><div class="content">${'<p>市委书记林红玉出席会议并讲话，强调要深入学习贯彻习近平总书记关于深化党和国家机构改革的重要论述，认真落实党中央关于地方机构改革的决策部署，以实际行动拥护“两个确立”、做到“两个维护”。</p>'.repeat(4)}</div></div>`,
      )
      .join('')}</main></body></html>`,
});

/**
 * Scroll through the page; at each stop, the badges placed so far that overlap a line of page
 * text. Badges are placed as their articles come into view: by the end, all are placed.
 */
async function badgesOverText(page: Page): Promise<string[]> {
  const hits = new Set<string>();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; ; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // Two frames: the observer reports, the badge is placed.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
    const found = await page.evaluate(() => {
      const badges = [...document.querySelector('dubao-layer')!.shadowRoot!.querySelectorAll<HTMLElement>('.marker')].filter((b) => b.style.left !== '-9999px');
      const boxes = badges.map((b) => ({ label: b.textContent ?? '', r: b.getBoundingClientRect() }));
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      while (walker.nextNode()) {
        const t = walker.currentNode as Text;
        if (!t.data.trim()) continue;
        range.selectNodeContents(t);
        for (const line of range.getClientRects()) {
          for (const { label, r } of boxes) {
            const overlap = Math.min(r.right, line.right) - Math.max(r.left, line.left) > 1 && Math.min(r.bottom, line.bottom) - Math.max(r.top, line.top) > 1;
            if (overlap) out.push(`${label} over “${t.data.trim().slice(0, 12)}”`);
          }
        }
      }
      return out;
    });
    found.forEach((f) => hits.add(f));
    if (y > height) break;
  }
  const unplaced = await page.evaluate(() => [...document.querySelector('dubao-layer')!.shadowRoot!.querySelectorAll<HTMLElement>('.marker')].filter((b) => b.style.left === '-9999px').length);
  expect(unplaced).toBe(0);
  return [...hits];
}

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('finds the 5 articles of the seed laid out as one pre-wrap text, as the command line does', async () => {
    const page = await open(s, server.url('/seed-pre.html'));
    const labels = await markerLabels(page, 30_000);
    expect(seedTitles).toHaveLength(5);
    expect(labels).toEqual(seedTitles.map((t, i) => `读报 ${i + 1}/5 · ${t}`));
    expect(await badgesOverText(page)).toEqual([]);
    await page.close();
  });

  it.each(['/seed.html', '/narrow.html'])('puts article markers in the margin, never over page text (%s)', async (path) => {
    const page = await open(s, server.url(path));
    await markerLabels(page, 30_000);
    expect(await badgesOverText(page)).toEqual([]);
    await page.close();
  });

  it('starts each key sentence bullet at its first line in the sidebar', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page, 30_000);
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.fab') as HTMLButtonElement).click());
    await page.waitForFunction(() => (document.querySelector('dubao-sidebar')?.shadowRoot?.querySelectorAll('ul.sentences .item').length ?? 0) > 0, { timeout: 30_000 });
    const rows = await page.evaluate(() => {
      const items = [...document.querySelector('dubao-sidebar')!.shadowRoot!.querySelectorAll<HTMLElement>('ul.sentences .item')];
      return items.map((b) => {
        const lines = b.getClientRects();
        const bullet = getComputedStyle(b, '::before');
        const range = document.createRange();
        range.selectNodeContents(b);
        const textLines = [...range.getClientRects()];
        return { content: bullet.content, top: parseFloat(bullet.top), boxTop: lines[0]?.top ?? 0, firstLineTop: textLines[0]?.top ?? 0, lineCount: new Set(textLines.map((r) => Math.round(r.top))).size, marker: getComputedStyle(b.parentElement!).listStyleType };
      });
    });
    // Some sentences wrap over several lines: those are the ones a last-line bullet got wrong.
    expect(rows.some((r) => r.lineCount > 1)).toBe(true);
    for (const r of rows) {
      expect(r.marker).toBe('none');
      expect(r.content).toBe('"•"');
      // The bullet is drawn at the top of the button, where its first line of text is.
      expect(Math.abs(r.boxTop + r.top - r.firstLineTop)).toBeLessThan(4);
    }
    await page.close();
  });
});
