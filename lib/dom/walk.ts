/**
 * Walking a page's text. Knows which elements never hold article text (scripts, forms,
 * editable areas, code, ruby annotations, our own UI) and where blocks begin and end.
 * Works on any DOM implementation (the browser, linkedom in Node).
 */
export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO',
  'AUDIO', 'RT', 'RP', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'BODY', 'CENTER',
]);

/** The host element of Dubao's own UI: never scanned. */
export const UI_HOST_ATTR = 'data-dubao-ui';

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** Elements whose text is never read or changed: skip the whole subtree. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(UI_HOST_ATTR) || el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  // Hidden by its own style (spam keyword blocks, 原标题 notes kept for search engines).
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return false;
}

export interface TextPiece {
  /** A text node, or null for a separator (block boundary, <br>). */
  node: Text | null;
  text: string;
  /** The text is preformatted (white-space: pre…): its line breaks are lines the reader sees. */
  pre?: boolean;
  /** Where `text` starts in the node's data (a piece may be part of a node). */
  base?: number;
}

const PRE_STYLE = /white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b/i;
const preSelectorCache = new WeakMap<Document, { list: HTMLCollectionOf<HTMLStyleElement>; styles: number; selector: string | null }>();

/** Selectors of the page's own style rules that preserve line breaks (.content { white-space: pre-wrap }). */
function preSelector(doc: Document): string | null {
  // Asked for every element of a walk: answer from the cache while the page's <style> elements
  // stay the same (a live collection's length is cheap; a querySelectorAll per element is not).
  const cached = preSelectorCache.get(doc);
  if (cached && cached.list.length === cached.styles) return cached.selector;
  const list = doc.getElementsByTagName('style');
  const sels: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (const m of (list[i].textContent ?? '').matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      if (!PRE_STYLE.test(m[2])) continue;
      for (const sel of m[1].split(',')) {
        const t = sel.trim();
        try {
          doc.querySelector(t);
          if (t) sels.push(t);
        } catch {
          // a selector this DOM cannot read: ignore it
        }
      }
    }
  }
  const selector = sels.length ? sels.join(',') : null;
  preSelectorCache.set(doc, { list, styles: list.length, selector });
  return selector;
}

/**
 * Does this element keep its text's line breaks? Read from the markup (its style attribute and
 * the page's style rules), not from computed style, so that the browser and the command line
 * (linkedom, no layout) see the same lines. E-paper text views and PDF-to-HTML pages lay a whole
 * page out this way.
 */
export function isPreformatted(el: Element): boolean {
  const style = el.getAttribute('style');
  if (style && PRE_STYLE.test(style)) return true;
  const sel = el.ownerDocument ? preSelector(el.ownerDocument) : null;
  return !!sel && el.matches(sel);
}

/** Some text under `el` (or `el` itself) keeps its line breaks: one query, not a walk. */
export function holdsPreformatted(el: Element): boolean {
  if (insidePreformatted(el)) return true;
  for (const d of el.querySelectorAll('[style*="white-space"]')) if (isPreformatted(d)) return true;
  const sel = el.ownerDocument ? preSelector(el.ownerDocument) : null;
  return !!sel && !!el.querySelector(sel);
}

/** The element or one of its ancestors keeps line breaks. */
export function insidePreformatted(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isPreformatted(e)) return true;
  return false;
}

/**
 * The text pieces under `root`, in document order, with "\n" at <br> and "\n\n" at block
 * boundaries, so that the text model sees lines and paragraphs as a reader does.
 */
export function collectText(root: Element, pre = insidePreformatted(root)): TextPiece[] {
  const out: TextPiece[] = [];
  const push = (sep: string) => {
    const last = out[out.length - 1];
    if (!last) return;
    if (last.node === null) {
      if (sep.length > last.text.length) last.text = sep;
    } else out.push({ node: null, text: sep });
  };
  const visit = (el: Element, pre: boolean) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = (child as Text).data;
        if (t.length) out.push(pre ? { node: child as Text, text: t, pre } : { node: child as Text, text: t });
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (c.tagName.toUpperCase() === 'BR') {
          push('\n');
          continue;
        }
        if (isSkipped(c)) continue;
        const block = isBlock(c);
        if (block) push('\n\n');
        visit(c, pre || isPreformatted(c));
        if (block) push('\n\n');
      }
    }
  };
  visit(root, pre);
  return out;
}

/**
 * Does `a` come before `b` in document order (and is not its ancestor)? Written out because
 * linkedom's compareDocumentPosition answers wrongly in table layouts; the browser and the
 * command line must agree.
 */
export function comesBefore(a: Node, b: Node): boolean {
  if (a === b || a.contains(b) || b.contains(a)) return false;
  const chain = (n: Node) => {
    const out: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) out.unshift(x);
    return out;
  };
  const ca = chain(a);
  const cb = chain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === 0) return false;
  for (let s: Node | null = ca[i]; s; s = s.nextSibling) if (s === cb[i]) return true;
  return false;
}

/** The deepest last descendant of `n` (itself if it has no children). */
export function lastDescendant(n: Node): Node {
  while (n.lastChild) n = n.lastChild;
  return n;
}

/**
 * The next node in document order inside `within` (forward), or the previous one (backward).
 * Written out because linkedom's TreeWalker cannot go back.
 */
export function stepNode(n: Node, within: Node, forward: boolean): Node | null {
  if (forward) {
    if (n.firstChild) return n.firstChild;
    for (let x: Node | null = n; x && x !== within; x = x.parentNode) if (x.nextSibling) return x.nextSibling;
    return null;
  }
  if (n === within) return null;
  if (n.previousSibling) return lastDescendant(n.previousSibling);
  return n.parentNode === within ? null : n.parentNode;
}

/**
 * The readable text nodes under `root`, in document order (skipped subtrees left out). Each node
 * is checked again: linkedom's TreeWalker ignores the filter, and Node and browsers must agree.
 */
export function* textNodes(root: Element): Generator<Text> {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */, {
    acceptNode: (n) => (n.parentElement && isSkipped(n.parentElement) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (node.parentElement && isSkipped(node.parentElement)) continue;
    yield node;
  }
}
