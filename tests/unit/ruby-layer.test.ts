// The ruby layer as the page index's NodeView (lib/dom/ruby.ts, lib/dom/page-index.ts) on a
// linkedom page: a text node's characters become ruby's pieces, points map both ways between the
// original node and the pieces, the index reads through it, and taking ruby off gives the
// original node back with the DOM as it was.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { RubyLayer, RUBY_RUN_TAG } from '../../lib/dom/ruby';
import { PageIndex } from '../../lib/dom/page-index';
import { elementTextModel } from '../../lib/dom/text-model';

function page() {
  const { document } = parseHTML('<!doctype html><html><body><p id="p">会议强调A，推进“三定”。</p></body></html>');
  const p = document.getElementById('p')!;
  return { document: document as unknown as Document, p: p as unknown as HTMLElement, text: p.firstChild as unknown as Text };
}

// One syllable per UTF-16 index where a Han character starts ('' elsewhere), as the controller spreads them.
const syllables = (s: string) => [...s].map((ch) => (/\p{Script=Han}/u.test(ch) ? 'x' : ''));

describe('RubyLayer as a NodeView', () => {
  it('maps points between the original text node and its pieces, both ways', () => {
    const { document, p, text } = page();
    const before = p.outerHTML;
    const layer = new RubyLayer(document);
    expect(layer.apply([text], () => syllables(text.data), { style: 'marks', toneColors: false })).toBe(8);
    expect(text.isConnected).toBe(false);
    expect(p.querySelectorAll(RUBY_RUN_TAG)).toHaveLength(1);
    // 推 (index 6) is the base of its own ruby; A (index 4) sits in a plain run with nothing else.
    const tui = layer.forward(text, 6, false);
    expect(tui.node.data).toBe('推');
    expect(tui.offset).toBe(0);
    expect(tui.node.parentElement!.tagName).toBe('RUBY');
    // An end offset binds to the character before: the end of 进 (index 8) is inside 进's piece.
    const end = layer.forward(text, 8, true);
    expect([end.node.data, end.offset]).toEqual(['进', 1]);
    const a = layer.forward(text, 4, false);
    expect([a.node.data, a.offset]).toEqual(['A，', 0]);
    expect(layer.back(a.node, 1)).toEqual({ node: text, offset: 5 });
    expect(layer.back(tui.node, 0)).toEqual({ node: text, offset: 6 });
    // Not a piece (the reading in <rt>): nothing.
    const rt = tui.node.parentElement!.querySelector('rt')!.firstChild!;
    expect(layer.back(rt, 0)).toBeNull();
    layer.remove();
    expect(text.isConnected).toBe(true);
    expect(p.outerHTML).toBe(before);
    // Off: points are the original node's again.
    expect(layer.forward(text, 6, false)).toEqual({ node: text, offset: 6 });
  });

  it('lets the page index keep its model over the original node and read through the pieces', () => {
    const { document, p, text } = page();
    const model = elementTextModel(p as unknown as Element);
    const index = new PageIndex([{ model, terms: [{ start: 9, end: 11, id: 'sanding' }], formulas: [] }]);
    const layer = new RubyLayer(document);
    layer.apply([text], () => syllables(text.data), { style: 'marks', toneColors: false });
    index.view = layer;
    const san = layer.forward(text, 9, false).node;
    // The hover card's way in: a point in ruby's piece is article text.
    expect(index.has(san)).toBe(true);
    expect(index.pointAt(san, 0)).toEqual({ article: 0, offset: 9 });
    // A range over the term: from 三's piece to the end of 定's.
    const stub = { startContainer: null as Node | null, startOffset: 0, endContainer: null as Node | null, endOffset: 0, setStart(n: Node, o: number) { this.startContainer = n; this.startOffset = o; }, setEnd(n: Node, o: number) { this.endContainer = n; this.endOffset = o; } };
    expect(index.place(stub as unknown as Range, 0, { start: 9, end: 11 })).toBe(true);
    expect([(stub.startContainer as Text).data, stub.startOffset, (stub.endContainer as Text).data, stub.endOffset]).toEqual(['三', 0, '定', 1]);
    // Ruby off, the view gone: the same range goes back onto the original node.
    layer.remove();
    index.view = null;
    expect(index.place(stub as unknown as Range, 0, { start: 9, end: 11 })).toBe(true);
    expect([stub.startContainer, stub.startOffset, stub.endContainer, stub.endOffset]).toEqual([text, 9, text, 11]);
  });
});
