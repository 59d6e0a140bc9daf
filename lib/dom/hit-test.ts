/**
 * The character under the pointer: caretPositionFromPoint (Firefox, Chrome 128+) with the
 * caretRangeFromPoint fallback. A hit counts only if the point lies inside that character's box
 * (the caret API snaps to the nearest character, even from blank space beside a line).
 */
export interface CaretHit {
  node: Text;
  offset: number;
  rect: DOMRect;
}

export function caretAt(doc: Document, x: number, y: number): CaretHit | null {
  let node: Node | null = null;
  let offset = 0;
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    if (p) ({ offsetNode: node, offset } = p);
  } else if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    if (r) ({ startContainer: node, startOffset: offset } = r);
  }
  if (!node || node.nodeType !== 3) return null;
  const text = node as Text;
  // The caret may sit before or after the character under the point: try both.
  for (const o of [offset, offset - 1]) {
    if (o < 0 || o >= text.data.length) continue;
    const r = doc.createRange();
    r.setStart(text, o);
    r.setEnd(text, o + 1);
    for (const rect of Array.from(r.getClientRects())) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { node: text, offset: o, rect };
    }
  }
  return null;
}
