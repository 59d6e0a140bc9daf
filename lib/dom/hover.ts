/**
 * Hover cards: when the pointer settles (~150 ms) on a glossary term, a numbered formula or any
 * Chinese word of an article, a card explains it. The card stays while the pointer moves into
 * it and closes on leave, Esc or scroll. next()/previous() step through the page's terms.
 */
import { h, render } from 'preact';
import { Card, type CardContent } from '../ui/card/Card';
import { CARD_CSS } from '../ui/card/styles';
import { WordActions } from '../ui/card/WordActions';
import { WORD_BUTTONS_CSS } from '../ui/words/styles';
import type { TermInfo, WordChange, WordInfo } from '../messages';
import type { WordDraft } from '../words/record';
import { cardDraft } from './card-draft';
import { isHan } from '../text/han';
import { ACTIVE_HIGHLIGHT, setHighlight } from './highlights';
import { caretAt } from './hit-test';
import type { Span } from '../text/span';
import { spanAt, type PageIndex } from './page-index';
import { createUiHost } from './ui-host';

export interface HoverApi {
  term(id: string): Promise<TermInfo | null>;
  /** Readings in context, one syllable per Han character of each text. */
  pinyin(texts: string[]): Promise<string[][]>;
  /** The word at index `at` of `context`, with its dictionary entries. */
  lookup(context: string, at: number): Promise<WordInfo>;
  openOptions(hash: string): void;
  /** Keep words in "My words". */
  saveWords(words: WordDraft[]): Promise<WordChange>;
}

export const SETTLE_MS = 150;
/** A text field, select or editable element (keys typed there are the page's). */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? ''));
}

/** Keys of the card's buttons while it is open. */
const CARD_KEYS: Record<string, string> = { s: '.save', l: '.speak' };

/** Escape key events that already closed a card. */
export const escapeUsed = new WeakSet<Event>();

export class HoverCards {
  private host: HTMLElement;
  private mount: HTMLElement;
  private timer = 0;
  private x = 0;
  private y = 0;
  private shown: { article: number; span: Span } | null = null;
  private overCard = false;
  private active = -1;
  private version = 0;
  /** Scrolls we cause ourselves (stepping to a term) do not close the card. */
  private quietUntil = 0;
  private termCache = new Map<string, Promise<TermInfo | null>>();
  /** Off: the pointer is ignored (terms switched off in the settings). */
  enabled = true;
  /** Only while Alt is held (a setting for readers who find cards distracting). */
  needsAlt = false;

  /** `stamp` puts a figure on the session's marker layer (MarkerLayer.stamp). */
  constructor(
    private doc: Document,
    private index: PageIndex,
    private api: HoverApi,
    signal: AbortSignal,
    private stamp: (key: string, value: number) => void,
  ) {
    const { host, root } = createUiHost(doc, 'dubao-card', 'card', CARD_CSS + WORD_BUTTONS_CSS);
    this.host = host;
    this.mount = doc.createElement('div');
    root.append(this.mount);
    doc.documentElement.append(this.host);
    const win = doc.defaultView!;
    const opts = { signal, passive: true, capture: true } as const;
    doc.addEventListener('mousemove', (e) => this.onMove(e), opts);
    win.addEventListener('scroll', () => performance.now() > this.quietUntil && this.close(), opts);
    doc.addEventListener('keydown', (e) => {
      if (!this.mount.firstChild) return;
      if (e.key === 'Escape') {
        this.close();
        escapeUsed.add(e); // the sidebar leaves this Esc alone
      } else if (!e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        // While a card is open: S saves its word, L reads it aloud (the card's own buttons).
        const button = CARD_KEYS[e.key.toLowerCase()];
        const el = button && (this.mount.querySelector(button) as HTMLButtonElement | null);
        if (!el) return;
        e.preventDefault();
        el.click();
      }
    }, { signal, capture: true });
    this.host.addEventListener('mouseenter', () => (this.overCard = true), { signal });
    this.host.addEventListener('mouseleave', () => {
      this.overCard = false;
      this.schedule();
    }, { signal });
    signal.addEventListener('abort', () => {
      win.clearTimeout(this.timer);
      render(null, this.mount);
      this.host.remove();
      setHighlight(win, ACTIVE_HIGHLIGHT, []);
    });
  }

  private onMove(e: MouseEvent): void {
    if (!this.enabled || (this.needsAlt && !e.altKey)) return;
    this.x = e.clientX;
    this.y = e.clientY;
    if (e.composedPath().includes(this.host)) return;
    this.schedule();
  }

  private schedule(): void {
    const win = this.doc.defaultView!;
    win.clearTimeout(this.timer);
    this.timer = win.setTimeout(() => void this.settle(), SETTLE_MS);
  }

  /** The pointer has rested: find what is under it and show (or keep, or close) the card. */
  async settle(): Promise<void> {
    if (this.overCard) return;
    const t0 = performance.now();
    const hit = caretAt(this.doc, this.x, this.y);
    const point = hit && this.index.pointAt(hit.node, hit.offset);
    if (!hit || !point) return this.close();
    const a = this.index.articles[point.article];
    const term = spanAt(a.terms, point.offset);
    const formula = term ? null : spanAt(a.formulas, point.offset);
    if (!term && !formula) {
      if (!isHan(a.model.text[point.offset] ?? '')) return this.close();
      if (this.shown && this.shown.article === point.article && this.shown.span.start <= point.offset && point.offset < this.shown.span.end) return;
      await this.openWord(point.article, point.offset, hit.rect);
    } else {
      const span = (term ?? formula)!;
      if (this.shown && this.shown.article === point.article && this.shown.span.start === span.start) return;
      await this.openSpan(point.article, span, term ? term.id : null, hit.rect);
    }
    // Settle → card painted (after the next frame): data-latency-ms for the benchmark.
    this.doc.defaultView!.requestAnimationFrame(() => this.stamp('latencyMs', performance.now() - t0));
  }

  /** A glossary term (termId) or a numbered formula (termId null). */
  private async openSpan(article: number, span: Span, termId: string | null, anchor: DOMRect): Promise<void> {
    const v = ++this.version;
    this.shown = { article, span };
    const text = this.index.text(article, span);
    let content: CardContent;
    if (termId) {
      const info = await this.termInfo(termId);
      if (!info) return;
      content = { kind: 'term', info, count: this.index.countOf(termId), pageForm: text };
    } else {
      const [syllables] = await this.api.pinyin([text]);
      content = { kind: 'formula', text, pinyin: syllables.join(' ') };
    }
    if (v !== this.version) return; // a newer hover won
    this.paint(content, anchor);
  }

  /** Any other word: the background segments a window of text around the pointer. */
  private async openWord(article: number, offset: number, anchor: DOMRect): Promise<void> {
    const v = ++this.version;
    const text = this.index.articles[article].model.text;
    const from = Math.max(0, offset - 24);
    const to = Math.min(text.length, offset + 24);
    this.shown = { article, span: { start: offset, end: offset + 1 } };
    const info = await this.api.lookup(text.slice(from, to), offset - from);
    if (v !== this.version) return;
    this.shown = { article, span: { start: from + info.start, end: from + info.end } };
    this.paint({ kind: 'word', info }, anchor);
  }

  private termInfo(id: string): Promise<TermInfo | null> {
    let p = this.termCache.get(id);
    if (!p) this.termCache.set(id, (p = this.api.term(id)));
    return p;
  }

  private paint(content: CardContent, anchor: DOMRect, from: 'page' | 'related' = 'page'): void {
    const at = from === 'page' ? this.shown : null;
    const word = content.kind === 'term' ? content.info.entry.term : content.kind === 'word' ? content.info.word : null;
    const save = () => {
      const draft = cardDraft(this.doc, this.index, content, at);
      return draft ? this.api.saveWords([draft]) : Promise.reject(new Error('nothing to save'));
    };
    render(
      h(Card, {
        content,
        // Keyed by the word: a new word gets fresh buttons (not the last one's "saved").
        actions: word ? h(WordActions, { key: word, word, save }) : null,
        onRelated: (id: string) => void this.termInfo(id).then((info) => info && this.paint({ kind: 'term', info, count: this.index.countOf(id), pageForm: info.entry.term }, anchor, 'related')),
        onMore: (id: string) => this.api.openOptions(`term=${encodeURIComponent(id)}`),
        onClose: () => this.close(),
      }),
      this.mount,
    );
    const card = this.mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    const win = this.doc.defaultView!;
    const w = card.offsetWidth;
    const left = Math.min(Math.max(8, anchor.left), win.innerWidth - w - 8);
    // Below the word, else above; when it fits on neither side, on the roomier one, no taller
    // than that room (the card scrolls; its save and listen buttons stay at its foot).
    const roomBelow = win.innerHeight - anchor.bottom - 14;
    const roomAbove = anchor.top - 14;
    card.style.maxHeight = '';
    let hgt = card.offsetHeight;
    const onTop = hgt > roomBelow && (hgt <= roomAbove || roomAbove > roomBelow);
    const room = onTop ? roomAbove : roomBelow;
    if (hgt > room) {
      card.style.maxHeight = `${Math.max(120, room)}px`;
      hgt = card.offsetHeight;
    }
    const top = onTop ? anchor.top - hgt - 6 : anchor.bottom + 6;
    card.style.left = `${left}px`;
    card.style.top = `${Math.max(8, top)}px`;
  }

  close(): void {
    if (!this.shown && !this.mount.firstChild) return;
    this.version++;
    this.shown = null;
    this.overCard = false;
    render(null, this.mount);
    setHighlight(this.doc.defaultView!, ACTIVE_HIGHLIGHT, []);
  }

  /** Step to the next (+1) or previous (-1) term on the page, scroll to it and open its card. */
  async step(dir: 1 | -1): Promise<void> {
    if (!this.enabled) return;
    const all = this.index.allTerms();
    if (!all.length) return;
    this.active = (this.active + dir + all.length) % all.length;
    const term = all[this.active];
    const range = this.index.range(term.article, term);
    if (!range) return;
    this.quietUntil = performance.now() + 500;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.shown = null;
    await this.openSpan(term.article, term, term.id, range.getBoundingClientRect());
    setHighlight(this.doc.defaultView!, ACTIVE_HIGHLIGHT, [range]);
  }
}

