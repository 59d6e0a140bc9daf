/**
 * Blocks of running Chinese text on a page: paragraphs are scored by Han count, full-width
 * punctuation and link density, and each credits the element that holds it (Readability's idea,
 * tuned for Chinese: Han share and full-width punctuation instead of commas and word counts).
 * Navigation, footers, comment lists and labelled link blocks (相关新闻, 推荐阅读, 留言列表) are
 * never blocks of an article.
 */
import { countHan } from '../text/han';
import { isSkipped } from './walk';
import type { Work } from './schedule';

const UNLIKELY = /comment|reply|评论|留言|nav|menu|footer|foot|sidebar|side-bar|aside|share|related|recommend|relate|advert|\bads?\b|banner|breadcrumb|toolbar|login|copyright|tags?\b|pagination|pager|hot-?list|hotnews|rank|more-?news|guess|jump|popular|feed-?list|recomm/i;
const LIKELY = /artic|content|main|body|text|post|news|story|detail|正文|epaper|paper/i;
const PARA_TAGS = new Set(['P', 'DIV', 'TD', 'LI', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'FONT', 'SPAN', 'FOUNDER-CONTENT']);
const NESTED_BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'SECTION', 'ARTICLE', 'TABLE', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** What a block of other links or of readers' comments is labelled with. */
const ASIDE_LABEL = /^(?:相关|推荐|延伸|热门|更多|猜你|热点|精彩|网友|评论|留言|最新|作者最新|大家都在看|为您推荐|阅读排行|排行|热读|热议|往期|专题|今日推荐|编辑推荐|他的文章|文章推荐)/;

function hint(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`;
}

/** An element that is (or sits inside) page chrome: navigation, footers, comments. */
export function isChrome(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName.toUpperCase() !== 'BODY'; e = e.parentElement) {
    const tag = e.tagName.toUpperCase();
    // Not <form>: old CMS templates (VSB, used by many university and government sites) wrap
    // the whole page in one.
    if (tag === 'NAV' || tag === 'FOOTER' || tag === 'ASIDE') return true;
    if (tag === 'ARTICLE' || tag === 'MAIN') return false;
    const h = hint(e);
    if (UNLIKELY.test(h) && !LIKELY.test(h)) return true;
  }
  return false;
}

/** The short text of an element, or null if it is long (without reading all of a big one). */
export function shortText(el: Element | null, max = 24): string | null {
  if (!el) return null;
  const t = (el.textContent ?? '').trim();
  return t.length <= max ? t : null;
}

/**
 * A block under a label that says it is not the article: 相关新闻, 推荐阅读, 留言列表 (42), 网友评论.
 * The label is a short heading just before the block (or its container), or its first line.
 */
export function isLabelledAside(el: Element): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 4 && e.tagName.toUpperCase() !== 'BODY'; e = e.parentElement, depth++) {
    const before = shortText(e.previousElementSibling);
    if (before && ASIDE_LABEL.test(before)) return true;
    const first = shortText(e.firstElementChild);
    if (first && e.children.length > 1 && ASIDE_LABEL.test(first)) return true;
  }
  return false;
}

interface ParaStats {
  han: number;
  linkHan: number;
  punct: number;
  /** The element holds other paragraph-level blocks. */
  nested: boolean;
}

/** Text statistics of an element's own text (not of nested paragraph-level blocks). */
function ownStats(el: Element): ParaStats {
  const s: ParaStats = { han: 0, linkHan: 0, punct: 0, nested: false };
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
        if (NESTED_BLOCKS.has(tag)) {
          s.nested = true;
          continue;
        }
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

export interface TextBlock {
  el: Element;
  /** Han characters of running text it holds. */
  han: number;
  /** Document order (the walk's index of its first paragraph). */
  order: number;
}

function isSkippedDeep(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

/** Score the page's paragraphs; the blocks that hold them, strongest first, not nested. */
export function* scanBlocks(doc: Document, minHan: number): Work<TextBlock[]> {
  const body = doc.body;
  if (!body) return [];
  const score = new Map<Element, number>();
  const order = new Map<Element, number>();
  const credit = (holder: Element, han: number, i: number) => {
    score.set(holder, (score.get(holder) ?? 0) + han);
    if (!order.has(holder)) order.set(holder, i);
  };
  // Paragraphs that are blocks of their own (<div>s of text without <p>): credited to their
  // parent once a sibling paragraph shows that the parent is the article (163.com's <div>s).
  const leaves = new Map<Element, Array<[Element, number, number]>>();
  // A TreeWalker, not querySelectorAll('*'): it builds no list of every element up front (tens
  // of milliseconds on a huge page in Firefox) and skips scripts, forms and our UI wholesale.
  const walker = doc.createTreeWalker(body, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (isSkipped(n as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let i = 0; walker.nextNode(); i++) {
    if (i % 50 === 49) yield;
    const el = walker.currentNode as Element;
    const tag = el.tagName.toUpperCase();
    if (!PARA_TAGS.has(tag)) continue;
    // A container of hundreds of nodes is not a paragraph; its own text would cost a walk over
    // every child (an article of 10,000 paragraphs) to find out.
    if (el.childNodes.length > 400) continue;
    const s = ownStats(el);
    if (!isParagraph(s)) continue;
    if (isSkippedDeep(el) || isChrome(el)) continue;
    if (tag === 'P' || tag === 'SPAN' || tag === 'FONT') {
      if (el.parentElement) credit(el.parentElement, s.han, i);
    } else if (!s.nested && el.parentElement) {
      let list = leaves.get(el.parentElement);
      if (!list) leaves.set(el.parentElement, (list = []));
      list.push([el, s.han, i]);
    } else credit(el, s.han, i);
  }
  for (const [parent, list] of leaves) {
    if (list.length >= 2 || score.has(parent)) for (const [, han, i] of list) credit(parent, han, i);
    else for (const [el, han, i] of list) credit(el, han, i);
  }
  yield;
  const ranked = [...score.entries()].filter(([, han]) => han >= minHan).sort((a, b) => b[1] - a[1]);
  const chosen: TextBlock[] = [];
  for (const [el, han] of ranked) {
    if (chosen.some((c) => c.el.contains(el) || el.contains(c.el))) continue;
    if (isLabelledAside(el)) continue;
    chosen.push({ el, han, order: order.get(el)! });
  }
  return chosen;
}
