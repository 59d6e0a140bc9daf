/**
 * One page's session: decide whether the page is Chinese, find its articles in slices, ask the
 * background to annotate them, then mark articles, highlight terms and answer hovers.
 * Everything is bound to an AbortSignal, so a disable, an update or a switch-off leaves
 * nothing behind.
 */
import type { ArticleStatus, BackgroundMessages, Res, TextAnnotation } from '../messages';
import { scanArticles, type FoundArticle } from './find-articles';
import { clearHighlights, FORMULA_HIGHLIGHT, setHighlight, TERM_BG_HIGHLIGHT, TERM_HIGHLIGHT } from './highlights';
import { HoverCards, type HoverApi } from './hover';
import { PartHighlights } from './lazy-highlights';
import { MarkerLayer } from './markers';
import { articleIndex, PageIndex } from './page-index';
import { newSliceStats, runSliced, type SliceStats, type Work } from './schedule';
import { articlePieces, elementTextParts, piecesModel } from './text-model';
import type { TextPiece } from './walk';
import { toSource, type TextModel } from '../text/model';
import { comesBefore } from './walk';
import type { Span } from '../text/span';

// Whether a page is Chinese is decided by the sampler the first-stage content script uses too.
export { pageIsChinese, sampleText } from './sample';

export interface PageSession {
  articles: FoundArticle[];
  index: PageIndex;
  hover: HoverCards;
  /** For each part of the index (index.articles), the article it belongs to. */
  partArticle: number[];
  status(): ArticleStatus[];
  /** Show or hide term highlights and hover cards, in the reader's highlight style. */
  setTermsVisible(on: boolean, style?: 'underline' | 'background'): void;
  /** A figure for benchmarks and tests, on this session's marker layer (MarkerLayer.stamp). */
  stamp(key: string, value: number): void;
  /**
   * Blocks the page added after load (page-additions.ts): modelled, annotated (word-aware: no
   * provisional answer to refine) and highlighted like the first articles, as articles of their own.
   */
  addBlocks(roots: Element[]): Promise<void>;
  /**
   * Move this session's ranges out of the page (into a scratch document), sliced. A live range
   * costs on every change to the page's text (the browser keeps each one up to date): a session
   * about to be replaced lets go of its ranges before ruby or conversion rewrite the page.
   */
  releaseRanges(): Work<void>;
  /**
   * Put the term and formula ranges of parts `parts` over the text where it now is (ruby put its
   * pieces in place of those parts' text nodes, or gave the originals back), sliced. The same
   * Range objects move: the shown highlight follows without being rebuilt.
   */
  repoint(parts: Iterable<number>): Work<void>;
}

export interface PageApi extends HoverApi {
  annotate(texts: string[], wait?: boolean): Promise<Res<BackgroundMessages, 'annotate'>>;
}

/** An added block as an article: no headline or byline of its own is looked for. */
const addedArticle = (root: Element): FoundArticle => ({ root, title: null, titleEl: null, subtitle: null, byline: null, source: null, dateline: null, han: 0 });

/**
 * `find` finds the articles (the page's own finder unless the caller knows them). `added`: blocks
 * the page added after load that earlier sessions annotated; a new session (a switched setting)
 * keeps them, unless the scan found them as (part of) an article already.
 */
export async function startPage(
  doc: Document,
  api: PageApi,
  signal: AbortSignal,
  find: (doc: Document) => Work<FoundArticle[]> = scanArticles,
  added: Element[] = [],
): Promise<PageSession> {
  // How the sliced work went (steps, yields): stamped with the ready time, read by tests.
  const sliced = newSliceStats();
  const articles = await runSliced(find(doc), signal, undefined, sliced);
  const scanned = articles.length;
  for (const root of added)
    if (root.isConnected && !articles.some((a) => a.root.contains(root) || root.contains(a.root))) articles.push(addedArticle(root));
  // Model each article in parts of ≤ 20,000 characters, yielding between parts.
  const parts = await runSliced(modelParts(articles), signal, undefined, sliced);
  // The background segments and matches (the content script carries no dictionary).
  const first = await annotateAll(api, parts.map((p) => p.model.text), false, signal);
  const index = new PageIndex(parts.map((p, i) => articleIndex(p.model, first.texts[i], first.termIds)));
  const win = doc.defaultView!;
  let { termRanges, termSpans, formulaRanges, formulaSpans } = await runSliced(buildRanges(index), signal, undefined, sliced);
  signal.addEventListener('abort', () => clearHighlights(win));

  const layer = new MarkerLayer(doc, signal);
  layer.show(
    articles.slice(0, scanned).map((a, i) => {
      const part = parts.find((p) => p.article === i);
      return {
        el: a.titleEl && comesBefore(a.titleEl, a.root) ? a.titleEl : a.root,
        at: a.span && part ? startRange(doc, part.model) : undefined,
        label: `读报 ${i + 1}/${scanned} · ${a.title ?? part?.model.text.trim().slice(0, 16) ?? ''}`,
        title: a.title ?? '',
      };
    }),
  );
  const stamp = (key: string, value: number) => layer.stamp(key, value);
  const hover = new HoverCards(doc, index, api, signal, stamp);
  let shown: AbortController | null = null;
  // (an object: assigned in a method, read in closures)
  const terms: { layer: PartHighlights | null } = { layer: null };
  let visibleStyle: 'underline' | 'background' = 'underline';
  // The refined answer (if the first was provisional): additions wait for it, so that the two
  // never build ranges over one index at once.
  let refining: Promise<void> = Promise.resolve();
  const session: PageSession = {
    articles,
    index,
    hover,
    partArticle: parts.map((p) => p.article),
    status: () => articles.map((a) => ({ title: a.title, byline: a.byline, source: a.source, dateline: a.dateline, han: a.han })),
    setTermsVisible(on, style = 'underline') {
      // Already so (the controller calls this on every settings change, a sidebar switch too):
      // registering the highlight again would repaint every term in view for nothing.
      if (on && terms.layer && style === visibleStyle) return;
      visibleStyle = style;
      shown?.abort();
      shown = new AbortController();
      signal.addEventListener('abort', () => shown?.abort());
      setHighlight(win, style === 'underline' ? TERM_BG_HIGHLIGHT : TERM_HIGHLIGHT, []);
      terms.layer = on ? new PartHighlights(win, style === 'underline' ? TERM_HIGHLIGHT : TERM_BG_HIGHLIGHT, termRanges, shown.signal) : null;
      if (!on) setHighlight(win, style === 'underline' ? TERM_HIGHLIGHT : TERM_BG_HIGHLIGHT, []);
      setHighlight(win, FORMULA_HIGHLIGHT, on ? formulaRanges : []);
      hover.enabled = on;
      if (!on) hover.close();
    },
    stamp,
    *releaseRanges() {
      const scratch = doc.implementation?.createHTMLDocument?.('')?.body ?? doc.createElement('div');
      let k = 0;
      for (const r of [...termRanges.flat(), ...formulaRanges]) {
        r.setStart(scratch, 0);
        r.setEnd(scratch, 0);
        if (++k % 1000 === 0) yield;
      }
    },
    *repoint(parts) {
      const wanted = new Set(parts);
      let k = 0;
      for (const ai of wanted) {
        const ranges = termRanges[ai] ?? [];
        for (let i = 0; i < ranges.length; i++) {
          index.place(ranges[i], ai, termSpans[ai][i]);
          if (++k % 200 === 0) yield;
        }
      }
      for (let i = 0; i < formulaRanges.length; i++) {
        if (!wanted.has(formulaSpans[i].part)) continue;
        index.place(formulaRanges[i], formulaSpans[i].part, formulaSpans[i].span);
        if (++k % 200 === 0) yield;
      }
    },
    async addBlocks(roots) {
      await refining;
      if (!roots.length || signal.aborted) return;
      const found = roots.map(addedArticle);
      const added = await runSliced(modelParts(found), signal);
      if (!added.length) return;
      const ann = await annotateAll(api, added.map((p) => p.model.text), true, signal);
      const first = index.add(added.map((p, i) => articleIndex(p.model, ann.texts[i], ann.termIds)));
      session.partArticle.push(...added.map((p) => articles.length + p.article));
      articles.push(...found);
      const built = await runSliced(buildRanges(index, first), signal);
      termRanges.push(...built.termRanges);
      termSpans.push(...built.termSpans);
      formulaRanges.push(...built.formulaRanges);
      formulaSpans.push(...built.formulaSpans);
      if (!hover.enabled) return;
      terms.layer?.add(built.termRanges);
      if (built.formulaRanges.length) setHighlight(win, FORMULA_HIGHLIGHT, formulaRanges);
    },
  };
  session.setTermsVisible(true);
  // Time from navigation start to highlights in place, on our own element (for the benchmark).
  stampSlices(layer, sliced);
  layer.stamp('readyMs', performance.now());
  if (first.provisional) {
    // The background answered from the glossary alone while its segmenter was warming up: ask
    // again, waiting for it, and swap in the word-aware matches. The provisional terms are a
    // subset of these (engine-host.ts), and the shown highlight is replaced whole, never
    // cleared first: no term goes off and on again.
    refining = (async () => {
      const full = await annotateAll(api, parts.map((p) => p.model.text), true, signal);
      parts.forEach((p, i) => (index.articles[i] = articleIndex(p.model, full.texts[i], full.termIds)));
      ({ termRanges, termSpans, formulaRanges, formulaSpans } = await runSliced(buildRanges(index), signal, undefined, sliced));
      if (hover.enabled) {
        terms.layer?.replace(termRanges);
        setHighlight(win, FORMULA_HIGHLIGHT, formulaRanges);
      }
      stampSlices(layer, sliced);
      layer.stamp('refinedMs', performance.now());
    })().catch(() => undefined);
  }
  return session;
}

/** A collapsed range at the first character of a part (where its marker goes). */
function startRange(doc: Document, model: TextModel<Text>): Range | undefined {
  const src = toSource(model, 0);
  if (!src) return undefined;
  const r = doc.createRange();
  r.setStart(src.node, src.offset);
  r.setEnd(src.node, Math.min(src.node.data.length, src.offset + 1));
  return r;
}

/** Slice counts as data-slice-steps, data-slice-yields, data-longest-slice, data-longest-ms on our layer. */
function stampSlices(layer: MarkerLayer, s: SliceStats): void {
  layer.stamp('sliceSteps', s.steps);
  layer.stamp('sliceYields', s.yields);
  layer.stamp('longestSlice', s.longestSlice);
  layer.stamp('longestMs', s.longestMs);
}

function* modelParts(articles: FoundArticle[]): Work<Array<{ article: number; model: TextModel<Text> }>> {
  const out: Array<{ article: number; model: TextModel<Text> }> = [];
  const shared = new Map<Element, TextPiece[]>();
  for (let i = 0; i < articles.length; i++) {
    const { span, root } = articles[i];
    if (span) {
      // One of several articles in one preformatted text: its own slice of the text nodes.
      out.push({ article: i, model: piecesModel(articlePieces(root, span, shared)) });
      yield;
      continue;
    }
    for (const pieces of yield* elementTextParts(articles[i].root)) {
      out.push({ article: i, model: piecesModel(pieces) });
      yield;
    }
  }
  return out;
}

interface BuiltRanges {
  /** Term ranges per part (for lazy registration on big pages), with the span each covers. */
  termRanges: Range[][];
  termSpans: Span[][];
  formulaRanges: Range[];
  formulaSpans: Array<{ part: number; span: Span }>;
}

function* buildRanges(index: PageIndex, from = 0): Work<BuiltRanges> {
  const out: BuiltRanges = { termRanges: [], termSpans: [], formulaRanges: [], formulaSpans: [] };
  for (let ai = from; ai < index.articles.length; ai++) {
    const a = index.articles[ai];
    const part: Range[] = [];
    const spans: Span[] = [];
    out.termRanges.push(part);
    out.termSpans.push(spans);
    for (let k = 0; k < a.terms.length; k++) {
      const r = index.range(ai, a.terms[k]);
      if (r) {
        part.push(r);
        spans.push(a.terms[k]);
      }
      if (k % 200 === 199) yield;
    }
    for (let k = 0; k < a.formulas.length; k++) {
      const r = index.range(ai, a.formulas[k]);
      if (r) {
        out.formulaRanges.push(r);
        out.formulaSpans.push({ part: ai, span: a.formulas[k] });
      }
      if (k % 200 === 199) yield;
    }
    yield;
  }
  return out;
}

/**
 * Annotate texts in batches of ≈100,000 characters (no huge message), with one page-wide list
 * of term ids. Provisional if any batch was answered before the segmenter was ready.
 */
async function annotateAll(api: PageApi, texts: string[], wait: boolean, signal: AbortSignal): Promise<{ texts: TextAnnotation[]; termIds: string[]; provisional: boolean }> {
  const out: TextAnnotation[] = [];
  const termIds: string[] = [];
  let provisional = false;
  for (const batch of batches(texts, 100_000)) {
    const r = await api.annotate(batch, wait);
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    provisional ||= !!r.provisional;
    const remap = r.termIds.map((id) => {
      const i = termIds.indexOf(id);
      return i >= 0 ? i : termIds.push(id) - 1;
    });
    for (const t of r.texts) out.push({ ...t, terms: t.terms.map((v, k) => (k % 3 === 2 ? remap[v] : v)) });
  }
  return { texts: out, termIds, provisional };
}

/** Group strings into batches of about `size` characters (a long string is a batch alone). */
function batches(texts: string[], size: number): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const t of texts) {
    if (cur.length && len + t.length > size) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(t);
    len += t.length;
  }
  if (cur.length) out.push(cur);
  return out;
}
