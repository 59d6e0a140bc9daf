// The PDF text layer's text model (lib/dom/pdf-text-layer.ts): reading characters located in the
// spans pdf.js lays over the page, a word broken at a line's end read as one word, and the page
// index (DOM point ↔ reading offset, reading span → Range) working on it as on a web page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textLayerModel } from '../../lib/dom/pdf-text-layer';
import { articleIndex, PageIndex } from '../../lib/dom/page-index';
import { toSource } from '../../lib/text/model';

/** A text layer: one span per item (an empty item has no text node, as in pdf.js). */
function layer(items: string[]) {
  const { document } = parseHTML(`<!doctype html><html><body><div class="textLayer">${items.map(() => '<span></span>').join('')}</div></body></html>`);
  // linkedom's Range is enough for nothing here: a stand-in that records its ends.
  (document as unknown as { createRange: () => object }).createRange = () => ({
    setStart(n: Node, o: number) {
      Object.assign(this, { startContainer: n, startOffset: o });
    },
    setEnd(n: Node, o: number) {
      Object.assign(this, { endContainer: n, endOffset: o });
    },
  });
  const spans = [...document.querySelectorAll('span')];
  items.forEach((s, i) => s && spans[i].append(document.createTextNode(s)));
  return { document, nodes: spans.map((s) => (s.firstChild as Text | null) ?? null) };
}

describe('textLayerModel', () => {
  // Items: a headline, a line ending in 高质量发, an empty item, the next line starting 展; the
  // reading text joins 发|展 and puts a line break after the headline.
  const items = ['两个确立', '推进高质量发', '', '展，坚定不移'];
  const text = '两个确立\n推进高质量发展，坚定不移';
  const item = [0, 0, 0, 0, -1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3];
  const offset = [0, 1, 2, 3, 0, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5];

  it('maps every reading character to its span and offset, and a break to no node', () => {
    const { nodes } = layer(items);
    const model = textLayerModel(text, item, offset, nodes);
    expect(model.text).toBe(text);
    for (let i = 0; i < text.length; i++) {
      const src = toSource(model, i);
      if (item[i] < 0) continue;
      expect(src?.node).toBe(nodes[item[i]]);
      expect(src?.offset).toBe(offset[i]);
      expect(src!.node.data[src!.offset]).toBe(text[i]);
    }
    expect(model.chunks.map((c) => (c.node ? c.text : null))).toEqual(['两个确立', null, '推进高质量发', '展，坚定不移']);
  });

  it('gives the page index spans across the broken word and points back from the spans', () => {
    const { nodes } = layer(items);
    const model = textLayerModel(text, item, offset, nodes);
    const start = text.indexOf('高质量发展');
    const index = new PageIndex([articleIndex(model, { terms: [start, start + 5, 0, 0, 4, 1], formulas: [] } as never, ['gaozhiliang', 'liangge'])]);
    const r = index.range(0, { start, end: start + 5 })!;
    expect(r.startContainer).toBe(nodes[1]);
    expect(r.startOffset).toBe(2);
    expect(r.endContainer).toBe(nodes[3]);
    expect(r.endOffset).toBe(1);
    // The pointer on 展 (item 3, offset 0) is the word's last character in the reading text.
    expect(index.pointAt(nodes[3]!, 0)).toEqual({ article: 0, offset: start + 4 });
    expect(index.pointAt(nodes[0]!, 2)).toEqual({ article: 0, offset: 2 });
  });

  it('keeps a character the layout normalised (a radical read as its character) on its span', () => {
    // Chromium's PDFs can name the Kangxi radical ⽇ for 日: the layout reads 日, the span holds ⽇.
    const { nodes } = layer(['济宁⽇报']);
    const model = textLayerModel('济宁日报', [0, 0, 0, 0], [0, 1, 2, 3], nodes);
    expect(model.chunks).toHaveLength(1);
    expect(toSource(model, 2)).toEqual({ node: nodes[0], offset: 2 });
  });
});
