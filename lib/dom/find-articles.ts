/**
 * Find the newspaper articles on a page: the blocks of running Chinese text, not the
 * navigation, link lists, comments or footers around them; several per page on e-paper.
 *
 * Why not @mozilla/readability: it serialises one main article out of a cloned document.
 * Dubao needs the live text nodes (to highlight and annotate in place) and every article of
 * an e-paper front page, with its Chinese source line (本报X讯, ■本报记者 X). The scoring
 * below is Readability's idea (text density, link density, class hints) tuned for Chinese:
 * Han share and full-width punctuation instead of commas and word counts.
 */
import { BYLINE_LINE, SOURCE_LEAD } from '../articles/patterns';
import { joinHeading } from '../articles/split-text';
import { countHan } from '../text/han';
import { isSkipped } from './walk';
import { runSync, type Work } from './schedule';

export interface FoundArticle {
  /** The element that holds the article's paragraphs. */
  root: Element;
  title: string | null;
  titleEl: Element | null;
  byline: string | null;
  /** Han characters in the article's paragraphs (its weight). */
  han: number;
}

const UNLIKELY = /comment|reply|评论|nav|menu|footer|foot|sidebar|side-bar|aside|share|related|recommend|advert|\bads?\b|banner|breadcrumb|toolbar|login|copyright|tags?\b|pagination|pager|hot-?list|rank/i;
const LIKELY = /article|content|main|body|text|post|news|story|detail|正文|epaper|paper/i;
const PARA_TAGS = new Set(['P', 'DIV', 'TD', 'LI', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'FONT', 'SPAN', 'FOUNDER-CONTENT']);

function hint(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`;
}

/** An element that is (or sits inside) page chrome: navigation, footers, comments. */
export function isChrome(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    const tag = e.tagName.toUpperCase();
    if (tag === 'NAV' || tag === 'FOOTER' || tag === 'ASIDE' || tag === 'FORM') return true;
    if (tag === 'ARTICLE' || tag === 'MAIN') return false;
    const h = hint(e);
    if (UNLIKELY.test(h) && !LIKELY.test(h)) return true;
  }
  return false;
}

interface ParaStats {
  han: number;
  linkHan: number;
  punct: number;
}

/** Text statistics of an element's own text (not of nested paragraph-level blocks). */
function ownStats(el: Element): ParaStats {
  const s: ParaStats = { han: 0, linkHan: 0, punct: 0 };
  const visit = (node: Node, inLink: boolean) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data;
        const h = countHan(t);
        s.han += h;
        if (inLink) s.linkHan += h;
        s.punct += t.match(/[，。、；：？！“”]/g)?.length ?? 0;
      } else if (c.nodeType === 1) {
        const e = c as Element;
        if (isSkipped(e)) continue;
        const tag = e.tagName.toUpperCase();
        if (tag === 'P' || tag === 'DIV' || tag === 'LI' || tag === 'TD' || tag === 'SECTION' || tag === 'ARTICLE' || tag === 'TABLE') continue;
        visit(e, inLink || tag === 'A');
      }
    }
  };
  visit(el, false);
  return s;
}

/** A paragraph of running text: enough Han, some punctuation, few links. */
function isParagraph(s: ParaStats): boolean {
  return s.han >= 8 && s.linkHan / s.han < 0.3 && (s.punct >= 1 || s.han >= 40);
}

const HEADING = 'h1,h2,h3,h4,.title,.headline,[class*="title"],[class*="headline"],[class*="biaoti"]';

/** Rank of a heading: h1 before h2 …; a subtitle (——…, class *sub*) last. */
function headingRank(el: Element): number {
  const text = (el.textContent ?? '').trim();
  if (/^(?:——|--)/.test(text) || /sub/i.test(el.getAttribute('class') ?? '')) return 9;
  const m = /^H([1-6])$/.exec(el.tagName.toUpperCase());
  return m ? Number(m[1]) : 5;
}

function headingOf(root: Element, taken: Set<Element>): Element | null {
  const usable = (h: Element | null): h is Element => !!h && !taken.has(h) && countHan(h.textContent ?? '') >= 2;
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

function bylineOf(root: Element): string | null {
  const scope = root.parentElement ?? root;
  // Only the first few candidates matter; index the NodeList rather than copy it (a huge
  // article has tens of thousands, and in Firefox each copied element is a wrapper).
  const list = scope.querySelectorAll('p,div,span,td,.byline,.author,[class*="author"]');
  for (let i = 0; i < Math.min(40, list.length); i++) {
    const el = list[i];
    const t = (el.textContent ?? '').trim();
    if (!t || t.length > 200) continue;
    if (t.length <= 40 && BYLINE_LINE.test(t)) return t.replace(/^■\s*/, '');
    const lead = t.slice(0, 30).match(SOURCE_LEAD);
    if (lead) return lead[0];
  }
  return null;
}

/** Find the articles of `doc`, in document order (synchronously: Node, tests). */
export function findArticles(doc: Document, minHan = 80): FoundArticle[] {
  return runSync(scanArticles(doc, minHan));
}

/** The same, as sliced work: yields every few hundred elements (see schedule.ts). */
export function* scanArticles(doc: Document, minHan = 80): Work<FoundArticle[]> {
  const body = doc.body;
  if (!body) return [];
  const score = new Map<Element, number>();
  const order = new Map<Element, number>(); // document order, without compareDocumentPosition
  // A TreeWalker, not querySelectorAll('*'): it builds no list of every element up front (tens
  // of milliseconds on a huge page in Firefox) and skips scripts, forms and our UI wholesale.
  const walker = doc.createTreeWalker(body, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (isSkipped(n as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let i = 0; walker.nextNode(); i++) {
    if (i % 50 === 49) yield;
    const el = walker.currentNode as Element;
    if (!PARA_TAGS.has(el.tagName.toUpperCase())) continue;
    // A container of hundreds of nodes is not a paragraph; its own text would cost a walk over
    // every child (an article of 10,000 paragraphs) to find out.
    if (el.childNodes.length > 400) continue;
    const s = ownStats(el);
    if (!isParagraph(s)) continue;
    if (isSkippedDeep(el) || isChrome(el)) continue;
    // A paragraph credits its parent: the element that holds an article's paragraphs.
    const holder = el.tagName.toUpperCase() === 'P' || el.tagName.toUpperCase() === 'SPAN' || el.tagName.toUpperCase() === 'FONT' ? el.parentElement : el;
    if (!holder) continue;
    score.set(holder, (score.get(holder) ?? 0) + s.han);
    if (!order.has(holder)) order.set(holder, i);
  }
  const ranked = [...score.entries()].filter(([, han]) => han >= minHan).sort((a, b) => b[1] - a[1]);
  const chosen: Array<[Element, number]> = [];
  for (const [el, han] of ranked) {
    if (chosen.some(([c]) => c.contains(el) || el.contains(c))) continue;
    chosen.push([el, han]);
  }
  // The strongest article sets the scale: on a single-article page, stray text blocks
  // (an about box, a teaser) fall well below it.
  const top = chosen[0]?.[1] ?? 0;
  const kept = chosen.filter(([, han]) => han >= Math.min(minHan * 2, top * 0.15));
  kept.sort(([a], [b]) => order.get(a)! - order.get(b)!);
  const taken = new Set<Element>();
  return kept.map(([root, han]) => {
    const titleEl = headingOf(root, taken);
    if (titleEl) taken.add(titleEl);
    const parts = titleEl ? headingLines(titleEl) : [];
    return { root, han, titleEl, title: parts.length ? joinHeading(parts) : null, byline: bylineOf(root) };
  });
}

/** A heading's lines (split at <br>), whitespace-trimmed. */
function headingLines(el: Element): string[] {
  const lines: string[] = [''];
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) lines[lines.length - 1] += (c as Text).data.replace(/\s+/g, ' ');
      else if (c.nodeType === 1) {
        if ((c as Element).tagName.toUpperCase() === 'BR') lines.push('');
        else visit(c);
      }
    }
  };
  visit(el);
  return lines.map((l) => l.trim()).filter(Boolean);
}

function isSkippedDeep(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}
