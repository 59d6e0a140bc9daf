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

/** Elements whose text is never read or changed: skip the whole subtree. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(UI_HOST_ATTR) || el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

export interface TextPiece {
  /** A text node, or null for a separator (block boundary, <br>). */
  node: Text | null;
  text: string;
}

/**
 * The text pieces under `root`, in document order, with "\n" at <br> and "\n\n" at block
 * boundaries, so that the text model sees lines and paragraphs as a reader does.
 */
export function collectText(root: Element): TextPiece[] {
  const out: TextPiece[] = [];
  const push = (sep: string) => {
    const last = out[out.length - 1];
    if (!last) return;
    if (last.node === null) {
      if (sep.length > last.text.length) last.text = sep;
    } else out.push({ node: null, text: sep });
  };
  const visit = (el: Element) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = (child as Text).data;
        if (t.length) out.push({ node: child as Text, text: t });
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (c.tagName.toUpperCase() === 'BR') {
          push('\n');
          continue;
        }
        if (isSkipped(c)) continue;
        const block = isBlock(c);
        if (block) push('\n\n');
        visit(c);
        if (block) push('\n\n');
      }
    }
  };
  visit(root);
  return out;
}
