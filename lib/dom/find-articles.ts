/**
 * Find the newspaper articles on a page, with headline, byline, source and dateline. One finder
 * for the browser and `dubao annotate page.html` (linkedom): it reads markup only, never layout.
 *
 * - Blocks of running text come from content-blocks.ts (paragraph scoring, chrome and labelled
 *   link/comment blocks left out).
 * - A page whose title names a headline on the page is a page about one article: the strongest
 *   block is its body. Several articles only where the page really carries several: blocks that
 *   each have their own heading on a page whose title names none of them (an e-paper page), or
 *   one preformatted text holding several headline + byline units (split as text, like a .txt).
 *
 * Why not @mozilla/readability (not a dependency): it serialises one main article out of a cloned document, while
 * Dubao needs the live text nodes (to highlight in place), every article of an e-paper page, and
 * a walk that yields to the page (a clone of a 1,000,000-character page is one long task).
 */
import { BYLINE_LINE, SOURCE_LEAD } from '../articles/patterns';
import { parseMeta } from '../articles/meta';
import { splitArticles } from '../articles/split-text';
import { rawSpan } from '../text/model';
import { countHan } from '../text/han';
import { scanBlocks, type TextBlock } from './content-blocks';
import { headingText, matchTitle, nearestHeading, pageTitles } from './headline';
import { runSync, type Work } from './schedule';
import { elementPieces, piecesModel } from './text-model';
import { comesBefore, holdsPreformatted, isSkipped, lastDescendant, stepNode } from './walk';

export interface FoundArticle {
  /** The element that holds the article's paragraphs. */
  root: Element;
  title: string | null;
  titleEl: Element | null;
  subtitle: string | null;
  byline: string | null;
  source: string | null;
  dateline: string | null;
  /** Han characters in the article's paragraphs (its weight). */
  han: number;
  /** One of several articles in one preformatted text: its raw span in elementPieces(root). */
  span?: { start: number; end: number };
}

export { isChrome } from './content-blocks';

/** Find the articles of `doc`, in document order (synchronously: Node, tests). */
export function findArticles(doc: Document, minHan = 80): FoundArticle[] {
  return runSync(scanArticles(doc, minHan));
}

/** The same, as sliced work: yields every few hundred elements (see schedule.ts). */
export function* scanArticles(doc: Document, minHan = 80): Work<FoundArticle[]> {
  const blocks = yield* scanBlocks(doc, minHan);
  if (!blocks.length) return [];
  const top = blocks[0];
  const titles = pageTitles(doc);
  const named = yield* matchTitle(doc, titles, top.el);
  const taken = new Set<Element>();
  let chosen: Array<{ block: TextBlock; titleEl: Element | null; title: string | null }>;
  if (named) {
    chosen = [{ block: top, titleEl: named.el, title: named.text }];
  } else {
    // No headline named by the title: an e-paper page (its title is the paper's name and date)
    // or a page with a generic title. Blocks with a heading of their own are articles.
    const strong = blocks.filter((b) => b.han >= Math.min(minHan * 2, top.han * 0.15));
    const headed = strong.flatMap((b) => {
      const h = nearestHeading(b.el, taken);
      if (!h) return [];
      taken.add(h);
      return [{ block: b, titleEl: h as Element | null, title: headingText(h) as string | null }];
    });
    if (headed.length >= 2) chosen = headed;
    else {
      const h = headed.find((x) => x.block === top);
      // Without a heading, the title's headline (the site's name stripped) is the best we have.
      chosen = [h ?? { block: top, titleEl: null, title: titles[0] ?? null }];
    }
  }
  chosen.sort((a, b) => a.block.order - b.block.order);
  const out: FoundArticle[] = [];
  for (const c of chosen) {
    yield;
    const several = splitPreformatted(c.block);
    if (several) {
      out.push(...several);
      continue;
    }
    const meta = metaOf(c.block.el, c.titleEl);
    out.push({ root: c.block.el, han: c.block.han, titleEl: c.titleEl, title: c.title, subtitle: null, ...meta });
  }
  return out;
}

/**
 * A block whose text is preformatted (line breaks kept) may hold a whole page of articles, as
 * text extracted from a printed page does: split it as text, the way `dubao annotate` splits a .txt.
 */
function splitPreformatted(block: TextBlock): FoundArticle[] | null {
  if (!holdsPreformatted(block.el)) return null;
  const pieces = elementPieces(block.el);
  const model = piecesModel(pieces);
  const layout = splitArticles(model.text);
  if (layout.articles.length < 2) return null;
  return layout.articles.map((a) => {
    const [start, end] = rawSpan(model, a.start, a.end);
    const han = countHan(model.text.slice(a.bodyStart, a.bodyEnd));
    const meta = parseMeta({ above: [], first: model.text.slice(a.bodyStart, Math.min(a.bodyEnd, a.bodyStart + 200)).split('\n').slice(0, 3), last: [] });
    return { root: block.el, span: { start, end }, han, titleEl: null, title: a.title, subtitle: a.subtitle, byline: a.byline, source: meta.source, dateline: meta.dateline };
  });
}

/** Short lines of readable text nodes walked from `start` (forward or backward), at most `n` of them. */
function linesNear(start: Node, within: Node, forward: boolean, n: number, stop?: Element): string[] {
  const out: string[] = [];
  let node: Node | null = start;
  for (let i = 0; i < n * 20 && out.length < n; i++) {
    node = stepNode(node, within, forward);
    if (!node || stop?.contains(node)) break;
    if (node.nodeType !== 3 || (node.parentElement && isSkipped(node.parentElement))) continue;
    const t = (node as Text).data.trim();
    if (t) out.push(t);
  }
  return out;
}

/** The text of the first element matching `selector` near the headline and above the body. */
function besideHeadline(titleEl: Element, root: Element, selector: string): string | null {
  const el = (titleEl.parentElement?.parentElement ?? titleEl).querySelector(selector);
  // Between the headline and the body (a comment's author further down is not the article's).
  if (!el || !comesBefore(el, root)) return null;
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
}

/** Byline, source and dateline: from the lines between headline and body, and the body's edges. */
function metaOf(root: Element, titleEl: Element | null): Pick<FoundArticle, 'byline' | 'source' | 'dateline'> {
  const body = root.ownerDocument.body ?? root;
  const above = titleEl ? linesNear(lastDescendant(titleEl), body, true, 12, root) : linesNear(root, body, false, 6);
  const first = linesNear(root, root, true, 4);
  // (walking back from the root's last text node)
  const last = linesNear(lastDescendant(root), root, false, 6).reverse();
  const meta = parseMeta({ above, first, last });
  // A newspaper's own source line (■本报记者 X, 本报X讯（记者 X）) is the byline.
  for (const t of [...above, ...first]) {
    if (t.length <= 40 && BYLINE_LINE.test(t)) return { ...meta, byline: t.replace(/^■\s*/, '') };
  }
  if (titleEl) {
    // Self-media pages name the account that wrote it beside the headline, and the source in an
    // element of its own, often a link without a label (新浪: <a class="source">).
    const author = meta.byline ? null : besideHeadline(titleEl, root, '[class*="author-name"],[class*="author"] [class*="name"],[itemprop="author"],.author,#author');
    if (author && author.length <= 24) meta.byline = author;
    const source = meta.source ? null : besideHeadline(titleEl, root, '.source,[class*="source"],#source,[id*="source"],[class*="media-name"],[class*="account-name"]')?.replace(/^(?:本文)?来源\s*[：:]?\s*/, '');
    if (source && source.length <= 30 && /\p{Script=Han}|[A-Za-z]{2}/u.test(source)) meta.source = source;
  }
  return meta;
}
