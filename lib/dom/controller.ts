/**
 * The page controller: keeps the page in the state the settings ask for. Features are applied
 * in one order (conversion, then annotation, then ruby) and taken off in the reverse order, so
 * every combination of switches leaves the DOM as it was when all are off again.
 */
import type { Settings, SiteRule, ScriptMode } from '../settings/model';
import { setUiLanguage, uiLanguage } from '../ui/i18n';
import { PageConverter } from './page-converter';
import { pageIsChinese, startPage, type PageApi, type PageSession } from './page';
import { RubyLayer, spreadSyllables } from './ruby';
import { LazyRuby, RUBY_OFF_PER_FRAME, RUBY_PER_FRAME } from './lazy-ruby';
import { FramePace, runPerFrame } from './frame-pace';
import { CONVERT_CHARS_PER_FRAME } from './page-converter';
import { newSliceStats, runSliced, type SliceStats } from './schedule';
import { isHan } from '../text/han';
import { SidebarPanel } from './sidebar';
import type { FoundArticle } from './find-articles';
import type { Work } from './schedule';
import { AdditionWatcher, freshBlocks } from './page-additions';
import type { DigestInput, PageDigest } from '../messages';
import { digestInBatches } from '../summary/join-digests';

export interface PageState {
  enabled: boolean;
  settings: Settings;
  site: SiteRule | undefined;
}

export interface ControllerApi extends PageApi {
  convert(texts: string[], mode: ScriptMode): Promise<string[]>;
  digest(articles: DigestInput[]): Promise<PageDigest>;
  setSidebarOpen(open: boolean): void;
  /** Count the saved words ("My words") met in the page's article texts. */
  noteSavedWords(url: string, texts: string[]): void;
}

export class PageController {
  session: PageSession | null = null;
  sidebar: SidebarPanel | null = null;
  private sessionRun: AbortController | null = null;
  private converter: { mode: ScriptMode; conv: PageConverter; run: AbortController } | null = null;
  /** Ruby on the page: page-wide (near the viewport, `lazy`) or over a selection only (key 'selection'). */
  private ruby: { layer: RubyLayer; key: string; lazy: LazyRuby | null } | null = null;
  private chinese: boolean | null = null;
  /**
   * Ruby's frame shares (on, off), kept for the page's life: what its frames cost is learnt once,
   * and the next switch starts at the share the last one settled on.
   */
  private rubyPace = new FramePace(RUBY_PER_FRAME);
  private rubyOffPace = new FramePace(RUBY_OFF_PER_FRAME);
  /** Blocks the page added after load, annotated as articles of their own (kept across sessions). */
  private added: Element[] = [];
  private watcher: { w: AdditionWatcher; run: AbortController } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private state: PageState | null = null;

  /**
   * `find`: where the articles come from; by default the page's own finder (scanArticles). A page
   * that already knows its articles (the PDF viewer's reading view) passes them.
   */
  constructor(
    private doc: Document,
    private api: ControllerApi,
    private signal: AbortSignal,
    private find?: (doc: Document) => Work<FoundArticle[]>,
  ) {
    signal.addEventListener('abort', () => this.teardown());
  }

  get isChinese(): boolean {
    this.chinese ??= pageIsChinese(this.doc);
    return this.chinese;
  }

  /** Chinese text was found after load (the first-stage content script watches for it). */
  noteChinese(): void {
    this.chinese = true;
  }

  private queued = false;

  /**
   * Times of the last switches (ruby on/off, convert/restore) in ms. A switch restarts the
   * session, so they are kept here and stamped on every new session's marker layer too.
   */
  private figures = new Map<string, number>();

  private stamp(key: string, ms: number): void {
    this.figures.set(key, ms);
    this.session?.stamp(key, ms);
  }

  /**
   * Apply a new state. Runs are serialised, and a burst of changes collapses into one run
   * with the latest state (fifty quick switches do not queue fifty runs).
   */
  update(state: PageState): Promise<void> {
    this.state = state;
    if (this.queued) return this.queue;
    this.queued = true;
    this.queue = this.queue
      .then(() => {
        this.queued = false;
        return this.reconcile();
      })
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') console.warn('[dubao]', e);
      });
    return this.queue;
  }

  private async reconcile(): Promise<void> {
    const st = this.state;
    if (!st || this.signal.aborted) return;
    const lang = uiLanguage();
    setUiLanguage(st.settings.uiLanguage);
    if (uiLanguage() !== lang) this.sidebar?.relabel();
    const on = st.enabled && this.isChinese;
    const mode = on ? (st.site?.script ?? null) : null;
    const rubyKey = on && st.settings.pinyin ? `${st.settings.pinyinStyle}/${st.settings.toneColors}` : null;
    const convChanges = (this.converter?.mode ?? null) !== mode;

    // Take off what must change, in reverse order of application. A conversion change builds the
    // session again afterwards: it lets go of its ranges first (each live range slows every DOM
    // change). Ruby alone comes off under the session, which reads through it (no new scan).
    const rubyChanges = !!this.ruby && (this.ruby.key !== rubyKey || convChanges || !on);
    if (convChanges || !on) await this.releaseSession();
    if (rubyChanges) await this.removeRuby();
    if (convChanges && this.converter) {
      const t0 = performance.now();
      const { conv, run } = this.converter;
      this.converter = null;
      // Put the originals back in slices (a big page has tens of thousands of converted nodes).
      const stats = newSliceStats();
      await runPerFrame(this.doc.defaultView!, conv.restoreWork(), stats, this.signal, { budget: CONVERT_CHARS_PER_FRAME });
      run.abort();
      this.stamp('restoreMs', performance.now() - t0);
      this.stampSlices('restore', stats);
    }
    if (!on) {
      this.stopWatching();
      return this.stopSession();
    }

    if (convChanges && mode) {
      const run = new AbortController();
      this.signal.addEventListener('abort', () => run.abort());
      const conv = new PageConverter(this.doc, (texts) => this.api.convert(texts, mode), () => undefined, run.signal);
      this.converter = { mode, conv, run };
      const t0 = performance.now();
      await conv.start();
      this.stamp('convertMs', performance.now() - t0);
      this.stampSlices('convert', conv.stats);
    }
    if (!this.session || convChanges || this.needsRescan) await this.restartSession(st.settings.terms);
    else this.session.setTermsVisible(st.settings.terms, st.settings.highlightStyle);
    if (this.session) this.session.hover.needsAlt = st.settings.hoverNeedsAlt;
    if (this.sidebar && this.sidebar.isOpen !== !!st.site?.sidebar) await this.sidebar.toggle(!!st.site?.sidebar);
    if (rubyKey && !this.ruby) await this.applyRuby(rubyKey, st.settings);
    // A caller that knows its articles (the PDF viewer) follows its own changes.
    if (!this.find) this.watchAdditions();
  }

  /** Follow what the page adds after load (page-additions.ts): annotated in the run queue, after any switch. */
  private watchAdditions(): void {
    if (this.watcher) return;
    const run = new AbortController();
    this.signal.addEventListener('abort', () => run.abort());
    const w = new AdditionWatcher(
      this.doc,
      {
        indexed: (node) => !!this.session?.index.has(node),
        onBlocks: (blocks) => {
          this.queue = this.queue.then(() => this.addBlocks(blocks)).catch((e) => {
            if ((e as Error).name !== 'AbortError') console.warn('[dubao]', e);
          });
        },
      },
      run.signal,
    );
    this.watcher = { w, run };
  }

  private stopWatching(): void {
    this.watcher?.run.abort();
    this.watcher = null;
    this.added = [];
  }

  /** New blocks, annotated like the first articles: converted (if on), ruby (if on), then terms. */
  private async addBlocks(blocks: Element[]): Promise<void> {
    const t0 = performance.now();
    // The converter batches what the page adds on its own clock: have it done with these first.
    await this.converter?.conv.settle();
    const session = this.session;
    const sessionRun = this.sessionRun;
    if (!session || !sessionRun || !this.watcher) return;
    const fresh = await freshBlocks(this.watcher.w, blocks, sessionRun.signal);
    if (!fresh.length) return;
    const from = session.index.articles.length;
    await session.addBlocks(fresh);
    // Ruby (if on) comes to them as to the first articles: near the viewport.
    if (this.session === session) this.ruby?.lazy?.watch(from);
    this.added.push(...fresh);
    this.stamp('addedBlocks', this.added.length);
    this.stamp('addedMs', performance.now() - t0);
  }

  private needsRescan = false;
  private wordsNoted = new Set<string>();

  private async restartSession(terms: boolean): Promise<void> {
    this.stopSession();
    const run = new AbortController();
    this.signal.addEventListener('abort', () => run.abort());
    this.sessionRun = run;
    const session = await startPage(this.doc, this.api, run.signal, this.find, this.added);
    this.session = session;
    // Once per page address: a restart (a switched setting) is not a new reading.
    const url = this.doc.location?.href; // (none in a detached or test document)
    if (url && !this.wordsNoted.has(url)) {
      this.wordsNoted.add(url);
      this.api.noteSavedWords(url, session.index.articles.map((a) => a.model.text));
    }
    for (const [key, ms] of this.figures) session.stamp(key, ms);
    session.setTermsVisible(terms, this.state?.settings.highlightStyle);
    // (A session built over ruby already on: its scan read the ruby's pieces, and reads through the layer.)
    if (this.ruby && this.ruby.key !== 'selection') session.index.view = this.ruby.layer;
    this.needsRescan = false;
    if (session.articles.length) {
      // One digest entry per part (a part is a whole article unless the article is huge),
      // read when asked: blocks the page added meanwhile are in.
      const inputs = () =>
        session.index.articles.map((a, i) => {
          const art = session.articles[session.partArticle[i]];
          const first = session.partArticle.indexOf(session.partArticle[i]) === i;
          return { text: a.model.text, title: first ? art.title : null, byline: first ? art.byline : null, source: first ? art.source : null, dateline: first ? art.dateline : null };
        });
      this.sidebar = new SidebarPanel(
        this.doc,
        session.index,
        {
          // In batches of articles: one message of a long page's digest (~1 MB) is a long task where it lands.
          digest: () => digestInBatches(inputs(), (batch) => this.api.digest(batch)),
          summaries: async (ids) => new Map((await Promise.all(ids.map((id) => this.api.term(id)))).filter((x) => !!x).map((x) => [x!.entry.id, x!.entry.summary_en])),
          setOpen: (open) => this.api.setSidebarOpen(open),
          entries: async (ids) => new Map((await Promise.all(ids.map((id) => this.api.term(id)))).filter((x) => !!x).map((x) => [x!.entry.id, x!.entry])),
          saveWords: (words) => this.api.saveWords(words),
        },
        run.signal,
      );
      if (this.state?.site?.sidebar) await this.sidebar.toggle(true);
    }
  }

  /** Stop the session and move its ranges out of the page (sliced). */
  private async releaseSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.stopSession();
    await runSliced(session.releaseRanges(), this.signal);
  }

  private stopSession(): void {
    this.sessionRun?.abort();
    this.sessionRun = null;
    this.session = null;
    this.sidebar = null;
  }

  /**
   * Ruby page-wide: near the viewport (lazy-ruby.ts), the session kept and reading through the
   * layer. Not awaited past the first near batch's start: the figures are stamped when it is in.
   */
  private async applyRuby(key: string, settings: Settings): Promise<void> {
    const session = this.session;
    if (!session) return;
    const layer = new RubyLayer(this.doc);
    session.index.view = layer;
    const stats = newSliceStats();
    const lazy = new LazyRuby(
      this.doc.defaultView!,
      session.index,
      layer,
      { style: settings.pinyinStyle, toneColors: settings.toneColors },
      { readings: (texts) => this.api.pinyin(texts), repoint: (parts) => session.repoint(parts), stats, pace: this.rubyPace },
      this.signal,
    );
    this.ruby = { layer, key, lazy };
    const t0 = performance.now();
    lazy.watch();
    void lazy.first.then(() => {
      if (this.ruby?.lazy !== lazy) return;
      this.stamp('rubyMs', performance.now() - t0);
      this.stampSlices('ruby', stats);
    });
    void lazy.first.then(() => lazy.idle()).then(() => {
      if (this.ruby?.lazy !== lazy) return;
      // All the ruby due so far is in (a small page: all of it).
      this.stamp('rubyIdleMs', performance.now() - t0);
      this.stampSlices('ruby', stats);
    });
  }

  /** Settles when the page-wide ruby due so far is in (none on: at once). For tests. */
  async rubyIdle(): Promise<void> {
    const lazy = this.ruby?.lazy;
    if (!lazy) return;
    await lazy.first;
    await lazy.idle();
  }

  /** Ruby off: the original text nodes back (sliced), and the session's ranges back on them. */
  private async removeRuby(): Promise<void> {
    const ruby = this.ruby;
    this.ruby = null;
    if (!ruby) return;
    // Ruby over a selection was put in under the session's feet: the page is scanned again.
    if (ruby.key === 'selection') this.needsRescan = true;
    const t0 = performance.now();
    await ruby.lazy?.stop();
    const stats = newSliceStats();
    // The session (if kept) reads the original nodes again; after each frame's share, the ranges
    // of the parts whose nodes it gave back follow (only those).
    const session = this.session && this.session.index.view === ruby.layer ? this.session : null;
    if (session) session.index.view = null;
    const moved = new Set<number>();
    const restored = (node: Text) => {
      if (!session) return;
      const parts = ruby.lazy?.partsOf(node) ?? [];
      if (parts.length) for (const p of parts) moved.add(p);
      else {
        // (ruby over a selection: a node the lazy layer did not watch)
        const at = session.index.pointAt(node, 0);
        if (at) moved.add(at.article);
      }
    };
    const repoint = () => {
      if (session && moved.size) for (const _ of session.repoint(moved)) stats.steps++;
      moved.clear();
    };
    await runPerFrame(this.doc.defaultView!, ruby.layer.removeWork(restored), stats, this.signal, { budget: RUBY_OFF_PER_FRAME.start, afterShare: repoint, pace: this.rubyOffPace });
    this.stamp('rubyOffMs', performance.now() - t0);
    this.stampSlices('rubyOff', stats);
  }

  /** Steps and yields of a sliced pass (ruby, restore: counts that depend on the page, read by tests). */
  private stampSlices(prefix: string, stats: SliceStats): void {
    this.stamp(`${prefix}Steps`, stats.steps);
    this.stamp(`${prefix}Yields`, stats.yields);
    this.stamp(`${prefix}LongestSlice`, stats.longestSlice);
    this.stamp(`${prefix}LongestMs`, stats.longestMs);
  }

  /** Pinyin over the current selection only (context menu). */
  async rubySelection(): Promise<number> {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return 0;
    const range = sel.getRangeAt(0);
    const walker = this.doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    if (range.commonAncestorContainer.nodeType === 3) nodes.push(range.commonAncestorContainer as Text);
    while (walker.nextNode()) if (range.intersectsNode(walker.currentNode) && isHan((walker.currentNode as Text).data)) nodes.push(walker.currentNode as Text);
    const readings = await this.api.pinyin(nodes.map((n) => n.data));
    const perNode = new Map(nodes.map((n, i) => [n, spreadSyllables(n.data, readings[i] ?? [])]));
    const layer = this.ruby?.layer ?? new RubyLayer(this.doc);
    const settings = this.state?.settings;
    const n = layer.apply(nodes, (x) => perNode.get(x)!, { style: settings?.pinyinStyle ?? 'marks', toneColors: settings?.toneColors ?? false });
    // With pinyin on page-wide, the session reads through this layer: its ranges over these nodes follow.
    const session = this.session;
    if (session && session.index.view === layer) {
      const parts = new Set(nodes.map((x) => session.index.pointAt(x, 0)?.article).filter((a): a is number => a !== undefined));
      for (const p of parts) this.ruby?.lazy?.touched.add(p);
      for (const _ of session.repoint(parts));
    }
    this.ruby ??= { layer, key: 'selection', lazy: null };
    return n;
  }

  private teardown(): void {
    this.stopWatching();
    void this.ruby?.lazy?.stop();
    this.ruby?.layer.remove();
    this.ruby = null;
    this.converter?.run.abort();
    this.converter = null;
    this.stopSession();
  }
}
