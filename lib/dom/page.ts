/**
 * One page's session: decide whether the page is Chinese, find its articles in slices, ask
 * the background to segment them, and mark them. Everything is bound to an AbortSignal, so a
 * disable, an update or a switch-off leaves nothing behind.
 */
import { looksChinese } from '../text/han';
import type { ArticleStatus } from '../messages';
import { scanArticles, type FoundArticle } from './find-articles';
import { MarkerLayer } from './markers';
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
  status(): ArticleStatus[];
}

export interface Engine {
  segment(texts: string[]): Promise<number[][]>;
}

export async function startPage(doc: Document, engine: Engine, signal: AbortSignal): Promise<PageSession> {
  const articles = await runSliced(scanArticles(doc), signal);
  const models = articles.map((a) => elementTextModel(a.root));
  // Segment in the background: the content script carries no dictionary.
  const tokens = articles.length ? await engine.segment(models.map((m) => m.text)) : [];
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  const layer = new MarkerLayer(doc, signal);
  layer.show(
    articles.map((a, i) => ({
      el: a.titleEl && a.titleEl.compareDocumentPosition(a.root) & 4 ? a.titleEl : a.root,
      label: `读报 ${i + 1}/${articles.length} · ${a.title ?? models[i].text.trim().slice(0, 16)} · ${(tokens[i]?.length ?? 0) / 2} 词`,
    })),
  );
  return {
    articles,
    status: () => articles.map((a) => ({ title: a.title, byline: a.byline, han: a.han })),
  };
}
