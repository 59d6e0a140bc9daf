// In-place conversion (lib/dom/page-converter.ts) on a linkedom document: what it converts, what
// it leaves alone, what it sends to the background, and that restoring gives the page back exactly.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { PageConverter } from '../../lib/dom/page-converter';
import { convertPieces } from '../../lib/convert';
import { nodeSegmenter } from '../../lib/segment/node';

const seg = nodeSegmenter();

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>滚动新闻</title></head>
<body>
<article id="news">
  <h1 title="滚动新闻标题">我市推进高质量发展</h1>
  <p id="p1">全市上下扎实推进机构改革和事业单位改革。<a href="#" aria-label="关于我们">这里</a></p>
  <p id="p2">会议强调，要以实际行动拥护“两个确立”。<b>English only</b></p>
  <img alt="会议现场图片" src="data:," title="English title">
  <input placeholder="请输入关键词" value="机构改革">
  <textarea>机构改革的文本框</textarea>
  <div id="edit" contenteditable="true" title="编辑区标题">可编辑的机构改革<span title="内部标题">内部</span></div>
  <div id="ro" contenteditable="false">这个发展不可编辑</div>
  <div id="ui" data-dubao-ui="card">读报界面说明</div>
  <script>var s = "机构改革";</script>
  <style>/* 机构改革 */ p { color: red }</style>
</article>
</body></html>`;

function page() {
  const { document } = parseHTML(PAGE);
  const calls: string[][] = [];
  let changed = 0;
  const convert = async (texts: string[]) => {
    calls.push(texts);
    return convertPieces(texts, 'tw', seg);
  };
  const run = new AbortController();
  const conv = new PageConverter(document as unknown as Document, convert, () => changed++, run.signal);
  return { document, conv, calls, changed: () => changed, run };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let open: AbortController[] = [];
afterEach(() => {
  open.forEach((r) => r.abort());
  open = [];
});

describe('PageConverter on a linkedom page', () => {
  it('converts text and the title, alt, placeholder and aria-label attributes to traditional', async () => {
    const { document, conv, calls, changed, run } = page();
    open.push(run);
    await conv.start();
    const $ = (sel: string) => document.querySelector(sel)!;
    expect($('h1').textContent).toBe('我市推進高質量發展');
    expect($('h1').getAttribute('title')).toBe('滾動新聞標題');
    expect($('#p1').firstChild!.textContent).toBe('全市上下紮實推進機構改革和事業單位改革。');
    expect($('#p1 a').textContent).toBe('這裡');
    expect($('#p1 a').getAttribute('aria-label')).toBe('關於我們');
    expect($('#p2').firstChild!.textContent).toBe('會議強調，要以實際行動擁護“兩個確立”。');
    expect($('img').getAttribute('alt')).toBe('會議現場圖片');
    // An input's placeholder is converted, never its value.
    expect($('input').getAttribute('placeholder')).toBe('請輸入關鍵詞');
    expect($('input').getAttribute('value')).toBe('机构改革');
    expect($('#ro').textContent).toBe('這個發展不可編輯');
    expect(changed()).toBe(1);
    // One message, holding only Han strings that are page text or a converted attribute.
    expect(calls).toHaveLength(1);
    expect(new Set(calls[0])).toEqual(
      new Set(['我市推进高质量发展', '全市上下扎实推进机构改革和事业单位改革。', '这里', '会议强调，要以实际行动拥护“两个确立”。', '这个发展不可编辑', '滚动新闻标题', '关于我们', '会议现场图片', '请输入关键词']),
    );
  });

  it('leaves textareas, editable areas (text and attributes), scripts, styles, our own UI and non-Han text alone', async () => {
    const { document, conv, calls, run } = page();
    open.push(run);
    const keep = ['textarea', '#edit', 'script', 'style', '#ui', '#p2 b', 'title'].map((sel) => [sel, document.querySelector(sel)!.outerHTML]);
    await conv.start();
    expect(keep.map(([sel]) => [sel, document.querySelector(sel)!.outerHTML])).toEqual(keep);
    expect(document.querySelector('img')!.getAttribute('title')).toBe('English title');
    const sent = calls.flat().join('\n');
    for (const never of ['机构改革的文本框', '可编辑的机构改革', '内部', '编辑区标题', '内部标题', 'var s', '/* 机构改革 */', '读报界面说明', 'English']) expect(sent).not.toContain(never);
  });

  it('restores the page exactly, and a second conversion after a restore converts again', async () => {
    const { document, conv, run } = page();
    open.push(run);
    const before = document.documentElement.outerHTML;
    await conv.start();
    expect(document.documentElement.outerHTML).not.toBe(before);
    conv.restore();
    expect(document.documentElement.outerHTML).toBe(before);
    await conv.start();
    expect(document.querySelector('h1')!.textContent).toBe('我市推進高質量發展');
    conv.restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('restores when its signal is aborted', async () => {
    const { document, conv, run } = page();
    const before = document.body.innerHTML;
    await conv.start();
    expect(document.body.innerHTML).not.toBe(before);
    run.abort();
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not overwrite what the page changed after conversion when restoring', async () => {
    const { document, conv, run } = page();
    open.push(run);
    await conv.start();
    const h1 = document.querySelector('h1')!;
    h1.firstChild!.textContent = '页面自己改的标题';
    h1.setAttribute('title', '页面自己的提示');
    conv.restore();
    expect(h1.textContent).toBe('页面自己改的标题');
    expect(h1.getAttribute('title')).toBe('页面自己的提示');
    expect(document.querySelector('#p1')!.firstChild!.textContent).toBe('全市上下扎实推进机构改革和事业单位改革。');
  });

  it('converts paragraphs the page adds later in one batch, never its own writes, and restores them too', async () => {
    const { document, conv, calls, run } = page();
    open.push(run);
    const before = document.body.innerHTML;
    await conv.start();
    await wait(300);
    // Its own writes did not come back through the observer.
    expect(calls).toHaveLength(1);
    const news = document.getElementById('news')!;
    const added = [1, 2, 3].map((n) => {
      const p = document.createElement('p');
      p.className = 'added';
      p.textContent = `第${n}条：县域医共体建设全面推进，群众看病就医更加方便。`;
      news.append(p);
      return p;
    });
    const late = document.createElement('p');
    late.setAttribute('title', '新增段落');
    late.textContent = '新增段落：推进机构改革。';
    news.append(late);
    for (let t = 0; t < 50 && late.textContent !== '新增段落：推進機構改革。'; t++) await wait(20);
    expect(added.map((p) => p.textContent)).toEqual([1, 2, 3].map((n) => `第${n}條：縣域醫共體建設全面推進，群眾看病就醫更加方便。`));
    expect(late.textContent).toBe('新增段落：推進機構改革。');
    expect(late.getAttribute('title')).toBe('新增段落');
    // The four additions went in one message (a burst is one batch).
    expect(calls).toHaveLength(2);
    expect(calls[1]).toHaveLength(5);
    await wait(300);
    expect(calls).toHaveLength(2);
    // Restoring puts the additions back in simplified too; removing them gives the page as it was.
    conv.restore();
    expect(late.textContent).toBe('新增段落：推进机构改革。');
    for (const p of [...added, late]) p.remove();
    expect(document.body.innerHTML).toBe(before);
  });
});
