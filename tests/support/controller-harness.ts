// The page controller's test harness (tests/unit/controller.test.ts): a linkedom page with the
// browser stand-ins it needs and a fake background answering from the real engine, which logs
// each call. Its hooks (the engine warmed before the first test, every run aborted after each)
// register in the test file that imports it.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, vi } from 'vitest';
import { PageController, type ControllerApi, type PageState } from '../../lib/dom/controller';
import { PageConverter } from '../../lib/dom/page-converter';
import { RubyLayer } from '../../lib/dom/ruby';
import { TERM_HIGHLIGHT } from '../../lib/dom/highlights';
import { EngineHost } from '../../lib/background/engine-host';
import { nodeWasmSegmenter } from '../../lib/segment/wasm-node';
import { nodeGlossary } from '../../lib/glossary/node-glossary';
import { DEFAULT_SETTINGS, type Settings, type SiteRule } from '../../lib/settings/model';

const engine = new EngineHost({
  segmenter: async () => nodeWasmSegmenter(),
  glossary: async () => nodeGlossary().entries,
  cedict: () => Promise.reject(new Error('lookup is not used here')),
  idf: () => Promise.reject(new Error('digest is not used here')),
});
// Ready before the first page: answers are word-aware at once (no provisional second request).
beforeAll(() => engine.ready(), 30_000);

// dynamic.html without its script (linkedom runs none; its additions are not needed here).
const PAGE = readFileSync(new URL('../fixtures/pages/dynamic.html', import.meta.url), 'utf8').replace(/<script>[\s\S]*?<\/script>/, '');

/** Enough of a live Range for the page index, the highlights and the markers. */
class StubRange {
  startContainer: Node | null = null;
  startOffset = 0;
  endContainer: Node | null = null;
  endOffset = 0;
  setStart(node: Node, offset: number) {
    this.startContainer = node;
    this.startOffset = offset;
  }
  setEnd(node: Node, offset: number) {
    this.endContainer = node;
    this.endOffset = offset;
  }
  // (The first stage's quick count reads the document through a Range: lib/dom/sample.ts allText.)
  selectNodeContents(node: Node) {
    this.setStart(node, 0);
    this.setEnd(node, node.childNodes.length);
  }
  setEndBefore() {}
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
  toString() {
    if (this.startContainer !== this.endContainer) return '';
    const n = this.startContainer as Node;
    return n.nodeType === 3 ? (n as Text).data.slice(this.startOffset, this.endOffset) : (n.textContent ?? (n as Document).documentElement?.textContent ?? '');
  }
  getBoundingClientRect() {
    return { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 };
  }
  getClientRects() {
    return [];
  }
}

export const log: string[] = [];

/** A range as a key: its nodes (numbered) and offsets. */
const nodeIds = new WeakMap<Node, number>();
let nodeCount = 0;
const nodeId = (n: Node | null) => {
  if (!n) return -1;
  if (!nodeIds.has(n)) nodeIds.set(n, ++nodeCount);
  return nodeIds.get(n)!;
};
const rangeKey = (r: StubRange) => `${nodeId(r.startContainer)}:${r.startOffset}-${nodeId(r.endContainer)}:${r.endOffset}`;

/**
 * `taken`: every term highlight that was on screen and went away when the registered highlight
 * was replaced or deleted (a flicker when it comes back). `intersecting`: the stand-in
 * IntersectionObserver reports every observed element as in view (lazy highlights then show).
 */
function stubBrowser(window: Record<string, unknown>, document: Document, opts: { intersecting?: boolean } = {}) {
  (document as unknown as { createRange: () => StubRange }).createRange = () => new StubRange();
  const highlights = new Map<string, Set<StubRange>>();
  const taken: string[] = [];
  const replacing = (name: string, next: Set<StubRange> | undefined) => {
    if (name !== TERM_HIGHLIGHT) return;
    const kept = new Set([...(next ?? [])].map(rangeKey));
    for (const r of highlights.get(name) ?? []) if (!kept.has(rangeKey(r))) taken.push(r.toString());
  };
  const registry = {
    get: (name: string) => highlights.get(name),
    set: (name: string, h: Set<StubRange>) => {
      replacing(name, h);
      highlights.set(name, h);
    },
    delete: (name: string) => {
      if (name === TERM_HIGHLIGHT && highlights.has(name)) log.push('highlights off');
      replacing(name, undefined);
      return highlights.delete(name);
    },
  };
  Object.assign(window, {
    CSS: { highlights: registry },
    Highlight: class extends Set<StubRange> {},
    IntersectionObserver: class {
      constructor(private cb: (entries: Array<{ target: Element; isIntersecting: boolean; boundingClientRect: object }>) => void) {}
      observe(target: Element) {
        const boundingClientRect = { left: 100, right: 900, top: 100, bottom: 120, width: 800, height: 20 };
        if (opts.intersecting) setTimeout(() => this.cb([{ target, isIntersecting: true, boundingClientRect }]), 0);
      }
      unobserve() {}
      disconnect() {}
    },
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    innerWidth: 1280,
    innerHeight: 800,
    scrollX: 0,
    scrollY: 0,
  });
  return Object.assign(highlights, { taken });
}

export const rubies = (doc: Document) => doc.querySelectorAll('ruby[data-dubao]').length;
/** An element's text without ruby's readings (<rt>, <rp>). */
export function baseText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
  return copy.textContent ?? '';
}
/** Does the text look converted (traditional forms of the page's words)? */
export const traditional = (texts: string[]) => texts.some((t) => /機構|發展|推進/.test(t));

export function setup(opts: { page?: string; intersecting?: boolean; annotate?: ControllerApi['annotate'] } = {}) {
  const { window, document: doc } = parseHTML(opts.page ?? PAGE);
  const document = doc as unknown as Document;
  const highlights = stubBrowser(window as unknown as Record<string, unknown>, document, opts);
  (globalThis as { document?: Document }).document = document;
  log.length = 0;
  const api: ControllerApi = {
    annotate: async (texts, wait) => {
      log.push(`annotate${traditional(texts) ? ' (traditional)' : ''}${rubies(document) ? ' (over ruby)' : ''}`);
      return (opts.annotate ?? engine.annotate.bind(engine))(texts, wait);
    },
    convert: async (texts, mode) => {
      log.push(`convert ${mode}`);
      return engine.convert(texts, mode);
    },
    pinyin: async (texts) => {
      log.push(`pinyin${traditional(texts) ? ' (traditional)' : ''}`);
      return engine.pinyin(texts);
    },
    digest: async () => {
      log.push('digest');
      return { articles: [], terms: [], formulas: [] };
    },
    term: (id) => engine.term(id),
    lookup: () => Promise.reject(new Error('no pointer here')),
    openOptions: () => undefined,
    saveWords: () => Promise.reject(new Error('not saved in these tests')),
    noteSavedWords: () => undefined,
    setSidebarOpen: (open) => void log.push(`sidebar ${open}`),
  };
  const run = new AbortController();
  runs.push(run);
  const controller = new PageController(document, api, run.signal);
  const state = (settings: Partial<Settings> = {}, site?: SiteRule, enabled = true): PageState => ({ enabled, settings: { ...DEFAULT_SETTINGS, ...settings }, site });
  return { document, controller, highlights, state, run };
}

export const runs: AbortController[] = [];
afterEach(() => {
  runs.splice(0).forEach((r) => r.abort());
  vi.restoreAllMocks();
  delete (globalThis as { document?: Document }).document;
});

/** Log the steps that take features off, with what the DOM holds at that moment. */
export function spyOnRemoval(document: Document) {
  // Sliced (controller) and in one go (teardown) both take ruby off through removeWork.
  const ruby = RubyLayer.prototype.removeWork;
  vi.spyOn(RubyLayer.prototype, 'removeWork').mockImplementation(function (this: RubyLayer, ...args: Parameters<RubyLayer['removeWork']>) {
    if (this.active) log.push('ruby off');
    return ruby.apply(this, args);
  });
  // Sliced (controller) and in one go (teardown) both restore through restoreWork.
  const restore = PageConverter.prototype.restoreWork;
  vi.spyOn(PageConverter.prototype, 'restoreWork').mockImplementation(function (this: PageConverter) {
    log.push(`restore${rubies(document) ? ' (ruby still on)' : ''}`);
    return restore.call(this);
  });
}

/** A background engine whose segmenter is still loading: provisional answers until `release()`. */
export function coldEngine() {
  let release!: () => void;
  const segmenter = new Promise<ReturnType<typeof nodeWasmSegmenter>>((r) => (release = () => r(nodeWasmSegmenter())));
  const cold = new EngineHost({
    segmenter: () => segmenter,
    glossary: async () => nodeGlossary().entries,
    cedict: () => Promise.reject(new Error('not used')),
    idf: () => Promise.reject(new Error('not used')),
  });
  return { cold, release };
}
/** 900 paragraphs of 4 terms each (3,600: more than lazy highlights show at once). */
export const LONG_PAGE = `<!doctype html><html lang="zh-CN"><head><title>长文</title></head><body><article>${Array.from({ length: 900 }, (_, i) => `<p>第${i + 1}段：扎实做好“三定”工作，坚定不移推进高质量发展，拥护“两个确立”，做到“两个维护”。</p>`).join('')}</article></body></html>`;
