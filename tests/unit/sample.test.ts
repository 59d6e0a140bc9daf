// Is there Chinese on a page (lib/dom/sample.ts): the quick count that settles most pages, the
// sample that decides, and the check of nodes a page adds later. On linkedom pages.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { nodesLookChinese, pageIsChinese, quickHanCount, recheckDelay, sampleText } from '../../lib/dom/sample';
import { countHan } from '../../lib/text/han';
import { withRangeText } from '../support/range-text';

const page = (body: string, lang = 'zh-CN') => withRangeText(parseHTML(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`).document);
const ZH = '全市机构改革动员部署会议召开，会议强调要深入学习贯彻党的二十大精神，扎实推进机构改革各项工作。';

describe('quickHanCount', () => {
  it('counts the main Han blocks as countHan does, and nothing of kana, hangul or Latin', () => {
    for (const t of [ZH, '測試繁體字與简体字', '中文 and English', 'ひらがなとカタカナ漢字', '한국어 문장입니다', 'plain ASCII', '𠮷野家']) expect(quickHanCount(page(`<p>${t}</p>`), 1000)).toBe(countHan(t));
  });
  it('leaves out rare Han outside those blocks (the exact tests count them)', () => {
    expect(quickHanCount(page('<p>〇</p>'))).toBe(0);
    expect(countHan('〇')).toBe(1);
  });
});

describe('pageIsChinese', () => {
  it('finds a Chinese page, and not an English one', () => {
    expect(pageIsChinese(page(`<article><h1>标题</h1><p>${ZH}</p></article>`))).toBe(true);
    expect(pageIsChinese(page('<article><h1>City council</h1><p>The council met on Tuesday.</p></article>', 'en'))).toBe(false);
  });
  it('does not count script or hidden text, though the quick count sees it', () => {
    const doc = page(`<script>var s = "${ZH}";</script><div style="display:none">${ZH}</div><p>English only here.</p>`);
    expect(quickHanCount(doc.body)).toBeGreaterThanOrEqual(20);
    expect(sampleText(doc.body)).not.toContain('全市');
    expect(pageIsChinese(doc)).toBe(false);
  });
  it('leaves Japanese and Korean pages alone', () => {
    expect(pageIsChinese(page(`<p>${ZH}</p>`, 'ja'))).toBe(false);
    expect(pageIsChinese(page(`<p>${ZH}</p>`, 'ko-KR'))).toBe(false);
  });
  it('counts from the document itself, head and scripts included, and stops at what it was asked for', () => {
    const script = `<script>${'var a = 1;'.repeat(20_000)}</script>`;
    const doc = withRangeText(parseHTML(`<!doctype html><html lang="zh-CN"><head><title>t</title>${script.repeat(20)}</head><body><p>${ZH}</p></body></html>`).document);
    expect(quickHanCount(doc, 1000)).toBe(countHan(ZH));
    expect(quickHanCount(doc)).toBe(20);
    expect(pageIsChinese(doc)).toBe(true);
    expect(quickHanCount(page('<p>English only here.</p>', 'en'))).toBe(0);
  });
  it('reads a huge page only up to its 3,000th element', () => {
    const english = '<p>English only here.</p>'.repeat(3500);
    expect(quickHanCount(page(`${english}<p>${ZH}</p>`, 'en'))).toBe(0);
    expect(quickHanCount(page(`${english.slice(0, 24 * 100)}<p>${ZH}</p>`, 'en'))).toBe(20);
  });
  it('decides on the first part of the visible text', () => {
    const english = '<p>The quick brown fox jumps over the lazy dog again and again.</p>'.repeat(2000);
    const doc = page(`${english}<p>${ZH}</p>`, 'en');
    expect(quickHanCount(doc)).toBe(20); // the quick count reads it all …
    expect(pageIsChinese(doc)).toBe(false); // … the sample only the top of the page
  });
});

describe('nodesLookChinese', () => {
  it('reads the nodes a page added: elements, text, never script text', () => {
    const doc = page('<div id="app">Loading…</div>', 'en');
    const app = doc.getElementById('app')!;
    const article = doc.createElement('article');
    article.textContent = ZH;
    app.append(article);
    expect(nodesLookChinese(doc, [article])).toBe(true);
    const script = doc.createElement('script');
    script.textContent = ZH;
    app.append(script);
    expect(nodesLookChinese(doc, [script.firstChild!])).toBe(false);
    const text = doc.createTextNode(ZH);
    app.append(text);
    expect(nodesLookChinese(doc, [text])).toBe(true);
    // A node no longer in the page is not read.
    text.remove();
    expect(nodesLookChinese(doc, [text])).toBe(false);
  });
});

describe('recheckDelay', () => {
  it('grows and is capped: at most one re-check every 5 s however long the page keeps changing', () => {
    const ds = Array.from({ length: 12 }, (_, i) => recheckDelay(i));
    for (let i = 1; i < ds.length; i++) expect(ds[i]).toBeGreaterThanOrEqual(ds[i - 1]);
    expect(ds[0]).toBe(500);
    expect(Math.max(...ds)).toBe(5000);
  });
});
