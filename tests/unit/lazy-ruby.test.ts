// Lazy ruby (lib/dom/lazy-ruby.ts) on a linkedom page of four paragraphs, one part each, every
// paragraph reported near the viewport: ruby goes in a frame's share at a time, and after each
// share only the parts whose text nodes that share replaced have their ranges moved (repoint);
// a part no share touched is never repointed.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LazyRuby } from '../../lib/dom/lazy-ruby';
import { FramePace } from '../../lib/dom/frame-pace';
import { RubyLayer, RUBY_PER_STEP } from '../../lib/dom/ruby';
import { PageIndex } from '../../lib/dom/page-index';
import { elementTextModel } from '../../lib/dom/text-model';
import { newSliceStats } from '../../lib/dom/schedule';

const PARA = '会议强调推进机构改革要坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展';

type Box = { top: number; bottom: number };

/** `box(el)`: where an observed element is (by default: none given, as near the viewport). */
function page(paragraphs: number, box: (el: Element) => Box | undefined = () => undefined) {
  // (each paragraph's text its own: the same characters, turned round by one more each time)
  const html = Array.from({ length: paragraphs }, (_, i) => `<p id="p${i}">${PARA.slice(i)}${PARA.slice(0, i)}</p>`).join('');
  const { window, document } = parseHTML(`<!doctype html><html><body>${html}<p id="plain">No Chinese here.</p></body></html>`);
  Object.assign(window, {
    // Every watched element is near the viewport (reported a task later).
    IntersectionObserver: class {
      constructor(private cb: (entries: Array<{ target: Element; isIntersecting: boolean; boundingClientRect?: Box }>) => void) {}
      private pending: Element[] = [];
      // (What is observed in one task is reported in one callback, as a browser does.)
      observe(target: Element) {
        if (!this.pending.length) setTimeout(() => this.cb(this.pending.splice(0).map((t) => ({ target: t, isIntersecting: true, boundingClientRect: box(t) }))), 0);
        this.pending.push(target);
      }
      unobserve() {}
      disconnect() {}
    },
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    innerHeight: 800,
  });
  return { window: window as unknown as Window, document: document as unknown as Document };
}

describe('LazyRuby', () => {
  it('moves the ranges of the parts a share touched, and only those', async () => {
    const { window, document } = page(4);
    const paras = [...document.querySelectorAll('p[id^="p"]')].filter((p) => p.id !== 'plain');
    const index = new PageIndex(paras.map((p) => ({ model: elementTextModel(p), terms: [], formulas: [] })));
    const layer = new RubyLayer(document);
    const calls: number[][] = [];
    const stats = newSliceStats();
    // One step's worth of ruby a share (fixed): a paragraph's ruby spans several shares.
    const pace = new FramePace({ start: RUBY_PER_STEP, min: RUBY_PER_STEP, max: RUBY_PER_STEP });
    const lazy = new LazyRuby(
      window,
      index,
      layer,
      { style: 'marks', toneColors: false },
      {
        readings: async (texts) => texts.map((t) => [...t].filter((ch) => /\p{Script=Han}/u.test(ch)).map(() => 'zhōng')),
        repoint: function* (parts) {
          calls.push([...parts].sort());
        },
        stats,
        pace,
      },
      new AbortController().signal,
    );
    lazy.watch();
    await lazy.first;
    await lazy.idle();
    // All four paragraphs have their ruby; the plain one has none.
    for (const p of paras) expect(p.querySelectorAll('ruby').length).toBe(PARA.length);
    expect(document.getElementById('plain')!.querySelector('ruby')).toBeNull();
    // More shares than paragraphs (each paragraph's ruby takes several), but each part was
    // repointed once: after the share that replaced its text node.
    expect(stats.yields).toBeGreaterThan(paras.length);
    expect(calls).toEqual([[0], [1], [2], [3]]);
    expect([...lazy.touched].sort()).toEqual([0, 1, 2, 3]);
    // (ruby off asks which parts a node given back belongs to)
    expect(lazy.partsOf(index.articles[2].model.chunks[0].node as Text)).toEqual([2]);
  });

  it('puts the ruby in the viewport in first, its readings asked alone, the rest read meanwhile', async () => {
    // p2 is on screen; the others are below it, within the observer's margin.
    const { window, document } = page(4, (el) => (el.id === 'p2' ? { top: 100, bottom: 160 } : { top: 1200, bottom: 1260 }));
    const paras = [...document.querySelectorAll('p[id^="p"]')].filter((p) => p.id !== 'plain');
    const index = new PageIndex(paras.map((p) => ({ model: elementTextModel(p), terms: [], formulas: [] })));
    const asked: number[][] = [];
    const calls: number[][] = [];
    let p2AtFirst = 0;
    let othersAtFirst = 0;
    const lazy = new LazyRuby(
      window,
      index,
      new RubyLayer(document),
      { style: 'marks', toneColors: false },
      {
        readings: async (texts) => {
          asked.push(texts.map((t) => index.articles.findIndex((a) => a.model.text === t)));
          return texts.map((t) => [...t].filter((ch) => /\p{Script=Han}/u.test(ch)).map(() => 'zhōng'));
        },
        repoint: function* (parts) {
          calls.push([...parts].sort());
        },
        stats: newSliceStats(),
        pace: new FramePace({ start: RUBY_PER_STEP, min: RUBY_PER_STEP, max: RUBY_PER_STEP }),
      },
      new AbortController().signal,
    );
    lazy.watch();
    await lazy.first.then(() => {
      p2AtFirst = paras[2].querySelectorAll('ruby').length;
      othersAtFirst = [0, 1, 3].reduce((n, i) => n + paras[i].querySelectorAll('ruby').length, 0);
    });
    await lazy.idle();
    // The first screen (p2) is in when `first` settles, before any of the rest.
    expect(p2AtFirst).toBe(PARA.length);
    expect(othersAtFirst).toBe(0);
    expect(calls[0]).toEqual([2]);
    expect(calls).toHaveLength(4);
    // Its readings were asked for alone; the others' in one message sent before they were due.
    expect(asked).toEqual([[2], [0, 1, 3]]);
    for (const p of paras) expect(p.querySelectorAll('ruby').length).toBe(PARA.length);
  });
});
