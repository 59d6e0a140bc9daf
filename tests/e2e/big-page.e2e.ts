// A big page (#18), both browsers. Pinyin: ruby is built near the viewport only, reaches a far
// block when the reader scrolls to it, keeps term highlights on the text, works with conversion,
// and switching off leaves the DOM exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { setStorage, waitForFigure, DEFAULT_SETTINGS } from './page-helpers';
import { newsText } from '../../bench/texts';
import { RUBY_EAGER_LIMIT } from '../../lib/dom/lazy-ruby';
import { NARROW_MAX_CHARS } from '../../lib/dom/sidebar';

const CHARS = 200_000;

/** The seed's paragraphs (read from ../shared) repeated to CHARS characters, one <p> per line. */
function bigPage(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = newsText(CHARS)
    .split(/\n+/)
    .filter(Boolean)
    .map((p, i) => `<p id="p${i}">${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>big</title></head><body><article>${paras}</article></body></html>`;
}

const server = useFixtureServer({ '/big.html': bigPage });

const bodyHtml = (page: Page) => page.evaluate(() => document.body.innerHTML);

/** Paragraphs with ruby, and all paragraphs. */
const rubyParagraphs = (page: Page) =>
  page.evaluate(() => {
    const ps = [...document.querySelectorAll('article p')];
    return { withRuby: ps.filter((p) => p.querySelector('ruby[data-dubao]')).map((p) => p.id), all: ps.length };
  });

/** Term highlight ranges lying inside element `id`, their base characters (the <rt> text left out). */
const termsIn = (page: Page, id: string) =>
  page.evaluate((pid) => {
    const el = document.getElementById(pid)!;
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term');
    return [...(h ?? [])]
      .filter((r) => !r.collapsed && el.contains(r.startContainer) && el.contains(r.endContainer))
      .map((r) => {
        const frag = r.cloneContents();
        frag.querySelectorAll('rt, rp').forEach((x) => x.remove());
        return frag.textContent ?? '';
      });
  }, id);

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name, { fresh: true });

  it('builds ruby near the viewport only, reaches a far paragraph scrolled to, and comes off exactly', async () => {
    expect(CHARS).toBeGreaterThan(RUBY_EAGER_LIMIT);
    const page = await open(s, server.url('/big.html'));
    await page.setViewport({ width: 1280, height: 900 });
    await markerLabels(page, 60_000);
    const before = await bodyHtml(page);
    await setStorage(s, { settings: { ...DEFAULT_SETTINGS, pinyin: true }, sites: {} });
    await page.bringToFront();
    await waitForFigure(page, 'rubyMs', 60_000);
    const first = await rubyParagraphs(page);
    // The paragraphs on screen have ruby; most of the page has none.
    expect(first.withRuby).toContain('p0');
    expect(first.withRuby).toContain('p3');
    expect(first.withRuby.length).toBeLessThan(first.all / 4);
    const last = `p${first.all - 1}`;
    expect(first.withRuby).not.toContain(last);
    // 济宁 read in place near the top.
    const jining = await page.evaluate(() => {
      const rubies = [...document.querySelectorAll('#p0 ruby[data-dubao], #p1 ruby[data-dubao], #p2 ruby[data-dubao], #p3 ruby[data-dubao]')];
      for (let i = 0; i + 1 < rubies.length; i++) if (rubies[i].firstChild?.textContent === '济' && rubies[i + 1].firstChild?.textContent === '宁') return `${rubies[i].querySelector('rt')!.textContent} ${rubies[i + 1].querySelector('rt')!.textContent}`;
      return null;
    });
    expect(jining).toBe('jǐ níng');

    // The last paragraph gets its ruby when the reader scrolls to it, with its terms still highlighted.
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), last);
    await page.waitForFunction((id) => !!document.getElementById(id)!.querySelector('ruby[data-dubao]'), { timeout: 30_000 }, last);
    const farTerms = await page.evaluate(() => {
      // The last paragraph that holds a term (the last line may be a short one without any).
      const ps = [...document.querySelectorAll('article p')].reverse();
      return ps.slice(0, 8).map((p) => p.id);
    });
    await page.waitForFunction(
      (ids: string[]) => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term');
        return [...(h ?? [])].some((r) => ids.some((id) => document.getElementById(id)!.contains(r.startContainer)) && !!r.startContainer.parentElement?.closest('ruby'));
      },
      { timeout: 30_000 },
      farTerms,
    );
    const shown = (await Promise.all(farTerms.map((id) => termsIn(page, id)))).flat();
    expect(shown.length).toBeGreaterThan(0);
    // Every shown term reads as a word (its base characters only), not a wrapper's worth of text.
    for (const t of shown) expect(t.length).toBeLessThan(20);
    expect(shown.every((t) => /^\p{Script=Han}/u.test(t))).toBe(true);

    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
    await waitForFigure(page, 'rubyOffMs', 60_000);
    await page.waitForFunction(() => !document.querySelector('ruby[data-dubao]'), { timeout: 30_000 });
    expect(await bodyHtml(page)).toBe(before);
    // The terms are on the plain text again.
    const back = (await Promise.all(farTerms.map((id) => termsIn(page, id)))).flat();
    expect(back.length).toBeGreaterThan(0);
    await page.close();
  });

  it('puts pinyin over converted text near the viewport, and both off restore the page exactly', async () => {
    const page = await open(s, server.url('/big.html'));
    await page.setViewport({ width: 1280, height: 900 });
    await markerLabels(page, 60_000);
    const before = await bodyHtml(page);
    await setStorage(s, { settings: { ...DEFAULT_SETTINGS, pinyin: true }, sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await page.bringToFront();
    // 济宁 in traditional (濟寧) with its pinyin, in the first paragraphs.
    await page.waitForFunction(
      () => {
        const rubies = [...document.querySelectorAll('#p0 ruby[data-dubao], #p1 ruby[data-dubao], #p2 ruby[data-dubao], #p3 ruby[data-dubao]')];
        return rubies.some((r, i) => r.firstChild?.textContent === '濟' && rubies[i + 1]?.firstChild?.textContent === '寧' && rubies[i + 1].querySelector('rt')!.textContent === 'níng');
      },
      { timeout: 60_000 },
    );
    const { withRuby, all } = await rubyParagraphs(page);
    expect(withRuby.length).toBeLessThan(all / 4);
    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
    await waitForFigure(page, 'restoreMs', 60_000);
    await page.waitForFunction(() => !document.querySelector('ruby[data-dubao]') && document.body.textContent!.includes('济宁'), { timeout: 60_000 });
    expect(await bodyHtml(page)).toBe(before);
    await page.close();
  });

  it('opens the sidebar over a page this long (no margin: <html> keeps its style exactly), with every part listed; Esc closes it', async () => {
    expect(CHARS).toBeGreaterThan(NARROW_MAX_CHARS);
    const page = await open(s, server.url('/big.html'));
    await page.setViewport({ width: 1280, height: 900 });
    await markerLabels(page, 60_000);
    // The page's own style on <html>, which the panel must leave as it is.
    await page.evaluate(() => document.documentElement.setAttribute('style', 'background-color: rgb(250, 250, 250)'));
    const before = await bodyHtml(page);
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.fab') as HTMLButtonElement).click());
    // Filled a few parts a frame: the list is busy until the last is in.
    await page.waitForFunction(
      () => {
        const root = document.querySelector('dubao-sidebar')?.shadowRoot;
        return !!root?.querySelector('li.article') && !root.querySelector('[aria-busy]');
      },
      { timeout: 60_000 },
    );
    const open1 = await page.evaluate(() => {
      const root = document.querySelector('dubao-sidebar')!.shadowRoot!;
      return {
        style: document.documentElement.getAttribute('style'),
        margin: getComputedStyle(document.documentElement).marginRight,
        listed: root.querySelectorAll('li.article').length,
        heading: [...root.querySelectorAll('h3')].map((h) => h.textContent).join(' '),
        // Every UI host of ours is out of the page's flow (an inline host beside <body> made Firefox rebuild the page's boxes).
        hosts: [...document.querySelectorAll('[data-dubao-ui]')].filter((e) => e.parentElement === document.documentElement).map((e) => getComputedStyle(e).position),
      };
    });
    expect(open1.style).toBe('background-color: rgb(250, 250, 250)');
    expect(open1.margin).toBe('0px');
    // One entry per part of ≤ 20,000 characters: ten or more for 200,000 characters.
    expect(open1.listed).toBeGreaterThanOrEqual(10);
    expect(open1.heading).toContain(`(${open1.listed})`);
    expect(open1.hosts.length).toBeGreaterThanOrEqual(2);
    expect(open1.hosts.every((p) => p === 'absolute')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.sidebar'), { timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBe('background-color: rgb(250, 250, 250)');
    expect(await bodyHtml(page)).toBe(before);
    await page.close();
  });

  it('converts the whole page to traditional and back: the page is exactly as it was', async () => {
    const page = await open(s, server.url('/big.html'));
    await page.setViewport({ width: 1280, height: 900 });
    await markerLabels(page, 60_000);
    const before = await bodyHtml(page);
    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: { '127.0.0.1': { mode: 'default', script: 'tw' } } });
    await page.bringToFront();
    await waitForFigure(page, 'convertMs', 60_000);
    // The whole page is converted, not only what is near the viewport.
    const text = await page.evaluate(() => ({ simplified: document.body.textContent!.includes('济宁'), traditional: document.body.textContent!.includes('濟寧') }));
    expect(text).toEqual({ simplified: false, traditional: true });
    await setStorage(s, { settings: DEFAULT_SETTINGS, sites: {} });
    await waitForFigure(page, 'restoreMs', 60_000);
    await page.waitForFunction(() => document.body.textContent!.includes('济宁'), { timeout: 60_000 });
    expect(await bodyHtml(page)).toBe(before);
    await page.close();
  });
});
