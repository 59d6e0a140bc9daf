// Pinyin and conversion in both browsers: switched on and off from storage (as the popup does),
// the page follows without reload, and off leaves the DOM exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { highlightTexts, sendToPageTab, setStorage, waitForFigure, DEFAULT_SETTINGS } from './page-helpers';
import { MAX_SLICE_STEPS } from '../../lib/dom/schedule';
import { RUBY_PER_STEP, RUBY_RUN_TAG } from '../../lib/dom/ruby';

const DEFAULTS = DEFAULT_SETTINGS;

const server = useFixtureServer();

const bodyHtml = (page: Page) => page.evaluate(() => document.body.innerHTML);

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('puts ruby pinyin over the articles (济宁 jǐ níng) and takes it off exactly', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    const before = await bodyHtml(page);
    await setStorage(s, { settings: { ...DEFAULTS, pinyin: true } });
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length > 1000, { timeout: 20_000 });
    const jining = await page.evaluate(() => {
      const rubies = [...document.querySelectorAll('ruby[data-dubao]')];
      for (let i = 0; i + 1 < rubies.length; i++) {
        if (rubies[i].firstChild?.textContent === '济' && rubies[i + 1].firstChild?.textContent === '宁') return `${rubies[i].querySelector('rt')!.textContent} ${rubies[i + 1].querySelector('rt')!.textContent}`;
      }
      return null;
    });
    expect(jining).toBe('jǐ níng');
    // Ruby goes on in bounded steps, and the browser gets the main thread back between slices
    // (counts that depend on the page, not on the clock: the seed has ~3,000 rubies).
    const rubies = await page.evaluate(() => document.querySelectorAll('ruby[data-dubao]').length);
    const on = { steps: await waitForFigure(page, 'rubySteps'), yields: await waitForFigure(page, 'rubyYields') };
    expect(on.steps).toBeGreaterThanOrEqual(Math.floor(rubies / RUBY_PER_STEP));
    expect(on.yields).toBeGreaterThanOrEqual(Math.floor(on.steps / MAX_SLICE_STEPS));
    expect(on.yields).toBeGreaterThan(0);
    // Highlights keep working on the new text nodes.
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0);
    // (A range over ruby reads with its <rt> text: compare the base characters only.)
    expect((await highlightTexts(page, 'dubao-term')).map((t) => t.replace(/\([^)]*\)/g, ''))).toContain('两个确立');
    // Each text node's ruby sits in one wrapper, which comes off in one step.
    const runs = await page.evaluate((tag) => document.querySelectorAll(tag).length, RUBY_RUN_TAG);
    expect(runs).toBeGreaterThan(10);
    await setStorage(s, { settings: DEFAULTS });
    await page.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length === 0, { timeout: 20_000 });
    expect(await bodyHtml(page)).toBe(before);
    // … and comes off the same way.
    const off = { steps: await waitForFigure(page, 'rubyOffSteps'), yields: await waitForFigure(page, 'rubyOffYields') };
    expect(off.steps).toBeGreaterThanOrEqual(runs);
    expect(off.yields).toBeGreaterThan(0);
    await page.close();
  });

  it('converts the page to Taiwan traditional in place and restores it exactly, then follows added paragraphs', async () => {
    const page = await open(s, server.url('/dynamic.html'));
    await page.waitForFunction(() => document.querySelectorAll('p.added').length === 5);
    await markerLabels(page);
    const before = await bodyHtml(page);
    await setStorage(s, { sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await page.bringToFront();
    await page.waitForFunction(() => document.body.textContent!.includes('機構改革'), { timeout: 20_000 });
    expect(await page.$eval('h1', (h) => h.getAttribute('title'))).toBe('滾動新聞標題');
    expect(await page.$eval('img', (i) => i.getAttribute('alt'))).toBe('會議現場圖片');
    expect(await page.$eval('input', (i) => [(i as HTMLInputElement).value, i.getAttribute('placeholder')])).toEqual(['机构改革', '請輸入關鍵詞']);
    // Terms are still found on the converted text.
    await page.waitForFunction(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term') ?? [])].some((r) => r.toString() === '兩個確立'), { timeout: 20_000 });
    // A paragraph added now is converted too.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '新增段落：推进机构改革。';
      document.getElementById('news')!.append(p);
    });
    await page.waitForFunction(() => document.getElementById('late')?.textContent === '新增段落：推進機構改革。', { timeout: 30_000 });
    await page.evaluate(() => document.getElementById('late')!.remove());
    await setStorage(s, { sites: {} });
    await page.waitForFunction(() => document.body.textContent!.includes('机构改革'), { timeout: 20_000 });
    expect(await bodyHtml(page)).toBe(before);
    await page.close();
  });
});

describe.each(BROWSERS)('%s: selection', (name) => {
  const s = useBrowser(name);

  it('puts pinyin over a selection (the context menu’s message) on a page outside any article', async () => {
    const page = await open(s, server.url('/article.html'));
    await markerLabels(page);
    // The left sidebar's headline list is not article text; select one item.
    await page.evaluate(() => {
      const a = document.querySelector('.sidebar.left li a')!;
      const r = document.createRange();
      r.selectNodeContents(a);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await sendToPageTab(s, page, { type: 'pinyinSelection', data: {} });
    const rt = await page.evaluate(() => [...document.querySelectorAll('.sidebar.left ruby[data-dubao] rt')].map((r) => r.textContent));
    expect(rt.slice(0, 4)).toEqual(['quán', 'shì', 'jīng', 'jì']);
    await page.close();
  });
});
