// The foundation in both browsers: articles found and marked on the seed page and on a news
// page with chrome around it; nothing on a page without Chinese; strict CSP; the site switch.
import { describe, expect, it } from 'vitest';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open, openExtensionPage } from './browsers';
import { contentStatus, findTabId } from './page-helpers';

const server = useFixtureServer();

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('marks the five articles of the seed front page, with their headlines', async () => {
    const page = await open(s, server.url('/seed.html'));
    const labels = await markerLabels(page);
    expect(labels, labels.join(' | ')).toHaveLength(5);
    for (const title of ['全市机构改革动员部署会议召开', '厚植民生福祉 擦亮为民底色', '推动民生保障取得更大成效', '新春开工忙 奋进正当时', '省内首家县域算力中心落户嘉祥']) {
      expect(labels.some((l) => l.includes(title)), `${title} in ${labels.join(' | ')}`).toBe(true);
    }
    await page.close();
  });

  it('finds the article on a news page, not its navigation, sidebars or comments', async () => {
    const page = await open(s, server.url('/article.html'));
    const labels = await markerLabels(page);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toContain('我市召开优化营商环境推进会');
    // Inputs and editable areas are left exactly as they were.
    expect(await page.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('我也来说两句：高质量发展');
    expect(await page.$eval('[contenteditable]', (e) => e.textContent)).toBe('这里是可编辑的区域，内容不应被修改。');
    await page.close();
  });

  it('does nothing on a page without Chinese', async () => {
    const page = await open(s, server.url('/english.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    // Once the content script answers, it has sampled the page and decided (and does no more).
    expect((await contentStatus(s, page)).chinese).toBe(false);
    expect(await page.evaluate(() => document.querySelector('dubao-layer'))).toBeNull();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('works under a strict Content-Security-Policy', async () => {
    const page = await open(s, server.url('/csp/seed.html'));
    const labels = await markerLabels(page);
    expect(labels).toHaveLength(5);
    // The shadow root's styles apply despite the page's CSP: badges are positioned.
    const position = await page.evaluate(() => getComputedStyle(document.querySelector('dubao-layer')!.shadowRoot!.querySelector('.marker')!).position);
    expect(position).toBe('absolute');
    await page.close();
  });

  it('switches off and on for a site from the popup', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    await page.bringToFront();
    // The popup asks the active tab; opened as a tab itself, it is told which tab to ask.
    const tabId = await findTabId(s, page);
    const popup = await openExtensionPage(s, `popup.html?tab=${tabId}`, '#site-toggle');
    await popup
      .waitForFunction(() => document.querySelector('#found')?.textContent?.includes('5 articles'), { timeout: 30_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}; popup says: ${await popup.evaluate(() => document.body.innerText)} (tab ${tabId})`);
      });
    await popup.click('#site-toggle');
    // The page is a background tab now: poll by timer (rAF polling stops there).
    await page.waitForFunction(() => !document.querySelector('dubao-layer'), { timeout: 30_000, polling: 100 });
    await popup.click('#site-toggle');
    // A real popup closes and leaves its page in front; background tabs are throttled.
    await page.bringToFront();
    expect(await markerLabels(page)).toHaveLength(5);
    await popup.close();
    await page.close();
  });
});
