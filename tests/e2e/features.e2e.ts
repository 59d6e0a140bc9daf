// Pinyin and conversion in both browsers: switched on and off from storage (as the popup does),
// the page follows without reload, and off leaves the DOM exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { highlightTexts, sendToPageTab, setStorage, waitForCard, waitForFigure, DEFAULT_SETTINGS } from './page-helpers';
import { RUBY_PER_STEP, RUBY_RUN_TAG } from '../../lib/dom/ruby';
import { RUBY_OFF_PER_FRAME, RUBY_PER_FRAME } from '../../lib/dom/lazy-ruby';

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
    // A small page gets ruby everywhere, near the viewport first: wait until all of it is in.
    await waitForFigure(page, 'rubyIdleMs', 30_000);
    expect(await page.evaluate(() => document.querySelectorAll('ruby[data-dubao]').length)).toBeGreaterThan(1000);
    const jining = await page.evaluate(() => {
      const rubies = [...document.querySelectorAll('ruby[data-dubao]')];
      for (let i = 0; i + 1 < rubies.length; i++) {
        if (rubies[i].firstChild?.textContent === '济' && rubies[i + 1].firstChild?.textContent === '宁') return `${rubies[i].querySelector('rt')!.textContent} ${rubies[i + 1].querySelector('rt')!.textContent}`;
      }
      return null;
    });
    expect(jining).toBe('jǐ níng');
    // Ruby goes on in bounded steps, at most a frame's share between two frames (the share follows
    // what frames cost, never past RUBY_PER_FRAME.max elements), so that the browser lays out a
    // bounded amount at a time (the seed has ~5,000 rubies).
    const rubies = await page.evaluate(() => document.querySelectorAll('ruby[data-dubao]').length);
    const on = { steps: await waitForFigure(page, 'rubySteps'), yields: await waitForFigure(page, 'rubyYields'), longest: await waitForFigure(page, 'rubyLongestSlice') };
    expect(on.steps).toBeGreaterThanOrEqual(Math.floor(rubies / RUBY_PER_STEP));
    expect(on.yields).toBeGreaterThanOrEqual(Math.ceil(rubies / RUBY_PER_FRAME.max));
    expect(on.yields).toBeGreaterThan(0);
    expect(on.longest).toBeLessThanOrEqual(RUBY_PER_FRAME.max / RUBY_PER_STEP + 1);
    // Highlights keep working on the new text nodes (the same ranges, moved onto ruby's pieces).
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 0);
    // (A range over ruby reads with its <rt> text: compare the base characters only.)
    expect((await highlightTexts(page, 'dubao-term')).map((t) => t.replace(/\([^)]*\)/g, ''))).toContain('两个确立');
    // … and so do hover cards: the pointer on 确 of 两个确立 opens its card.
    const at = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')!;
      const r = [...h].find((x) => x.toString().replace(/\([^)]*\)/g, '') === '两个确立')!;
      (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const third = document.createRange();
      let n = r.startContainer as Node;
      // The third base character: walk the range's text nodes outside <rt>/<rp>.
      const walker = document.createTreeWalker(r.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      walker.currentNode = n;
      let k = 0;
      do {
        n = walker.currentNode;
        if (!(n.parentElement?.closest('rt, rp')) && r.intersectsNode(n)) k++;
      } while (k < 3 && walker.nextNode());
      third.selectNodeContents(n);
      const rect = third.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: n.textContent };
    });
    expect(at.text).toBe('确');
    await page.mouse.move(at.x, at.y);
    expect(await waitForCard(page, 'Two Establishments')).toContain('两个确立');
    await page.mouse.move(1, 1);
    // Each text node's ruby sits in one wrapper, which comes off in one step.
    const runs = await page.evaluate((tag) => [...document.querySelectorAll(tag)].map((r) => r.querySelectorAll('ruby').length), RUBY_RUN_TAG);
    expect(runs.length).toBeGreaterThan(10);
    await setStorage(s, { settings: DEFAULTS });
    await page.waitForFunction(() => document.querySelectorAll('ruby[data-dubao]').length === 0, { timeout: 20_000 });
    expect(await bodyHtml(page)).toBe(before);
    // … and comes off the same way, a frame's share at a time.
    // (A frame's share: at most RUBY_OFF_PER_FRAME.max ruby elements, overshot by at most one wrapper's.)
    const off = { steps: await waitForFigure(page, 'rubyOffSteps'), yields: await waitForFigure(page, 'rubyOffYields') };
    expect(off.steps).toBeGreaterThanOrEqual(runs.length);
    expect(off.yields).toBeGreaterThanOrEqual(Math.ceil(rubies / (RUBY_OFF_PER_FRAME.max + Math.max(...runs))));
    // Terms are highlighted on the original text again.
    expect(await highlightTexts(page, 'dubao-term')).toContain('两个确立');
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
