// The summary sidebar and the options page in both browsers.
import { describe, expect, it } from 'vitest';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open, openExtensionPage } from './browsers';
import { DEFAULT_SETTINGS, highlightTexts, pointOf, setStorage, waitForCard } from './page-helpers';

const server = useFixtureServer();

describe.each(BROWSERS)('%s', (name) => {
  // Each test starts from the default settings, whatever the one before left behind.
  const s = useBrowser(name, { fresh: true });

  it('opens the sidebar from its button: five articles with key sentences, people and figures; an item scrolls the page', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.fab') as HTMLButtonElement).click());
    // Articles are put in a few per frame; the list is complete when it is no longer aria-busy.
    await page.waitForFunction(() => {
      const root = document.querySelector('dubao-sidebar')?.shadowRoot;
      return !!root?.querySelector('li.article') && !root.querySelector('[aria-busy]');
    }, { timeout: 20_000 });
    const info = await page.evaluate(() => {
      const root = document.querySelector('dubao-sidebar')!.shadowRoot!;
      return {
        titles: [...root.querySelectorAll('li.article > .title')].map((b) => b.textContent),
        text: root.textContent ?? '',
        sentences: root.querySelectorAll('ul.sentences li').length,
        margin: getComputedStyle(document.documentElement).marginRight,
      };
    });
    expect(info.titles).toEqual(['全市机构改革动员部署会议召开', '厚植民生福祉 擦亮为民底色', '推动民生保障取得更大成效', '新春开工忙 奋进正当时', '省内首家县域算力中心落户嘉祥']);
    expect(info.sentences).toBeGreaterThanOrEqual(10);
    expect(info.text).toContain('林红玉');
    expect(info.text).toContain('市委书记');
    expect(info.text).toContain('2.49万人次');
    expect(info.margin).toBe('360px'); // the page makes room: the panel does not cover the text
    if (name === 'chromium') {
      // The README's screenshot: the seed page with the sidebar open and a term card.
      const p = await pointOf(page, '两个确立');
      await page.mouse.move(p.x, p.y);
      await waitForCard(page, 'Two Establishments');
      await page.screenshot({ path: 'docs/screenshot-seed.png' });
      await page.keyboard.press('Escape');
    }
    // Choose a figure of the fourth article: the page scrolls to it and flashes it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      const root = document.querySelector('dubao-sidebar')!.shadowRoot!;
      const chip = [...root.querySelectorAll('li.article')][4].querySelector('.chip') as HTMLButtonElement;
      chip.click();
    });
    await page.waitForFunction(() => window.scrollY > 200, { timeout: 30_000 });
    expect((await highlightTexts(page, 'dubao-active')).length).toBe(1);
    // Remembered for the site: a new page of the site opens with the sidebar.
    const again = await open(s, server.url('/seed.html'));
    await again.waitForFunction(() => (document.querySelector('dubao-sidebar')?.shadowRoot?.querySelectorAll('li.article').length ?? 0) === 5, { timeout: 20_000 });
    await again.keyboard.press('Escape');
    await again.waitForFunction(() => !document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.sidebar'));
    expect(await again.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    await again.close();
    await page.close();
  });

  it('applies a setting changed in the options page without reload (highlight style)', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    expect((await highlightTexts(page, 'dubao-term')).length).toBeGreaterThan(50);
    const options = await openExtensionPage(s, 'options.html#settings', '#highlight-style');
    await options.select('#highlight-style', 'background');
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term-bg')?.size ?? 0) > 50, { timeout: 30_000, polling: 100 }); // (rAF polling stops in a background tab)
    expect(await highlightTexts(page, 'dubao-term')).toEqual([]);
    await options.select('#highlight-style', 'underline');
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 50, { timeout: 30_000, polling: 100 });
    await options.close();
    await page.close();
  });

  it('the open sidebar follows a change of the interface language setting', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.fab') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('dubao-sidebar')?.shadowRoot?.querySelector('li.article'), { timeout: 20_000 });
    const labelIs = (text: string) =>
      page.waitForFunction((t) => document.querySelector('dubao-sidebar')?.shadowRoot?.querySelector('aside')?.getAttribute('aria-label') === t, { timeout: 20_000, polling: 100 }, text);
    // Stored as the options page stores it (that page reloads itself in the new language).
    await setStorage(s, { settings: { ...DEFAULT_SETTINGS, uiLanguage: 'zh' } });
    await labelIs('本页摘要');
    expect(await page.evaluate(() => [...document.querySelector('dubao-sidebar')!.shadowRoot!.querySelectorAll('li.article .group > .label')].map((l) => l.textContent))).toContain('人物');
    await setStorage(s, { settings: { ...DEFAULT_SETTINGS, uiLanguage: 'en' } });
    await labelIs('On this page');
    await page.close();
  });

  it('searches the glossary in the options page by toneless pinyin and opens an entry', async () => {
    const options = await openExtensionPage(s, 'options.html', '#glossary-search');
    await options.waitForFunction(() => /\d+/.test(document.querySelector('#result-count')?.textContent ?? ''));
    await options.type('#glossary-search', 'liangge queli');
    await options.waitForFunction(() => document.querySelector('ul.results a')?.textContent?.startsWith('两个确立'));
    await options.click('ul.results a');
    await options.waitForFunction(() => document.querySelector('#entry h2')?.textContent === '两个确立');
    const text = await options.$eval('#entry', (e) => e.textContent ?? '');
    expect(text).toContain('Two Establishments');
    expect(text).toContain('兩個確立');
    await options.close();
  });

  it('labels a year first attested in the reports apart from an origin year in the full entry', async () => {
    const entryDt = async (id: string, term: string) => {
      const page = await openExtensionPage(s, `options.html#term=${id}`, '#entry h2');
      await page.waitForFunction((t) => document.querySelector('#entry h2')?.textContent === t, {}, term);
      const row = await page.$$eval('#entry dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
      await page.close();
      return row.find(([, dd]) => /^\d{4}$/.test(dd ?? '')) ?? [];
    };
    // 党委: since_basis attested (first in the 1959 work report); 两个确立: origin (2021 resolution).
    expect(await entryDt('dang-wei', '党委')).toEqual([expect.stringMatching(/^(In the reports since|最早见于报告)$/), '1959']);
    expect(await entryDt('liang-ge-que-li', '两个确立')).toEqual([expect.stringMatching(/^(Since|始用年份)$/), '2021']);
  });
});
