// The page controller (lib/dom/controller.ts) on a linkedom page, with a fake background that
// answers from the real engine (EngineHost over jieba-wasm and the glossary) and logs each call.
// What a browser has and linkedom lacks gets a minimal stand-in: Range.setStart/setEnd, the CSS
// Custom Highlight registry, IntersectionObserver (never reports: markers stay unplaced),
// requestAnimationFrame and the viewport size; Preact (hover card, sidebar) renders through the
// global `document`, set to the page's for the test's duration.
// Asserted: features go on in one order (conversion, then annotation, then ruby) and come off
// in the reverse order; a switch-off gives the document back exactly; a burst of updates is one run.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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

const log: string[] = [];

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

const rubies = (doc: Document) => doc.querySelectorAll('ruby[data-dubao]').length;
/** An element's text without ruby's readings (<rt>, <rp>). */
function baseText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
  return copy.textContent ?? '';
}
/** Does the text look converted (traditional forms of the page's words)? */
const traditional = (texts: string[]) => texts.some((t) => /機構|發展|推進/.test(t));

function setup(opts: { page?: string; intersecting?: boolean; annotate?: ControllerApi['annotate'] } = {}) {
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

const runs: AbortController[] = [];
afterEach(() => {
  runs.splice(0).forEach((r) => r.abort());
  vi.restoreAllMocks();
  delete (globalThis as { document?: Document }).document;
});

/** Log the steps that take features off, with what the DOM holds at that moment. */
function spyOnRemoval(document: Document) {
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
function coldEngine() {
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
const LONG_PAGE = `<!doctype html><html lang="zh-CN"><head><title>长文</title></head><body><article>${Array.from({ length: 900 }, (_, i) => `<p>第${i + 1}段：扎实做好“三定”工作，坚定不移推进高质量发展，拥护“两个确立”，做到“两个维护”。</p>`).join('')}</article></body></html>`;

describe('PageController on a linkedom page', () => {
  it('annotates a Chinese page: articles found, terms highlighted, a marker and a card host added outside <body>', async () => {
    const { document, controller, highlights, state } = setup();
    const body = document.body.innerHTML;
    expect(controller.isChinese).toBe(true);
    await controller.update(state());
    expect(log).toEqual(['annotate']);
    expect(controller.session?.articles).toHaveLength(1);
    const terms = [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    expect(terms).toEqual(expect.arrayContaining(['高质量发展', '机构改革', '两个确立', '两个维护', '三定']));
    expect(document.body.innerHTML).toBe(body);
    expect(document.querySelector('dubao-layer')?.parentNode).toBe(document.documentElement);
    expect(document.querySelector('dubao-card')?.parentNode).toBe(document.documentElement);
    // Terms off: no highlight, the session stays.
    await controller.update(state({ terms: false }));
    expect(highlights.get(TERM_HIGHLIGHT)).toBeUndefined();
    expect(log).toEqual(['annotate', 'highlights off']);
  });

  it('applies conversion, then annotation, then ruby; takes them off in reverse; off gives the document back exactly', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    // Annotation reads the converted text; ruby goes over it (near the viewport: here all is in
    // view); the session stays and reads through the ruby layer: no second annotation.
    expect(log).toEqual(['convert tw', 'annotate (traditional)', 'pinyin (traditional)']);
    expect(baseText(document.querySelector('h1')!)).toBe('我市推進高質量發展');
    const ruby = [...document.querySelectorAll('ruby[data-dubao]')];
    expect(ruby.length).toBeGreaterThan(100);
    const jin = ruby.find((r) => r.firstChild?.textContent === '進');
    expect(jin?.querySelector('rt')?.textContent).toBe('jìn');
    // Highlights are on the new nodes (inside ruby): the same ranges, moved.
    const shown = [...(highlights.get(TERM_HIGHLIGHT) ?? [])];
    expect(shown.some((r) => (r.startContainer as Text).parentElement?.tagName === 'RUBY')).toBe(true);
    expect(shown.every((r) => r.startContainer?.nodeType === 3 && r.startContainer.isConnected)).toBe(true);
    // A point in ruby's text reads as article text (the hover card's way in).
    const jinText = jin!.firstChild as Text;
    const point = controller.session!.index.pointAt(jinText, 0);
    expect(point && controller.session!.index.articles[point.article].model.text[point.offset]).toBe('進');

    log.length = 0;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }, false));
    // The session lets go of its highlights (and ranges) before ruby and conversion come off.
    expect(log).toEqual(['highlights off', 'ruby off', 'restore']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('changing the script takes ruby off, restores, and builds everything again on the simplified text', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    log.length = 0;
    await controller.update(state({ pinyin: true }));
    await controller.rubyIdle();
    expect(log).toEqual(['highlights off', 'ruby off', 'restore', 'annotate', 'pinyin']);
    expect(document.querySelector('h1 ruby')?.firstChild?.textContent).toBe('我');
    expect(baseText(document.querySelector('h1')!)).toBe('我市推进高质量发展');
    // Pinyin off keeps the conversion-free page, with no ruby: exactly as before. The session
    // stays (no new annotation) and its ranges are back on the original text nodes.
    log.length = 0;
    await controller.update(state());
    expect(log).toEqual(['ruby off']);
    expect(rubies(document)).toBe(0);
    const terms = [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    expect(terms).toEqual(expect.arrayContaining(['高质量发展', '机构改革', '两个确立', '两个维护', '三定']));
    expect(document.body.outerHTML).toBe(parseHTML(before).document.body.outerHTML);
    await controller.update(state({}, undefined, false));
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a burst of updates is one run, with the latest state', async () => {
    const { document, controller, state } = setup();
    const before = document.documentElement.outerHTML;
    const runs = [
      controller.update(state({ pinyin: true })),
      controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' })),
      controller.update(state({}, { mode: 'default', script: 'hk' })),
      controller.update(state({}, undefined, false)),
      controller.update(state()),
    ];
    await Promise.all(runs);
    expect(log).toEqual(['annotate']);
    expect(rubies(document)).toBe(0);
    expect(document.body.innerHTML).toBe(parseHTML(before).document.body.innerHTML);
  });

  it('annotates blocks the page adds after load like the first ones (converted, ruby, terms), once, never editable areas', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    const termsIn = (el: Element) => [...(highlights.get(TERM_HIGHLIGHT) ?? [])].filter((r) => el.contains(r.startContainer)).map((r) => r.toString());
    const add = (id: string, html: string, attrs: Record<string, string> = {}) => {
      const el = document.createElement('section');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.innerHTML = html;
      document.body.append(el);
      return el;
    };
    log.length = 0;
    const late = add('late', '<h2>县里新闻</h2><p>会议强调，坚定不移推进高质量发展，扎实做好“三定”工作。</p>');
    const editable = add('ed', '<p>编辑区：坚定不移推进高质量发展，扎实做好“三定”工作。</p>', { contenteditable: 'true' });
    const edHtml = editable.outerHTML;
    for (let t = 0; t < 200 && !(termsIn(late).length && late.querySelector('ruby')); t++) await new Promise((r) => setTimeout(r, 20));
    await controller.rubyIdle();
    // Converted first, then terms found, then ruby over it (near the viewport, as for the first
    // articles). ("over ruby": the first articles have theirs; the new block gets its own after.)
    expect(log).toEqual(['convert tw', 'annotate (traditional) (over ruby)', 'pinyin (traditional)']);
    expect(baseText(late)).toContain('推進高質量發展');
    expect(late.querySelectorAll('ruby[data-dubao]').length).toBeGreaterThan(20);
    // (高質量發展 and 三定; the stand-in Range reads no text across ruby's nodes: counted)
    expect(termsIn(late)).toHaveLength(2);
    // An editable area is left alone: not converted, no ruby, no highlights.
    expect(editable.outerHTML).toBe(edHtml);
    expect(termsIn(editable)).toEqual([]);
    // Ruby's own insertions are not new text: nothing is annotated twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(log).toEqual(['convert tw', 'annotate (traditional) (over ruby)', 'pinyin (traditional)']);
    expect(controller.session?.articles).toHaveLength(2);
    // The page replaces the block: the new one is annotated, the old one's ranges go with it.
    late.remove();
    const again = add('again', '<p>会议要求，各级各部门要明确职责分工，扎实做好“三定”工作。</p>');
    for (let t = 0; t < 200 && !termsIn(again).length; t++) await new Promise((r) => setTimeout(r, 20));
    expect(termsIn(again)).toHaveLength(1);
    // Pinyin off keeps the session: the added block keeps its terms, on its own text again, and
    // is not annotated again.
    log.length = 0;
    await controller.update(state({}, { mode: 'default', script: 'tw' }));
    expect(again.querySelectorAll('ruby').length).toBe(0);
    expect(termsIn(again)).toContain('三定');
    await new Promise((r) => setTimeout(r, 300));
    expect(log.filter((l) => l.startsWith('annotate'))).toHaveLength(0);
    // A new session (conversion off) keeps the added block and does not take it for new.
    await controller.update(state());
    await new Promise((r) => setTimeout(r, 300));
    expect(log.filter((l) => l.startsWith('annotate'))).toHaveLength(1);
    expect(termsIn(again)).toContain('三定');
    // Everything off: the added block is back in simplified characters.
    await controller.update(state({}, undefined, false));
    expect(again.textContent).toBe('会议要求，各级各部门要明确职责分工，扎实做好“三定”工作。');
  });

  // The first answer after the background started comes from the glossary alone (provisional);
  // the word-aware one follows. On a page of more than 3,000 terms (lazy highlights, here all in
  // view) no highlight shown with the first answer may go away when the second arrives.
  it('no flicker: the refined answer adds terms to the shown highlights and takes none away', async () => {
    const { cold, release } = coldEngine();
    const page = LONG_PAGE;
    const answers: string[] = [];
    const { controller, highlights, state } = setup({
      page,
      intersecting: true,
      annotate: async (texts, wait) => {
        if (wait) release();
        const a = await cold.annotate(texts, wait);
        answers.push(a.provisional ? 'provisional' : 'word-aware');
        return a;
      },
    });
    await controller.update(state());
    const shown = () => [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    // Wait for the word-aware answer's ranges (高质量发展 follows a Han character: not provisional).
    for (let t = 0; t < 500 && shown().filter((x) => x === '高质量发展').length < 900; t++) await new Promise((r) => setTimeout(r, 20));
    expect(answers[0]).toBe('provisional');
    expect(answers).toContain('word-aware');
    expect(shown().filter((x) => x === '高质量发展')).toHaveLength(900);
    expect(shown()).toHaveLength(3600);
    expect(highlights.taken).toEqual([]);
  }, 60_000);

  // Pinyin switched on while the background is still cold: ruby goes in while the word-aware
  // answer's ranges are being built (sliced) over the original text nodes. Every range shown at
  // the end must sit on the page's text (ruby's pieces), none on a node ruby took out.
  it('pinyin on during the refined answer: every term range ends up on the text in the page', async () => {
    const { cold, release } = coldEngine();
    const page = LONG_PAGE;
    let doc!: Document;
    const { document, controller, highlights, state } = setup({
      page,
      intersecting: true,
      annotate: async (texts, wait) => {
        // The word-aware answer is given once ruby has started going in.
        if (!wait) return cold.annotate(texts, wait);
        release();
        const answer = await cold.annotate(texts, wait);
        for (let t = 0; t < 1000 && !rubies(doc); t++) await new Promise((r) => setTimeout(r, 5));
        expect(rubies(doc)).toBeLessThan(900 * 30);
        return answer;
      },
    });
    doc = document;
    await controller.update(state({ pinyin: true }));
    const shown = () => [...(highlights.get(TERM_HIGHLIGHT) ?? [])];
    const refined = () => shown().filter((r) => r.startContainer?.parentElement?.closest('ruby') || r.toString() === '高质量发展').length;
    for (let t = 0; t < 1000 && (refined() < 3600 || rubies(document) < 900 * 30); t++) await new Promise((r) => setTimeout(r, 20));
    await controller.rubyIdle();
    const ranges = shown();
    expect(rubies(document)).toBeGreaterThan(900 * 30);
    expect(ranges).toHaveLength(3600);
    expect(ranges.filter((r) => !r.startContainer?.isConnected || !r.endContainer?.isConnected)).toEqual([]);
    expect(ranges.filter((r) => r.collapsed)).toEqual([]);
  }, 60_000);

  it('aborting its signal tears everything down and leaves the document as it was', async () => {
    const { document, controller, state, run } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw', sidebar: true }));
    await controller.rubyIdle();
    expect(document.querySelector('dubao-sidebar')).not.toBeNull();
    expect(log).toContain('digest');
    log.length = 0;
    run.abort();
    expect(log).toEqual(['ruby off', 'restore', 'highlights off']);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
