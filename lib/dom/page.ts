/**
 * One page's session: decide whether the page is Chinese, find its articles in slices, ask the
 * background to annotate them, then mark articles, highlight terms and answer hovers.
 * Everything is bound to an AbortSignal, so a disable, an update or a switch-off leaves
 * nothing behind.
 */
import { looksChinese } from '../text/han';
import type { ArticleStatus, BackgroundMessages, Res } from '../messages';
import { scanArticles, type FoundArticle } from './find-articles';
import { clearHighlights, FORMULA_HIGHLIGHT, setHighlight, TERM_BG_HIGHLIGHT, TERM_HIGHLIGHT } from './highlights';
import { HoverCards, type HoverApi } from './hover';
import { MarkerLayer } from './markers';
import { articleIndex, PageIndex } from './page-index';
import { runSliced } from './schedule';
import { elementTextModel } from './text-model';
import { isSkipped } from './walk';

/** Sample the page's visible text cheaply (no layout): the first ~4,000 characters. */
export function sampleText(doc: Document, limit = 4000): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && isSkipped(n.parentElement) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let out = '';
  while (out.length < limit && walker.nextNode()) out += (walker.currentNode as Text).data;
  return out;
}

export function pageIsChinese(doc: Document): boolean {
  const lang = (doc.documentElement.lang || '').toLowerCase();
  if (lang.startsWith('ja') || lang.startsWith('ko')) return false;
  return looksChinese(sampleText(doc));
}

export interface PageSession {
  articles: FoundArticle[];
  index: PageIndex;
  hover: HoverCards;
  status(): ArticleStatus[];
  /** Show or hide term highlights and hover cards, in the reader's highlight style. */
  setTermsVisible(on: boolean, style?: 'underline' | 'background'): void;
}

export interface PageApi extends HoverApi {
  annotate(texts: string[]): Promise<Res<BackgroundMessages, 'annotate'>>;
}

export async function startPage(doc: Document, api: PageApi, signal: AbortSignal): Promise<PageSession> {
  const articles = await runSliced(scanArticles(doc), signal);
  const models = articles.map((a) => elementTextModel(a.root));
  // The background segments and matches: the content script carries no dictionary.
  const result = articles.length ? await api.annotate(models.map((m) => m.text)) : { texts: [], termIds: [], engine: '' };
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  const index = new PageIndex(models.map((m, i) => articleIndex(m, result.texts[i], result.termIds)));
  const win = doc.defaultView!;

  const termRanges = index.articles.flatMap((a, ai) => a.terms.map((t) => index.range(ai, t))).filter((r): r is Range => !!r);
  const formulaRanges = index.articles.flatMap((a, ai) => a.formulas.map((f) => index.range(ai, f))).filter((r): r is Range => !!r);
  signal.addEventListener('abort', () => clearHighlights(win));

  const layer = new MarkerLayer(doc, signal);
  // Time from navigation start to highlights in place, on our own element (for the benchmark).
  layer.stamp('readyMs', performance.now());
  layer.show(
    articles.map((a, i) => ({
      el: a.titleEl && a.titleEl.compareDocumentPosition(a.root) & 4 ? a.titleEl : a.root,
      label: `读报 ${i + 1}/${articles.length} · ${a.title ?? models[i].text.trim().slice(0, 16)}`,
    })),
  );
  const hover = new HoverCards(doc, index, api, signal);
  const session: PageSession = {
    articles,
    index,
    hover,
    status: () => articles.map((a) => ({ title: a.title, byline: a.byline, han: a.han })),
    setTermsVisible(on, style = 'underline') {
      setHighlight(win, TERM_HIGHLIGHT, on && style === 'underline' ? termRanges : []);
      setHighlight(win, TERM_BG_HIGHLIGHT, on && style === 'background' ? termRanges : []);
      setHighlight(win, FORMULA_HIGHLIGHT, on ? formulaRanges : []);
      hover.enabled = on;
      if (!on) hover.close();
    },
  };
  session.setTermsVisible(true);
  return session;
}
