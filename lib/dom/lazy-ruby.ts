/**
 * Pinyin near the viewport (as lazy-highlights.ts does for terms): a million-character page would
 * pay for millions of ruby elements, their layout and one huge readings message at once. Instead
 * the elements that hold article text are watched by an IntersectionObserver (which never forces a
 * layout); those that come within a screen or two of the viewport get ruby, their part's readings
 * asked from the background once (a part is ≤ 20,000 characters), and ruby goes in a frame's share
 * at a time (frame-pace.ts FramePace: the share follows what the frames it made cost, within
 * RUBY_PER_FRAME), so that each frame's layout of new ruby stays bounded.
 * A small page (≤ RUBY_EAGER_LIMIT characters) gets ruby everywhere: near the viewport first.
 *
 * The page index keeps its models over the original text nodes and reads through the ruby layer
 * (RubyLayer is its NodeView); after each frame's ruby, the term ranges of the parts whose nodes
 * that share replaced are moved onto ruby's pieces (PageSession.repoint), so highlights, hover
 * cards and the sidebar keep working with no new scan of the page.
 */
import { HAN, cpAt, isHan } from '../text/han';
import { toSource } from '../text/model';
import type { PageIndex } from './page-index';
import { RUBY_PER_STEP, type RubyLayer, type RubyOptions } from './ruby';
import type { SliceStats, Work } from './schedule';
import { FramePace, runPerFrame } from './frame-pace';

/** Pages whose article text is at most this long get ruby everywhere, near the viewport first. */
export const RUBY_EAGER_LIMIT = 50_000;
/**
 * Ruby elements put in per frame (each frame's new ruby is laid out before the next): the first
 * share, and the least and most a share may grow or shrink to (FramePace). Taking ruby off
 * starts at twice as many (a frame without ruby is cheaper to lay out), its script kept to 12 ms
 * a share (taking off is cheap to lay out: the script is much of what its frames cost).
 */
export const RUBY_PER_FRAME = { start: 320, min: 64, max: 4000 };
export const RUBY_OFF_PER_FRAME = { start: 640, min: 64, max: 8000, scriptMs: 12 };
/** Readings are asked for in messages of at most about this many characters. */
const READINGS_BATCH = 60_000;
/**
 * Text nodes are watched in groups of about this many characters (less than a screen of text
 * before ruby), through the elements holding a group's first and last node: a page of 10,000
 * paragraphs has its observer follow some 1,300 elements, not 10,000.
 */
const GROUP_CHARS = 1500;

export interface LazyRubyDeps {
  /** Readings, one syllable per Han character of each text (the background's pinyin message). */
  readings(texts: string[]): Promise<string[][]>;
  /** Move the term ranges of these parts onto where their text is now (PageSession.repoint). */
  repoint(parts: Iterable<number>): Work<void>;
  /** Cumulative counts of the sliced work (tests read them). */
  stats: SliceStats;
  /** The share of ruby per frame (by default one of RUBY_PER_FRAME's, kept for this ruby's life). */
  pace?: FramePace;
}

type Entry = { part: number; node: Text };
type Group = { entries: Entry[]; taken: boolean };

export class LazyRuby {
  private io: IntersectionObserver | null = null;
  private owners = new Map<Element, Group[]>();
  /** The parts that hold each watched node (a pre-wrap node may be cut between parts). */
  private nodeParts = new Map<Text, number[]>();
  /** Queued: in the viewport itself (the first screen), near it, and (a small page) the rest. */
  private inView: Entry[] = [];
  private near: Entry[] = [];
  private rest: Entry[] = [];
  private syllables = new Map<Text, string[]>();
  /** Readings asked for, per part (settled: spread on its nodes). */
  private reading = new Map<number, Promise<void>>();
  private draining: Promise<void> | null = null;
  private run = new AbortController();
  private firstSeen = false;
  private eager: boolean;
  /** The share of ruby per frame, kept across batches (what this page's frames cost). */
  readonly pace: FramePace;
  /** Parts that got ruby (their ranges must come back when it goes). */
  readonly touched = new Set<number>();
  /** Settles when the ruby in the viewport at the start is in (none there: near it). */
  readonly first: Promise<void>;
  private firstDone!: () => void;
  /** Settles (again) whenever nothing is left to do. */
  private idleWaiters: Array<() => void> = [];

  constructor(
    private win: Window,
    private index: PageIndex,
    private layer: RubyLayer,
    private opts: RubyOptions,
    private deps: LazyRubyDeps,
    signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.run.abort());
    this.run.signal.addEventListener('abort', () => this.io?.disconnect());
    this.first = new Promise((resolve) => (this.firstDone = resolve));
    const chars = index.articles.reduce((n, a) => n + a.model.text.length, 0);
    this.eager = chars <= RUBY_EAGER_LIMIT;
    this.pace = deps.pace ?? new FramePace(RUBY_PER_FRAME);
  }

  /** Watch the parts of the index from `from` on (all at the start; later, the blocks the page added). */
  watch(from = 0): void {
    if (this.run.signal.aborted) return;
    if (!this.io) {
      const IO = (this.win as unknown as { IntersectionObserver: typeof IntersectionObserver }).IntersectionObserver;
      this.io = new IO((entries) => this.seen(entries), { rootMargin: '150% 0px 150% 0px' });
    }
    const fresh: Group[] = [];
    for (let ai = from; ai < this.index.articles.length; ai++) {
      let group: Group = { entries: [], taken: false };
      let chars = 0;
      const close = () => {
        if (group.entries.length) fresh.push(group);
        group = { entries: [], taken: false };
        chars = 0;
      };
      for (const c of this.index.articles[ai].model.chunks) {
        const node = c.node;
        if (!node || !HAN.test(c.text)) continue;
        const parts = this.nodeParts.get(node);
        if (parts) {
          if (!parts.includes(ai)) parts.push(ai);
          continue;
        }
        this.nodeParts.set(node, [ai]);
        if (!node.parentElement) continue;
        group.entries.push({ part: ai, node });
        chars += c.text.length;
        if (chars >= GROUP_CHARS) close();
      }
      close();
    }
    for (const g of fresh) {
      const ends = new Set([g.entries[0].node.parentElement!, g.entries[g.entries.length - 1].node.parentElement!]);
      for (const el of ends) {
        const list = this.owners.get(el);
        if (list) list.push(g);
        else {
          this.owners.set(el, [g]);
          this.io.observe(el);
        }
      }
    }
    // Added later to a small page: straight into the queue (the observer puts near ones first).
    if (this.eager && this.firstSeen) {
      for (const g of fresh) this.rest.push(...g.entries);
      this.kick();
    }
  }

  /** The parts that hold a watched text node (none for a node not watched). */
  partsOf(node: Text): number[] {
    return this.nodeParts.get(node) ?? [];
  }

  /** Stop: no more ruby goes in (what is in stays, for the layer to take off). */
  async stop(): Promise<void> {
    this.run.abort();
    await this.draining?.catch(() => undefined);
  }

  /** Resolves when nothing is queued (tests, the bench: "all the ruby due is in"). */
  idle(): Promise<void> {
    if (!this.draining && !this.queued()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private queued(): boolean {
    return this.inView.length > 0 || this.near.length > 0 || this.rest.length > 0;
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    const height = this.win.innerHeight;
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const groups = this.owners.get(e.target);
      if (!groups) continue;
      this.owners.delete(e.target);
      this.io!.unobserve(e.target);
      // In the viewport itself (not only within the observer's margin): what the reader sees first.
      const box = e.boundingClientRect;
      const queue = box && box.bottom > 0 && box.top < height ? this.inView : this.near;
      for (const g of groups) {
        if (g.taken) continue;
        g.taken = true;
        queue.push(...g.entries);
      }
    }
    if (!this.firstSeen) {
      this.firstSeen = true;
      // A small page: the rest follows the near part (the observer keeps putting near ones first).
      if (this.eager) for (const g of new Set([...this.owners.values()].flat())) if (!g.taken) this.rest.push(...g.entries);
    }
    this.kick();
  }

  private kick(): void {
    if (this.draining || this.run.signal.aborted) return;
    this.draining = this.drain()
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') console.warn('[dubao]', e);
      })
      .finally(() => {
        this.draining = null;
        this.firstDone();
        if (!this.queued()) for (const w of this.idleWaiters.splice(0)) w();
        else if (!this.run.signal.aborted) this.kick();
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.inView.length ? this.inView.splice(0) : this.near.length ? this.near.splice(0) : this.rest.splice(0, this.restRound());
      if (!batch.length) return;
      // A node may already have had its ruby (near and in the rest): the layer passes over it.
      const nodes = batch.map((e) => e.node);
      const parts = this.partsOfEntries(batch);
      const read = this.readParts(parts);
      // The readings of what is queued next are asked for now: the background reads them while
      // this batch's ruby goes in.
      this.readParts(this.partsOfEntries([...this.inView, ...this.near, ...this.rest])).catch(() => undefined);
      await read;
      await this.framed(nodes);
      // Ones in view found meanwhile go first; the first screen's ruby is the first figure.
      if (!this.inView.length) this.firstDone();
    }
  }

  /**
   * How many nodes of the rest to take next: about a frame's share of Han characters (a round
   * ends with a frame; near ones found meanwhile go before the next round).
   */
  private restRound(): number {
    let han = 0;
    let k = 0;
    while (k < this.rest.length && han < this.pace.budget) han += hanCount(this.rest[k++].node.data);
    return Math.max(1, k);
  }

  private partsOfEntries(entries: Entry[]): number[] {
    return [...new Set(entries.flatMap((e) => this.nodeParts.get(e.node) ?? []))];
  }

  /**
   * Readings for `parts` (in messages of ≈ READINGS_BATCH characters), spread on their nodes; a
   * part is asked for once (one asked for already is waited for).
   */
  private async readParts(parts: number[]): Promise<void> {
    const todo = parts.filter((p) => !this.reading.has(p));
    for (let i = 0; i < todo.length; ) {
      const batch: number[] = [];
      let len = 0;
      while (i < todo.length && (!batch.length || len + this.index.articles[todo[i]].model.text.length <= READINGS_BATCH)) {
        len += this.index.articles[todo[i]].model.text.length;
        batch.push(todo[i++]);
      }
      const got = this.deps.readings(batch.map((p) => this.index.articles[p].model.text)).then(
        (readings) => {
          this.check();
          batch.forEach((p, k) => this.spread(p, readings[k] ?? []));
        },
        (e) => {
          // (asked again when next needed)
          for (const p of batch) this.reading.delete(p);
          throw e;
        },
      );
      for (const p of batch) this.reading.set(p, got);
    }
    await Promise.all(parts.map((p) => this.reading.get(p)));
    this.check();
  }

  /** One syllable per Han character of part `p`'s reading text → on (node, offset). */
  private spread(p: number, perHan: string[]): void {
    const model = this.index.articles[p].model;
    const text = model.text;
    let k = 0;
    for (let i = 0; i < text.length; ) {
      const ch = cpAt(text, i);
      if (isHan(ch)) {
        const s = perHan[k++];
        const src = s ? toSource(model, i) : null;
        if (src) {
          let arr = this.syllables.get(src.node);
          if (!arr) this.syllables.set(src.node, (arr = new Array(src.node.data.length).fill('')));
          arr[src.offset] = s;
        }
      }
      i += ch.length;
    }
  }

  /**
   * Ruby over `nodes`, a frame's share at a time; after each share, the ranges of the parts whose
   * nodes it replaced follow (in the same task: no frame shows a term range left behind), and
   * only those: a part the share did not touch keeps its ranges where they are.
   */
  private async framed(nodes: Text[]): Promise<void> {
    const moved = new Set<number>();
    const replaced = (n: Text) => {
      for (const p of this.nodeParts.get(n) ?? []) moved.add(p);
    };
    const work = this.layer.applyWork(nodes, (n) => this.syllables.get(n) ?? [], this.opts, replaced);
    const afterShare = () => {
      if (!moved.size) return;
      for (const p of moved) this.touched.add(p);
      const repoint = this.deps.repoint(moved);
      while (!repoint.next().done) this.deps.stats.steps++;
      moved.clear();
    };
    await runPerFrame(this.win, work, this.deps.stats, this.run.signal, { budget: RUBY_PER_FRAME.start, perStep: RUBY_PER_STEP, afterShare, pace: this.pace });
  }

  private check(): void {
    if (this.run.signal.aborted) throw new DOMException('aborted', 'AbortError');
  }
}

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const ch = cpAt(s, i);
    if (isHan(ch)) n++;
    i += ch.length;
  }
  return n;
}
