// lib/pdf on real pdf.js output of the fixture PDFs (tests/support/pdf-fixtures.ts), and on made-up items.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CID_FONT_LINES, GRID_HEADLINES, pdfFixtures, seedArticles, SEED_HEADLINES, type PdfFixtures } from '../support/pdf-fixtures';
import { pdfPages } from '../../lib/cli/pdf';
import { charSources, hasText, itemRanges, normalizeGlyphs, readAsSimplified, pageNumber, pageTextOf, readPdf, sourceOf, type PdfPageText, type PdfReading, type PdfTextItem } from '../../lib/pdf';

let fx: PdfFixtures;
const read: Record<string, PdfReading> = {};
const pagesOf: Record<string, PdfPageText[]> = {};

beforeAll(async () => {
  fx = await pdfFixtures();
  for (const k of ['twoColumn', 'threeColumn', 'grid', 'fourPage'] as const) {
    pagesOf[k] = await pdfPages(readFileSync(fx[k]), k);
    read[k] = readPdf(pagesOf[k]);
  }
}, 180_000);

const noSpace = (s: string) => s.replace(/\s+/g, '');

const BYLINES = ['本报济宁讯（记者 宋仪凯）', '本报记者 梁琨', '满涛', '本报记者 鲍童 本报通讯员 雷夫幸 谷雨阳', '本报嘉祥讯（通讯员 李超）'];
// The grid page runs the stories in another order (tests/support/pdf-fixtures.ts GRID_HEADLINES).
const ORDER = { twoColumn: [0, 1, 2, 3, 4], threeColumn: [0, 1, 2, 3, 4], grid: [0, 2, 1, 3, 4] };

describe.each(['twoColumn', 'threeColumn', 'grid'] as const)('the seed printed in %s layout', (layout) => {
  it('finds its five articles, headlines from the larger type, bylines from the source lines', () => {
    const r = read[layout];
    expect(r.articles.map((a) => a.title)).toEqual(layout === 'grid' ? GRID_HEADLINES : SEED_HEADLINES);
    expect(r.articles.map((a) => a.byline)).toEqual(ORDER[layout].map((i) => BYLINES[i]));
    expect(r.articles.find((a) => a.title === SEED_HEADLINES[1])!.subtitle).toBe('我市扎实推进保障和改善民生工作综述');
    // Each headline is in the reading text as printed (a vertical one too: one run, no breaks).
    for (const a of r.articles) expect(r.text.slice(a.start, a.bodyStart).replace(/\n/g, ' ').trim()).toBe(a.title + (a.subtitle ? ' ——' + a.subtitle : ''));
    expect(r.articles.every((a) => a.page === 1 && a.continued === undefined)).toBe(true);
    // The masthead and the banner slogan are headlines with no article under them.
    expect(r.banners).toEqual(['济宁日报', '深入贯彻市两会精神 坚定不移推进高质量发展']);
  });

  it('reads each article paragraph by paragraph, every line broken by the column joined', () => {
    const r = read[layout];
    const seed = ORDER[layout].map((i) => seedArticles().articles[i]);
    r.articles.forEach((a, i) => {
      const paragraphs = r.text.slice(a.bodyStart, a.bodyEnd).split('\n');
      expect(paragraphs.map(noSpace)).toEqual(seed[i].paragraphs.map((p) => noSpace(p.text)));
    });
    // Many lines end inside a word or a sentence and are read as one; some words are printed
    // on two lines (or two columns) and read whole.
    expect(r.lines.filter((l) => l.joined).length).toBeGreaterThan(100);
    const items = pagesOf[layout][0].items;
    const broken = ['高质量发展', '民生', '机构改革', '社会救助', '数字经济'].filter((w) => {
      for (let at = r.text.indexOf(w); at >= 0; at = r.text.indexOf(w, at + 1)) {
        if (new Set(itemRanges(r, at, at + w.length).map((p) => items[p.item].y)).size > 1) return true;
      }
      return false;
    });
    expect(broken.length).toBeGreaterThan(0);
  });

  it('maps every character of the reading text to its pdf.js item and the offset in it', () => {
    const r = read[layout];
    // (Read as simplified: the font's one glyph for 户 and 戶 is named 戶 in the PDF.)
    const items = readAsSimplified(pagesOf[layout])[0].items;
    let mapped = 0;
    for (let i = 0; i < r.text.length; i++) {
      const s = sourceOf(r, i);
      if (!s) {
        expect(r.text[i], `offset ${i}`).toMatch(/\s/);
        continue;
      }
      mapped++;
      expect(items[s.item].str[s.offset], `offset ${i}`).toBe(r.text[i]);
    }
    expect(mapped).toBeGreaterThan(6000);
    // All at once, the same answers.
    const all = charSources(r);
    for (let i = 0; i < r.text.length; i++) {
      const s = sourceOf(r, i);
      expect([all.page[i], all.item[i], all.offset[i]]).toEqual(s ? [s.page, s.item, s.offset] : [-1, -1, 0]);
    }
    // 两个确立 spans what the text layer shows as one or more items: the pieces spell it.
    const at = r.text.indexOf('两个确立');
    const pieces = itemRanges(r, at, at + 4);
    expect(pieces.map((p) => items[p.item].str.slice(p.start, p.end)).join('')).toBe('两个确立');
  });
});

describe('a four-page PDF', () => {
  it('reads the seed on page 1 and one article on each report page, with the continuation noted', () => {
    const r = read.fourPage;
    expect(r.pages).toHaveLength(4);
    expect(r.articles.map((a) => [a.page, a.title])).toEqual([
      ...SEED_HEADLINES.map((t) => [1, t]),
      [2, '2019年政府工作报告'],
      [3, '2019年政府工作报告'],
      [4, '2018年政府工作报告'],
    ]);
    expect(r.articles[5].continued).toEqual({ to: 3 });
    expect(r.articles[6].continued).toEqual({ from: 2 });
    expect(r.articles[7].continued).toBeUndefined();
    // Page 3 goes on where page 2 stopped: no paragraph of the report is lost or repeated.
    for (const a of r.articles) expect(a.start).toBeGreaterThanOrEqual(r.pages[a.page! - 1].start);
    const sourceOfPage = (a: number) => sourceOf(r, r.articles[a].bodyStart!)!.page;
    expect([5, 6, 7].map(sourceOfPage)).toEqual([1, 2, 3]);
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  it('reads its text through pdf.js’s CMaps (UniGB-UCS2-H → Adobe-GB1 → Unicode)', async () => {
    const r = readPdf(await pdfPages(readFileSync(fx.cidFont), 'cid.pdf'));
    const [head, first, second] = CID_FONT_LINES.map(([, t]) => t);
    // The body's first line runs to the column's edge and the next is not indented: one paragraph.
    expect(r.text).toBe(`${head}\n${first}${second}`);
    expect(r.lines.map((l) => l.kind)).toEqual(['heading', 'body', 'body']);
  });
});

describe('bad input', () => {
  it('says a scan has no text, and names a damaged, an encrypted and a not-PDF file', async () => {
    await expect(pdfPages(readFileSync(fx.scanned), 'scan.pdf')).rejects.toThrow("'scan.pdf': this page is an image; it has no text to read");
    await expect(pdfPages(readFileSync(fx.damaged), 'cut.pdf')).rejects.toThrow(/^'cut\.pdf' is a damaged PDF/);
    await expect(pdfPages(readFileSync(fx.encrypted), 'locked.pdf')).rejects.toThrow("'locked.pdf' is encrypted (it needs a password); Dubao cannot read it");
    await expect(pdfPages(readFileSync(fx.notPdf), 'page.pdf')).rejects.toThrow("'page.pdf' is not a PDF");
  });
});

// Made-up pages: the layout rules on their own.
const item = (str: string, x: number, y: number, fontSize = 10, width = str.length * fontSize): PdfTextItem => ({ str, x, y, width, height: fontSize, fontSize, fontName: 'f', hasEOL: false });
const page = (items: PdfTextItem[]): PdfPageText => ({ width: 600, height: 800, items });

describe('layout rules', () => {
  it('reads two columns that share baselines column by column, joining the lines a column broke', () => {
    const r = readPdf([page([item('左栏第一行的文字很长', 0, 20), item('右栏第一行的文字很长', 130, 20), item('左栏第二行文字。', 0, 34), item('右栏第二行文字。', 130, 34)])]);
    expect(r.text).toBe('左栏第一行的文字很长左栏第二行文字。\n右栏第一行的文字很长右栏第二行文字。');
  });

  it('keeps a line that stops short, and a line after it that is indented', () => {
    const r = readPdf([page([item('第一段第一行写满了字', 0, 20), item('第一段完。', 0, 34), item('第二段开头缩进写', 20, 48), item('第二段写满第二行了字', 0, 62)])]);
    expect(r.text).toBe('第一段第一行写满了字第一段完。\n第二段开头缩进写第二段写满第二行了字');
  });

  it('cuts across before it cuts down: stacked articles with short headlines do not mix their columns', () => {
    const article = (y: number, t: string) => [
      item(t, 0, y, 20),
      item(`${t}左栏正文写满一行`, 0, y + 40),
      item(`${t}左栏正文第二行字`, 0, y + 54),
      item(`${t}右栏正文写满一行`, 150, y + 40),
      item(`${t}右栏完。`, 150, y + 54),
    ];
    const r = readPdf([page([...article(20, '甲文'), ...article(120, '乙文')])]);
    expect(r.text.split('\n').filter(Boolean)).toEqual([
      '甲文', '甲文左栏正文写满一行甲文左栏正文第二行字甲文右栏正文写满一行甲文右栏完。',
      '乙文', '乙文左栏正文写满一行乙文左栏正文第二行字乙文右栏正文写满一行乙文右栏完。',
    ]);
  });

  it('finds headlines by their type size, not their length', () => {
    const body = Array.from({ length: 6 }, (_, i) => item('正文的一行字写得很满很满很满很满', 0, 60 + i * 14));
    const r = readPdf([page([item('短', 0, 20, 24), item('一行正文大小的短句', 0, 46), ...body])]);
    expect(r.articles.map((a) => a.title)).toEqual(['短']);
    expect(r.text.slice(r.articles[0].bodyStart, r.articles[0].bodyStart! + 9)).toBe('一行正文大小的短句');
  });
});

describe('headline groups', () => {
  it('takes the largest type as the headline: a kicker above stays out, a subtitle below is the subtitle', () => {
    const body = Array.from({ length: 5 }, (_, i) => item('正文的一行字写得很满很满很满很满', 0, 110 + i * 14));
    const r = readPdf([page([item('引题在上面', 0, 20, 16), item('主标题最大', 0, 50, 26), item('副题在下面说明', 0, 80, 16), ...body])]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ title: '主标题最大', subtitle: '副题在下面说明' });
    expect(r.text.slice(r.articles[0].start, r.articles[0].start + 5)).toBe('引题在上面');
  });

  it('reads a byline set in fine print under the headline', () => {
    const body = Array.from({ length: 5 }, (_, i) => item('正文的一行字写得很满很满很满很满', 0, 90 + i * 14));
    const r = readPdf([page([item('文章标题', 0, 30, 20), item('本报记者 张明远', 0, 60, 8), ...body])]);
    expect(r.articles[0]).toMatchObject({ title: '文章标题', byline: '本报记者 张明远' });
  });

  it('gives each type size of a banner group a banner of its own', () => {
    const body = Array.from({ length: 5 }, (_, i) => item('正文的一行字写得很满很满很满很满', 0, 200 + i * 14));
    const r = readPdf([page([item('某某日报', 0, 40, 40), item('一句口号', 0, 80, 20), item('日期行', 0, 100, 7), item('文章标题', 0, 150, 18), ...body])]);
    expect(r.banners).toEqual(['某某日报', '一句口号']);
    expect(r.articles.map((a) => a.title)).toEqual(['文章标题']);
  });
});

describe('a scan', () => {
  it('has no text to read, even with a page number printed on it', () => {
    expect(hasText([page([])])).toBe(false);
    expect(hasText([page([item('第 3 版', 280, 780, 8)]), page([item('4', 290, 780, 8)])])).toBe(false);
    expect(hasText([page([item('本报讯 会议强调，坚定不移推进高质量发展。', 0, 20)])])).toBe(true);
  });
});

describe('pdf.js text content as plain data', () => {
  it('puts the origin at the top left and takes the font size from the text matrix', () => {
    const p = pageTextOf({ items: [{ str: '改⾰', transform: [12, 0, 0, 12, 50, 700], width: 24, height: 12, hasEOL: true, fontName: 'g1' }, { type: 'beginMarkedContent' }] }, [0, 0, 600, 800]);
    expect(p.items[0]).toEqual({ str: '改革', x: 50, y: 100, width: 24, height: 12, fontSize: 12, fontName: 'g1', hasEOL: true });
    expect(p.items[1].str).toBe('');
  });

  it('reads radicals that stand for characters as the characters, one unit for one', () => {
    expect(normalizeGlyphs('⾼质量发展，⻓江⻔⼝')).toBe('高质量发展，长江门口');
    expect(normalizeGlyphs('⻓').length).toBe(1);
  });

  it('reads page numbers of jump lines', () => {
    expect([pageNumber('2'), pageNumber('１２'), pageNumber('三'), pageNumber('十'), pageNumber('十二'), pageNumber('二十一')]).toEqual([2, 12, 3, 10, 12, 21]);
  });
});
