/**
 * Terms and hover cards over a PDF page. pdf.js draws the page on a canvas and lays a text layer
 * over it: one transparent span per text item, where the text sits on the page. The page's
 * reading text (lib/pdf's layout: columns in order, broken words joined) says for each of its
 * characters which item and which offset in it the character came from; from that, a text model
 * over the spans' text nodes, and then the same PageIndex, highlights and HoverCards as on a web
 * page. Highlights have names of their own (the reading view beside it keeps the usual ones).
 */
import type { TextModel, SourceChunk } from '../text/model';
import { clearNamed, setHighlight } from './highlights';
import { HoverCards } from './hover';
import { articleIndex, PageIndex } from './page-index';
import type { PageApi } from './page';

export const PDF_TERM_HIGHLIGHT = 'dubao-pdf-term';
export const PDF_FORMULA_HIGHLIGHT = 'dubao-pdf-formula';

/**
 * A text model whose chunks are slices of the text layer's text nodes. `item[i]` and `offset[i]`
 * locate reading character i (item -1: a character the layout put in, a line or block break).
 * The raw text is the reading text itself (the layout already joined what it joins).
 */
export function textLayerModel(text: string, item: ArrayLike<number>, offset: ArrayLike<number>, nodes: ReadonlyArray<Text | null>): TextModel<Text> {
  const chunks: SourceChunk<Text>[] = [];
  const starts: number[] = [];
  let cur: { chunk: SourceChunk<Text>; next: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const node = item[i] >= 0 ? (nodes[item[i]] ?? null) : null;
    // The layout may read a character differently from the span (a radical ⽇ read as 日): one
    // character for one, so the offset stands; only an offset past the span's end is refused.
    const at = node && offset[i] < node.data.length ? offset[i] : -1;
    if (cur && node && at >= 0 && cur.chunk.node === node && cur.next === at) {
      cur.chunk.text += text[i];
      cur.next++;
      continue;
    }
    if (!node || at < 0) {
      const last = chunks[chunks.length - 1];
      if (last && last.node === null) last.text += text[i];
      else {
        starts.push(i);
        chunks.push({ text: text[i], node: null });
      }
      cur = null;
      continue;
    }
    starts.push(i);
    cur = { chunk: { text: text[i], node, base: at }, next: at + 1 };
    chunks.push(cur.chunk);
  }
  const toRaw = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) toRaw[i] = i;
  return { text, raw: text, toRaw, chunks, chunkStarts: Int32Array.from(starts) };
}

export interface TextLayerSession {
  index: PageIndex;
  hover: HoverCards;
  /** Term occurrences highlighted on the page. */
  terms: number;
  setTermsVisible(on: boolean): void;
}

/**
 * Annotate the page's reading text (the background segments and matches, as for any page) and
 * put highlights and hover cards on the text layer. Ends with `signal`.
 */
export async function startTextLayer(
  doc: Document,
  model: TextModel<Text>,
  api: PageApi,
  signal: AbortSignal,
  stamp: (key: string, value: number) => void = () => undefined,
): Promise<TextLayerSession> {
  const win = doc.defaultView!;
  const first = await api.annotate([model.text], false);
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  const index = new PageIndex([articleIndex(model, first.texts[0], first.termIds)]);
  let termRanges: Range[] = [];
  let formulaRanges: Range[] = [];
  const ranges = () => {
    const a = index.articles[0];
    termRanges = a.terms.map((t) => index.range(0, t)).filter((r): r is Range => !!r);
    formulaRanges = a.formulas.map((f) => index.range(0, f)).filter((r): r is Range => !!r);
  };
  ranges();
  const hover = new HoverCards(doc, index, api, signal, stamp);
  let visible = true;
  const setTermsVisible = (on: boolean) => {
    visible = on;
    setHighlight(win, PDF_TERM_HIGHLIGHT, on ? termRanges : []);
    setHighlight(win, PDF_FORMULA_HIGHLIGHT, on ? formulaRanges : []);
    hover.enabled = on;
    if (!on) hover.close();
  };
  signal.addEventListener('abort', () => clearNamed(win, [PDF_TERM_HIGHLIGHT, PDF_FORMULA_HIGHLIGHT]));
  setTermsVisible(true);
  const session: TextLayerSession = { index, hover, terms: termRanges.length, setTermsVisible };
  if (first.provisional)
    // Answered from the glossary alone while the segmenter warmed up: ask again and swap in the
    // word-aware matches (as on web pages, lib/dom/page.ts).
    void api.annotate([model.text], true).then((full) => {
      if (signal.aborted) return;
      index.articles[0] = articleIndex(model, full.texts[0], full.termIds);
      ranges();
      session.terms = termRanges.length;
      setTermsVisible(visible);
      stamp('refinedMs', performance.now());
    }, () => undefined);
  return session;
}
