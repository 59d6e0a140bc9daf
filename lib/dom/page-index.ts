/**
 * What the content script knows about the page after annotation: each article's text model,
 * glossary terms and formulas, in reading offsets; and the way from a DOM point (text
 * node, offset) back to them, and from reading spans to DOM Ranges.
 */
import { toSource, type TextModel } from '../text/model';
import type { TextAnnotation } from '../messages';
import type { Span } from '../text/span';

export interface TermSpan extends Span {
  id: string;
}

export interface ArticleIndex {
  model: TextModel<Text>;
  terms: TermSpan[];
  formulas: Span[];
}

export interface PagePoint {
  article: number;
  offset: number;
}

const pairs = (flat: number[], step: number) => {
  const out: number[][] = [];
  for (let i = 0; i + step <= flat.length; i += step) out.push(flat.slice(i, i + step));
  return out;
};

export function articleIndex(model: TextModel<Text>, a: TextAnnotation, termIds: string[]): ArticleIndex {
  return {
    model,
    terms: pairs(a.terms, 3).map(([start, end, i]) => ({ start, end, id: termIds[i] })),
    formulas: pairs(a.formulas, 2).map(([start, end]) => ({ start, end })),
  };
}

/** First span containing `offset` (spans sorted by start, non-overlapping). */
export function spanAt<S extends Span>(spans: S[], offset: number): S | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Where article text lives when a layer has put other text nodes in place of the ones the models
 * were built over (ruby: a text node becomes a wrapper of plain runs and base characters). The
 * index keeps its models over the original nodes and reads through the view both ways.
 */
export interface NodeView {
  /** The live point for (original node, offset); an end offset binds to the character before it. */
  forward(node: Text, offset: number, isEnd: boolean): { node: Text; offset: number };
  /** The original node and offset for a live point in one of the layer's nodes (null: not one). */
  back(node: Node, offset: number): { node: Text; offset: number } | null;
}

export class PageIndex {
  /** Set while ruby is on (lib/dom/ruby.ts RubyLayer). */
  view: NodeView | null = null;

  // A node may be cut between articles (one pre-wrap text holding a whole e-paper page).
  private nodes = new Map<Text, Array<{ article: number; chunk: number }>>();

  constructor(readonly articles: ArticleIndex[]) {
    articles.forEach((a, ai) => this.indexNodes(a, ai));
  }

  private indexNodes(a: ArticleIndex, ai: number): void {
    a.model.chunks.forEach((c, ci) => {
      if (!c.node) return;
      const list = this.nodes.get(c.node);
      if (list) list.push({ article: ai, chunk: ci });
      else this.nodes.set(c.node, [{ article: ai, chunk: ci }]);
    });
  }

  /** Parts the page added after load (blocks it appended): indexed after the others. Returns the first new index. */
  add(parts: ArticleIndex[]): number {
    const first = this.articles.length;
    for (const a of parts) this.indexNodes(a, this.articles.push(a) - 1);
    return first;
  }

  /** Is this text node part of an indexed article? */
  has(node: Node): boolean {
    return this.nodes.has(node as Text) || this.nodes.has(this.view?.back(node, 0)?.node as Text);
  }

  /** Reading offset of a DOM point, if the node is article text. */
  pointAt(node: Node, offset: number): PagePoint | null {
    const orig = this.view?.back(node, offset);
    if (orig) ({ node, offset } = orig);
    const list = this.nodes.get(node as Text);
    if (!list) return null;
    const hit =
      list.find(({ article, chunk }) => {
        const c = this.articles[article].model.chunks[chunk];
        const base = c.base ?? 0;
        return offset >= base && offset <= base + c.text.length;
      }) ?? list[0];
    const { model } = this.articles[hit.article];
    const raw = model.chunkStarts[hit.chunk] + offset - (model.chunks[hit.chunk].base ?? 0);
    // toRaw is increasing: the reading offset is the last index whose raw offset is ≤ raw.
    let lo = 0;
    let hi = model.text.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (model.toRaw[mid] <= raw) lo = mid;
      else hi = mid - 1;
    }
    return { article: hit.article, offset: lo };
  }

  /** A live Range for a reading span of an article (null if its nodes left the DOM). */
  range(article: number, span: Span): Range | null {
    const ends = this.ends(article, span);
    if (!ends) return null;
    const r = ends[0].node.ownerDocument!.createRange();
    return this.place(r, article, span) ? r : null;
  }

  /**
   * Put an existing Range over a reading span (true if it could): ranges kept by a highlight
   * follow the text when ruby replaces or gives back its nodes, without a new set being built.
   */
  place(r: Range, article: number, span: Span): boolean {
    const ends = this.ends(article, span);
    if (!ends) return false;
    const [a, b] = ends;
    // Unchanged: left alone (a boundary set again still makes the browser repaint its highlight).
    if (r.startContainer === a.node && r.startOffset === a.offset && r.endContainer === b.node && r.endOffset === b.offset) return true;
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch {
      return false;
    }
    return true;
  }

  /** The live DOM points a reading span starts and ends at (null if its nodes left the DOM). */
  private ends(article: number, span: Span): [{ node: Text; offset: number }, { node: Text; offset: number }] | null {
    const { model } = this.articles[article];
    let a = toSource(model, span.start);
    let b = toSource(model, span.end, true);
    if (a && b && this.view) {
      a = this.view.forward(a.node, a.offset, false);
      b = this.view.forward(b.node, b.offset, true);
    }
    if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
    return [a, b];
  }

  /** All term occurrences in page order, with their article. */
  allTerms(): Array<TermSpan & { article: number }> {
    return this.articles.flatMap((a, article) => a.terms.map((t) => ({ ...t, article })));
  }

  countOf(id: string): number {
    let n = 0;
    for (const a of this.articles) for (const t of a.terms) if (t.id === id) n++;
    return n;
  }

  text(article: number, span: Span): string {
    return this.articles[article].model.text.slice(span.start, span.end);
  }
}
