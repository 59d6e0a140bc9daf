// Hostile pages in both browsers: a 1,000,000-character page is worked through in bounded
// slices, a page that floods paragraphs, markup-like page text, iframes, a Japanese page, a
// traditional page, every toggle switched 50 times, and no network request from the extension.
// Tests check behaviour and counts, never the clock: timeouts here only catch hangs, and the
// time figures (longest stall on the million-character page, …) are `npm run bench`'s.
import { describe, expect, it } from 'vitest';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { cardText, contentStatus, figures, highlightTexts, pointOf, setStorage, waitForCard, DEFAULT_SETTINGS } from './page-helpers';
import { MAX_SLICE_STEPS } from '../../lib/dom/schedule';

const DEFAULTS = DEFAULT_SETTINGS;

/** A 1,000,000-character article made of news sentences. */
function millionPage(): string {
  const para = '全市上下深入学习贯彻党的二十大精神，坚定不移推进高质量发展，扎实推进机构改革，以实际行动拥护“两个确立”、做到“两个维护”。各级各部门要明确职责分工，细化责任落实，确保各项改革任务落到实处。';
  const ps: string[] = [];
  let n = 0;
  while (n < 1_000_000) {
    ps.push(`<p>${para}</p>`);
    n += para.length;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>百万字</title></head><body><article>${ps.join('\n')}</article></body></html>`;
}

const server = useFixtureServer({ '/million.html': millionPage });

describe.each(BROWSERS)('%s', (name) => {
  // Each test starts from the default settings, whatever the one before left behind.
  const s = useBrowser(name, { fresh: true });

  it('works through a 1,000,000-character page in bounded slices, yielding between them', async () => {
    const page = await open(s, server.url('/million.html'));
    await markerLabels(page, 60_000);
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')?.size ?? 0) > 100, { timeout: 60_000, polling: 200 });
    // Counts the content script stamps on its layer with the ready time (schedule.ts): they
    // depend on the page, not on the machine's speed.
    const f = await figures(page);
    const got = { steps: f.sliceSteps, yields: f.sliceYields, longest: f.longestSlice, paragraphs: await page.evaluate(() => document.querySelectorAll('article p').length) };
    expect(got.paragraphs).toBeGreaterThan(10_000);
    // The work is cut small: at least one step per 50 paragraphs (a step is a bounded piece of
    // work: a few dozen elements, a few hundred text nodes or ranges).
    expect(got.steps).toBeGreaterThanOrEqual(got.paragraphs / 50);
    // No slice (the steps run in one task) is longer than the bound …
    expect(got.longest).toBeGreaterThan(0);
    expect(got.longest).toBeLessThanOrEqual(MAX_SLICE_STEPS);
    // … and the browser gets the main thread back between slices: every full slice ends in a
    // yield (of the at most four sliced runs, each one's last slice ends with the run instead).
    expect(got.yields).toBeGreaterThanOrEqual(Math.floor(got.steps / MAX_SLICE_STEPS) - 4);
    expect(got.yields).toBeGreaterThan(0);
    await page.close();
  }, 180_000);

  it('converts every paragraph of a page that adds 100 paragraphs a second for 10 s', async () => {
    await setStorage(s, { sites: { '127.0.0.1': { mode: 'default', script: 't' } } });
    const page = await open(s, server.url('/flood.html'));
    await page.waitForFunction(() => (window as unknown as { floodDone: boolean }).floodDone, { timeout: 30_000, polling: 100 });
    // Every paragraph, the last ones too, ends up converted (the timeout only catches a hang;
    // how fast the converter keeps up is not a test's business).
    await page.waitForFunction(() => ![...document.querySelectorAll('#feed p')].some((p) => p.textContent!.includes('县域医共体')), { timeout: 30_000, polling: 100 });
    expect(await page.$$eval('#feed p', (ps) => ps.length)).toBe(1002);
    expect(await page.$$eval('#feed p', (ps) => ps.filter((p) => p.textContent!.includes('縣域醫共體')).length)).toBe(1000);
    await setStorage(s, { sites: {} });
    await page.close();
  }, 90_000);

  it('shows markup-like page text as text in cards', async () => {
    const page = await open(s, server.url('/hostile.html'));
    await markerLabels(page);
    const p = await pointOf(page, '两个确立', 1);
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, 'Two Establishments');
    const injected = await page.evaluate(() => {
      const root = document.querySelector('dubao-card')!.shadowRoot!;
      const layer = document.querySelector('dubao-layer')!.shadowRoot!;
      return [root.querySelectorAll('img,script,b').length, layer.querySelectorAll('img,script,b').length, layer.textContent];
    });
    expect(injected[0]).toBe(0);
    expect(injected[1]).toBe(0);
    expect(injected[2]).toContain('<img src=x onerror=alert(1)>');
    await page.close();
  });

  it('annotates an article inside a same-origin iframe', async () => {
    const page = await open(s, server.url('/frame-host.html'));
    const frame = page.frames().find((f) => f.url().endsWith('/article.html'))!;
    await frame.waitForFunction(() => !!document.querySelector('dubao-layer')?.shadowRoot?.querySelector('.marker'), { timeout: 20_000 });
    expect(await frame.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')!].map((r) => r.toString()))).toContain('两个确立');
    expect(await page.evaluate(() => document.querySelector('dubao-layer'))).toBeNull();
    await page.close();
  });

  it('leaves a Japanese page alone', async () => {
    const page = await open(s, server.url('/japanese.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    // Once the content script answers, it has looked at the page and decided (it does nothing
    // more on a page that is not Chinese).
    expect((await contentStatus(s, page)).chinese).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('reads a traditional page: terms in traditional, conversion to simplified', async () => {
    const page = await open(s, server.url('/traditional.html'));
    await markerLabels(page);
    expect(await highlightTexts(page, 'dubao-term')).toEqual(expect.arrayContaining(['兩個確立', '兩個維護', '三定', '機構改革']));
    const p = await pointOf(page, '兩個確立');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, 'Two Establishments');
    expect(card).toContain('两个确立'); // both forms
    await page.keyboard.press('Escape');
    await setStorage(s, { sites: { '127.0.0.1': { mode: 'default', script: 's' } } });
    await page.bringToFront();
    await page.waitForFunction(() => document.body.textContent!.includes('全市机构改革动员部署会议召开'), { timeout: 20_000 });
    await setStorage(s, { sites: {} });
    await page.waitForFunction(() => document.body.textContent!.includes('全市機構改革動員部署會議召開'), { timeout: 20_000 });
    await page.close();
  });

  it('leaves the DOM identical after every toggle is switched 50 times', async () => {
    const page = await open(s, server.url('/article.html'));
    await markerLabels(page);
    const before = await page.evaluate(() => document.documentElement.outerHTML.replace(/<dubao-[\s\S]*?<\/dubao-[a-z]+>/g, ''));

    const scripts = ['t', 'tw', 'hk', 'twp', 's'];
    for (let i = 0; i < 50; i++) {
      await setStorage(s, {
        settings: { ...DEFAULTS, pinyin: i % 2 === 0, terms: i % 3 !== 0, highlightStyle: i % 2 ? 'background' : 'underline', toneColors: i % 4 === 0 },
        sites: { '127.0.0.1': { mode: i % 7 === 6 ? 'never' : 'default', script: i % 2 === 0 ? scripts[i % 5] : null, sidebar: i % 5 === 0 } },
      });
    }
    // Switches are applied one run at a time, and a burst collapses into its latest state. A
    // last state that none of the 50 used (pinyin in numbers) shows when every queued switch has
    // played out; back to the defaults from there, the page must be as it was.
    await setStorage(s, { settings: { ...DEFAULTS, pinyin: true, pinyinStyle: 'numbers' }, sites: {} });
    await page.bringToFront();
    await page.waitForFunction(() => /\d$/.test(document.querySelector('ruby[data-dubao] rt')?.textContent ?? ''), { timeout: 30_000, polling: 100 });
    await setStorage(s, { settings: DEFAULTS, sites: {} });
    await page.bringToFront();
    await page.waitForFunction(() => !document.querySelector('ruby[data-dubao]'), { timeout: 30_000, polling: 100 });
    await markerLabels(page, 30_000);
    const after = await page.evaluate(() => document.documentElement.outerHTML.replace(/<dubao-[\s\S]*?<\/dubao-[a-z]+>/g, ''));
    expect(after).toBe(before);
    expect(await cardText(page)).toBeNull();
    await page.close();
  });

  it('makes no network request of its own', async () => {
    const seen: string[] = [];
    const page = await s.browser.newPage();
    page.on('request', (r) => seen.push(r.url()));
    await page.goto(server.url('/seed.html'), { waitUntil: 'load' });
    await markerLabels(page);
    const p = await pointOf(page, '出席会议');
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, 'attend');
    const foreign = seen.filter((u) => !u.startsWith(server.url('/')) && !/^(data|blob|chrome-extension|moz-extension):/.test(u));
    expect(foreign).toEqual([]);
    expect(server.requests.every((r) => r.endsWith('.html') || r === '/favicon.ico')).toBe(true);
    await page.close();
  });
});
