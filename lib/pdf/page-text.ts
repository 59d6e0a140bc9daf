/**
 * A PDF page's text as pdf.js gives it (`page.getTextContent()`), as plain data: lib/pdf never
 * imports pdf.js, so the viewer (browser build), the command line (Node build) and the tests share
 * everything after extraction.
 */

/** One text item of pdf.js, in page coordinates with the origin at the top left (PDF points). */
export interface PdfTextItem {
  /** The item's text, its characters as pdf.js reads them (see normalizeGlyphs). */
  str: string;
  /** Left edge of the item's baseline. */
  x: number;
  /** The baseline, measured down from the page's top edge. */
  y: number;
  width: number;
  height: number;
  /** The font size on the page: the length of the text matrix's vertical vector. */
  fontSize: number;
  fontName: string;
  /** pdf.js says a line ends after this item. */
  hasEOL: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  /**
   * The page's text items, index for index as pdf.js's textContent.items (which is also the
   * order of the spans of pdf.js's text layer); a marked-content entry there is an empty item here.
   */
  items: PdfTextItem[];
}

/** What pdf.js's getTextContent() returns, as far as Dubao reads it (no pdf.js types needed). */
export interface PdfjsTextContent {
  items: ReadonlyArray<PdfjsTextItem | { type: string }>;
}

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
  fontName: string;
}

/**
 * Plain page text from pdf.js's text content and the page's view box (`page.view`:
 * [x0, y0, x1, y1] in PDF points, y up). Rotated text keeps its origin; layout reads it as is.
 */
export function pageTextOf(content: PdfjsTextContent, view: readonly number[]): PdfPageText {
  const [x0, y0, x1, y1] = view;
  const items = content.items.map((entry): PdfTextItem => {
    const it = entry as Partial<PdfjsTextItem>;
    const t = it.transform;
    if (typeof it.str !== 'string' || !t) return { str: '', x: 0, y: 0, width: 0, height: 0, fontSize: 0, fontName: '', hasEOL: false };
    const fontSize = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]);
    return {
      str: normalizeGlyphs(it.str),
      x: t[4] - x0,
      y: y1 - t[5],
      width: it.width ?? 0,
      height: it.height ?? fontSize,
      fontSize,
      fontName: it.fontName ?? '',
      hasEOL: !!it.hasEOL,
    };
  });
  return { width: x1 - x0, height: y1 - y0, items };
}

// CJK Radicals Supplement code points that PDF writers put in a font's ToUnicode map for a whole
// character that shares their glyph (Chromium's PDFs read 长 as ⻓); NFKC leaves these alone.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长',
  '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻡': '首',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾',
  '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母', '⻐': '钅',
};

/**
 * Radical code points read back as the characters they stand for: a PDF's ToUnicode map often
 * names the Kangxi radical ⾰ (U+2FB0) for 革, because the font draws both with one glyph. The
 * text must read 改革, or nothing downstream (segmenter, glossary, pinyin) finds the word.
 * One UTF-16 unit in, one out: offsets inside the item stay those of pdf.js's text layer.
 */
export function normalizeGlyphs(s: string): string {
  if (!/[\u2e80-\u2fdf]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x2f00 && c <= 0x2fd5) {
      const n = ch.normalize('NFKC');
      out += n.length === 1 ? n : ch;
    } else out += RADICAL_SUPPLEMENT[ch] ?? ch;
  }
  return out;
}

// Frequent characters written differently in simplified and traditional text (们/們 …).
const SIMPLIFIED = /[们个这国说时为会发对经过还产问进动现长开关实来学]/gu;
const TRADITIONAL = /[們個這國說時為會發對經過還產問進動現長開關實來學]/gu;

/**
 * A simplified-Chinese font draws 户 and 戶 with one glyph, and the PDF names the lower code point,
 * 戶 (measured: printing the 3,357 Han characters of the seed and the corpus reports in Noto Serif
 * CJK SC with Chromium, pdf.js reads 户 as 戶 and nothing else wrongly once radicals are read as
 * characters). On a page of simplified text it is read as 户; traditional text keeps 戶.
 */
export function readAsSimplified(pages: PdfPageText[]): PdfPageText[] {
  let simplified = 0;
  let traditional = 0;
  for (const p of pages)
    for (const it of p.items) {
      simplified += it.str.match(SIMPLIFIED)?.length ?? 0;
      traditional += it.str.match(TRADITIONAL)?.length ?? 0;
    }
  if (simplified <= traditional) return pages;
  return pages.map((p) => ({ ...p, items: p.items.map((it) => (it.str.includes('戶') ? { ...it, str: it.str.replaceAll('戶', '户') } : it)) }));
}
