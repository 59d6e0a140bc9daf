/**
 * The headline of an article, found where readers see it. Chinese news sites put it in an <h1>,
 * an <h2>, a <div class="title">, a bold <span> of a table layout …; what they agree on is the
 * page's title (or og:title), which carries the headline plus the site's name. So: the element
 * whose text best matches the title, never a 原标题 note, a dateline, a source or a share bar.
 * Without a title to go by (an e-paper page's title is the paper's name and date), the heading
 * nearest above the article is its headline.
 */
import { canBeHeadline, headlineFromTitle, titleSimilarity, trimHeadline } from '../articles/meta';
import { joinHeading } from '../articles/split-text';
import { countHan } from '../text/han';
import { isChrome, shortText } from './content-blocks';
import { comesBefore, isSkipped, lastDescendant, stepNode, textNodes } from './walk';
import type { Work } from './schedule';

export interface Headline {
  el: Element | null;
  text: string;
  /** How well it matches the page's title (0 … 1). */
  score: number;
}

/** The headlines the page's metadata names, site names stripped. */
export function pageTitles(doc: Document): string[] {
  const metas = ['meta[property="og:title"]', 'meta[name="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]', 'meta[name="ArticleTitle"]'];
  const out: string[] = [];
  for (const sel of metas) {
    const t = headlineFromTitle(doc.querySelector(sel)?.getAttribute('content'));
    if (t) out.push(t);
  }
  const t = headlineFromTitle(doc.title);
  if (t) out.push(t);
  return [...new Set(out)];
}

/** A heading's lines (split at <br>), whitespace-trimmed. */
export function headingLines(el: Element): string[] {
  const lines: string[] = [''];
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) lines[lines.length - 1] += (c as Text).data.replace(/\s+/g, ' ');
      else if (c.nodeType === 1 && !isSkipped(c as Element)) {
        if ((c as Element).tagName.toUpperCase() === 'BR') lines.push('');
        else visit(c);
      }
    }
  };
  visit(el);
  return lines.map((l) => l.trim()).filter(Boolean);
}

export function headingText(el: Element): string {
  const lines = headingLines(el);
  return trimHeadline(lines.length ? joinHeading(lines) : '');
}

const TAG_RANK: Record<string, number> = { H1: 0, H2: 1, H3: 2, H4: 3, H5: 3, H6: 3 };
const HEADING_HINT = /title|headline|biaoti|heading|tit\b|hd\b/i;

function rank(el: Element): number {
  const r = TAG_RANK[el.tagName.toUpperCase()];
  if (r !== undefined) return r;
  return HEADING_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) ? 2 : 4;
}

/**
 * The element whose text best matches one of `titles`. Candidates are the short text elements of
 * the page (a text node's element, widened to its parent while that adds no other text).
 */
export function* matchTitle(doc: Document, titles: string[], before: Element | null): Work<Headline | null> {
  if (!doc.body || !titles.length) return null;
  const seen = new Set<Element>();
  let best: Headline | null = null;
  let bestRank = 9;
  let bestBefore = false;
  const maxLen = Math.max(...titles.map((t) => t.length)) * 2 + 20;
  let i = 0;
  for (const node of textNodes(doc.body)) {
    if (i++ % 200 === 199) yield;
    if (countHan(node.data) < 2) continue;
    let el = node.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    const full = (el.textContent ?? '').trim();
    if (full.length > maxLen) continue;
    // Widen from an inline element (<span>, <a>, <font>) to the block that holds only it
    // (looking only at small parents: reading a big one's text per paragraph would be quadratic).
    for (let p = el.parentElement; p && p !== doc.body && p.childNodes.length <= 3 && (p.textContent ?? '').trim() === full; p = p.parentElement) el = p;
    let text = headingText(el);
    if (!canBeHeadline(text) || isChrome(el) || (el.closest('a[href]') && rank(el) > 1)) continue;
    const similarity = (s: string) => Math.max(...titles.map((t) => titleSimilarity(s, t)));
    let score = similarity(text);
    if (score < 0.5) continue;
    // A badge set in the headline (<span>原创</span>, 独家) is not part of it.
    const badge = shortText(el.firstElementChild, 4);
    if (badge && text.startsWith(badge) && similarity(text.slice(badge.length)) > score) {
      text = text.slice(badge.length).trim();
      score = similarity(text);
    }
    // The headline sits just above its article: a site's name in the masthead may match a title
    // made of the site's name and a section (新闻动态--中国地理学会官网), but it is far away.
    if (before && !nearAbove(el, before)) continue;
    // Ties: a better score, then a heading tag, then the one above the article.
    const isBefore = !!before && comesBefore(el, before);
    const r = rank(el);
    const better = !best || score > best.score + 0.05 || (Math.abs(score - best.score) <= 0.05 && (r < bestRank || (r === bestRank && isBefore && !bestBefore)));
    if (better) {
      best = { el, text, score };
      bestRank = r;
      bestBefore = isBefore;
    }
  }
  return best;
}

/** `el` is inside `block`, or comes before it with less than ~400 Han characters between. */
function nearAbove(el: Element, block: Element): boolean {
  if (block.contains(el)) return true;
  if (!comesBefore(el, block)) return false;
  let han = 0;
  // From the node after el's subtree onwards, until the block starts.
  let n: Node | null = lastDescendant(el);
  for (let i = 0; i < 5000; i++) {
    n = stepNode(n, el.ownerDocument.body ?? el.ownerDocument.documentElement, true);
    if (!n || block.contains(n)) return true;
    if (n.nodeType === 3 && !(n.parentElement && isSkipped(n.parentElement))) han += countHan((n as Text).data);
    if (han > 400) return false;
  }
  return false;
}

const HEADING = 'h1,h2,h3,h4,h5,h6,.title,.headline,[class*="title"],[class*="headline"],[class*="biaoti"]';

/** Rank of a heading: h1 before h2 …; a subtitle (——…, class *sub*) last. */
function headingRank(el: Element): number {
  const text = (el.textContent ?? '').trim();
  if (/^(?:——|--)/.test(text) || /sub/i.test(el.getAttribute('class') ?? '')) return 9;
  const m = /^H([1-6])$/.exec(el.tagName.toUpperCase());
  return m ? Number(m[1]) : 5;
}

/** The heading nearest above (or at the top of) an article's block. */
export function nearestHeading(root: Element, taken: Set<Element>): Element | null {
  const usable = (h: Element | null): h is Element => !!h && !taken.has(h) && canBeHeadline(headingText(h)) && !isChrome(h);
  const best = (hs: Element[]) => hs.filter(usable).sort((a, b) => headingRank(a) - headingRank(b))[0] ?? null;
  // Inside the article first, then the container's previous siblings and its parent's.
  const found = root.querySelectorAll(HEADING);
  const inside = best([found[0], found[1], found[2]].filter((x): x is Element => !!x));
  if (inside) return inside;
  for (let scope: Element | null = root, depth = 0; scope && depth < 3; scope = scope.parentElement, depth++) {
    const run: Element[] = [];
    for (let sib = scope.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const h = sib.matches(HEADING) ? sib : sib.querySelector(HEADING);
      if (h) run.push(h);
      else if (run.length || countHan(sib.textContent ?? '') > 60) break; // reached other content
    }
    const h = best(run);
    if (h) return h;
  }
  return null;
}
