// The text model of a DOM subtree: its text nodes as chunks, <br> and blocks as separators.
import { buildTextModel, type TextModel } from '../text/model';
import { collectText, insidePreformatted, isBlock, isPreformatted, isSkipped, type TextPiece } from './walk';
import type { Work } from './schedule';

function trimSeparators(pieces: TextPiece[]): TextPiece[] {
  let a = 0;
  let b = pieces.length;
  while (a < b && pieces[a].node === null) a++;
  while (b > a && pieces[b - 1].node === null) b--;
  return pieces.slice(a, b);
}

const toModel = (pieces: TextPiece[]) =>
  buildTextModel(pieces.map((p) => ({ text: p.text, node: p.node, collapse: p.node !== null && !p.pre, base: p.base })));

export function elementTextModel(root: Element): TextModel<Text> {
  return toModel(elementPieces(root));
}

/** The pieces of an element's text, without separators at either end. */
export function elementPieces(root: Element): TextPiece[] {
  return trimSeparators(collectText(root));
}

/**
 * The pieces of a found article: its root's, or the slice its span covers (one of several
 * articles in one preformatted text). Pass one `cache` for a page: those articles share a root,
 * whose text is then collected once.
 */
export function articlePieces(root: Element, span: { start: number; end: number } | undefined, cache: Map<Element, TextPiece[]>): TextPiece[] {
  let pieces = cache.get(root);
  if (!pieces) cache.set(root, (pieces = elementPieces(root)));
  return span ? slicePieces(pieces, span.start, span.end) : pieces;
}

/**
 * The pieces covering raw offsets [start, end) of `pieces` (their concatenated text): the
 * pieces of one article in a block that holds several (an e-paper page as one pre-wrap text).
 */
export function slicePieces(pieces: TextPiece[], start: number, end: number): TextPiece[] {
  const out: TextPiece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + p.text.length);
    if (a < b) {
      const cut: TextPiece = { ...p, text: p.text.slice(a - pos, b - pos) };
      if (p.node) cut.base = (p.base ?? 0) + (a - pos);
      out.push(cut);
    }
    pos += p.text.length;
  }
  return trimSeparators(out);
}

/**
 * The same, cut into parts of at most ~`max` characters at paragraph boundaries: a huge article
 * is then modelled, annotated and highlighted part by part, with the browser getting the main
 * thread back in between (no long task on a 1,000,000-character page).
 */
export function* elementTextParts(root: Element, max = 20_000): Work<TextPiece[][]> {
  // Walk the root's children a slice at a time (a big article is thousands of paragraphs);
  // a lone wrapper element is looked through.
  let top: Element = root;
  const onlyWrapper = (el: Element) =>
    el.children.length === 1 && !isSkipped(el.children[0]) && Array.from(el.childNodes).every((n) => n.nodeType === 1 || !(n.textContent ?? '').trim());
  while (onlyWrapper(top)) top = top.children[0];
  const pre = insidePreformatted(top);
  const raw: TextPiece[] = [];
  let n = 0;
  for (let c = top.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) raw.push(pre ? { node: c as Text, text: (c as Text).data, pre } : { node: c as Text, text: (c as Text).data });
    else if (c.nodeType === 1 && !isSkipped(c as Element)) {
      const el = c as Element;
      if (el.tagName === 'BR') raw.push({ node: null, text: '\n' });
      else {
        const block = isBlock(el);
        if (block) raw.push({ node: null, text: '\n\n' });
        raw.push(...collectText(el, pre || isPreformatted(el)));
        if (block) raw.push({ node: null, text: '\n\n' });
      }
    }
    if (++n % 200 === 0) yield;
  }
  // Runs of separators collapse to the widest, as collectText does.
  const pieces: TextPiece[] = [];
  for (const p of raw) {
    const last = pieces[pieces.length - 1];
    if (p.node === null && last?.node === null) {
      if (p.text.length > last.text.length) last.text = p.text;
    } else pieces.push(p);
  }
  const parts: TextPiece[][] = [];
  let cur: TextPiece[] = [];
  let len = 0;
  for (const p of pieces) {
    if (p.node === null && p.text.startsWith('\n\n') && len >= max) {
      parts.push(trimSeparators(cur));
      cur = [];
      len = 0;
      continue;
    }
    cur.push(p);
    len += p.text.length;
  }
  if (cur.length) parts.push(trimSeparators(cur));
  return parts.filter((p) => p.length);
}

export { toModel as piecesModel };
