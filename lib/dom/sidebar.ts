/**
 * The sidebar on the page: a Preact panel in a shadow root, fixed at the right. While it is open
 * the page is narrowed (margin on <html>, restored exactly on close) so that the panel does not
 * cover the text it summarises — except on a very long page, where it lies over the page (see
 * NARROW_MAX_CHARS). A small floating button opens it.
 */
import { h, render } from 'preact';
import { Sidebar } from '../ui/sidebar/Sidebar';
import { SIDEBAR_CSS, SIDEBAR_WIDTH } from '../ui/sidebar/styles';
import { digestJson, digestMarkdown, termsTsv } from '../ui/sidebar/export';
import type { Located, PageDigest, WordChange } from '../messages';
import type { GlossaryEntry } from '../glossary/schema';
import type { WordDraft } from '../words/record';
import { sentenceAround } from '../words/sentence';
import { countSaved } from '../words/met';
import { WORD_BUTTONS_CSS } from '../ui/words/styles';
import { t } from '../ui/i18n';
import { ACTIVE_HIGHLIGHT, setHighlight } from './highlights';
import type { PageIndex } from './page-index';
import { UI_HOST_ATTR } from './walk';
import { createUiHost } from './ui-host';
import { escapeUsed } from './hover';
import { nextFrame } from './frame-pace';

export interface SidebarApi {
  digest(): Promise<PageDigest>;
  summaries(ids: string[]): Promise<Map<string, string>>;
  setOpen(open: boolean): void;
  /** Glossary entries by id (categories of the terms saved to "My words"). */
  entries(ids: string[]): Promise<Map<string, GlossaryEntry>>;
  saveWords(words: WordDraft[]): Promise<WordChange>;
}

/**
 * Article text (characters) up to which the page is narrowed for the panel. Narrowing changes
 * the width of every line, so the browser lays the whole page out again, on open and on close:
 * on a 1,000,000-character page that froze it for 0.2–0.6 s in Firefox (about 0.2 ms per 1,000
 * characters or more). A reader of a page that long is better served by a panel that opens at
 * once over the right edge (and closes with Esc or ×) than by a page that stops answering twice;
 * newspaper pages (a few thousand to 30,000 characters) keep their margin.
 */
export const NARROW_MAX_CHARS = 100_000;

/** Articles of the digest put into the panel per frame (fill). */
const ARTICLES_PER_FRAME = 4;

export class SidebarPanel {
  private host: HTMLElement;
  private mount: HTMLElement;
  private fab: HTMLButtonElement;
  private open = false;
  private digest: PageDigest | null = null;
  /** Articles painted so far (the panel's fill puts them in a few a frame). */
  private shown = 0;
  private flashTimer = 0;

  constructor(private doc: Document, private index: PageIndex, private api: SidebarApi, signal: AbortSignal) {
    const { host, root } = createUiHost(doc, 'dubao-sidebar', 'sidebar', SIDEBAR_CSS + WORD_BUTTONS_CSS);
    this.host = host;
    this.mount = doc.createElement('div');
    this.fab = doc.createElement('button');
    this.fab.className = 'fab';
    this.fab.type = 'button';
    this.fab.textContent = '读';
    this.labelFab();
    this.fab.addEventListener('click', () => this.toggle(true, true), { signal });
    root.append(this.mount, this.fab);
    doc.documentElement.append(this.host);
    // Esc closes the hover card first (if one is open), the sidebar with the next Esc.
    doc.addEventListener('keydown', (e) => e.key === 'Escape' && this.open && !escapeUsed.has(e) && this.toggle(false, true), { signal });
    signal.addEventListener('abort', () => {
      this.setPageMargin(false);
      render(null, this.mount);
      this.host.remove();
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  private labelFab(): void {
    this.fab.title = t('openSidebar');
    this.fab.setAttribute('aria-label', t('openSidebar'));
  }

  /** The interface language changed: the button and the open panel say it in the new one. */
  relabel(): void {
    this.labelFab();
    if (this.open) this.paint(this.digest, this.shown);
  }

  /** Open or close; `remember` stores the choice for the site (user actions do, state sync does not). */
  async toggle(open = !this.open, remember = false): Promise<void> {
    if (open === this.open) return;
    this.open = open;
    this.fab.hidden = open;
    this.setPageMargin(open);
    if (remember) this.api.setOpen(open);
    if (!open) return void render(null, this.mount);
    const run = ++this.fillRun;
    this.paint(null, 0);
    (this.mount.querySelector('button') as HTMLButtonElement | null)?.focus({ preventScroll: true });
    this.digest ??= await this.api.digest();
    await this.fill(run);
  }

  /** Bumped on every open: the fill of an earlier opening stops. */
  private fillRun = 0;

  /**
   * The digest's articles into the panel a few per frame, the first in the frame after the one
   * that received the digest (its message alone is a task of tens of ms on a long page).
   */
  private async fill(run: number): Promise<void> {
    const digest = this.digest!;
    const win = this.doc.defaultView!;
    let shown = 0;
    do {
      await nextFrame(win);
      if (!this.open || run !== this.fillRun) return;
      shown = Math.min(digest.articles.length, shown + ARTICLES_PER_FRAME);
      this.paint(digest, shown);
    } while (shown < digest.articles.length);
  }

  private paint(digest: PageDigest | null, shown: number): void {
    this.shown = shown;
    render(
      h(Sidebar, { digest, shown, onGo: (a: number, at: Located) => this.go(a, at), onExport: (k: 'md' | 'json' | 'tsv') => void this.export(k), onSaveTerms: (a: number) => this.saveTerms(a), onClose: () => void this.toggle(false, true) }),
      this.mount,
    );
  }

  private narrowed = false;

  private setPageMargin(on: boolean): void {
    if (on === this.narrowed) return;
    if (on && this.index.articles.reduce((n, a) => n + a.model.text.length, 0) > NARROW_MAX_CHARS) return;
    this.narrowed = on;
    narrowPage(this.doc, on);
  }

  /** Scroll to an item of an article and flash it. */
  go(article: number, at: Located): void {
    const range = this.index.range(article, at);
    if (!range) return;
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const win = this.doc.defaultView!;
    setHighlight(win, ACTIVE_HIGHLIGHT, [range]);
    win.clearTimeout(this.flashTimer);
    this.flashTimer = win.setTimeout(() => setHighlight(win, ACTIVE_HIGHLIGHT, []), 1600);
  }

  /** An article's terms, each with the sentence of its first occurrence, to "My words". */
  private async saveTerms(article: number): Promise<WordChange> {
    const digest = this.digest!;
    const terms = digest.articles[article].terms;
    const page = new Map(digest.terms.map((x) => [x.id, x]));
    const entries = await this.api.entries(terms.map((x) => x.id));
    const text = this.index.articles[article].model.text;
    const title = this.doc.title.trim() || this.doc.location.hostname;
    // As "times met" counts pages (the characters in the text), or the glossary's page count.
    const met = countSaved(this.index.articles.map((a) => a.model.text), terms.map((x) => x.term));
    const drafts: WordDraft[] = terms.map((x) => ({
      word: x.term,
      pinyin: page.get(x.id)?.pinyin ?? entries.get(x.id)?.pinyin ?? '',
      english: x.english,
      source: 'glossary',
      termId: x.id,
      category: entries.get(x.id)?.category,
      sentence: sentenceAround(text, x.first.start, x.first.end),
      title,
      url: this.doc.location.href,
      count: Math.max(met[x.term] ?? 0, page.get(x.id)?.count ?? x.count),
    }));
    return this.api.saveWords(drafts);
  }

  private async export(kind: 'md' | 'json' | 'tsv'): Promise<void> {
    if (!this.digest) return;
    const url = this.doc.location.href;
    const body =
      kind === 'md' ? digestMarkdown(this.digest, url) : kind === 'json' ? digestJson(this.digest, url) : termsTsv(this.digest, await this.api.summaries(this.digest.terms.map((x) => x.id)));
    const type = kind === 'md' ? 'text/markdown' : kind === 'json' ? 'application/json' : 'text/tab-separated-values';
    const a = this.doc.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
    a.download = `dubao-${this.doc.location.hostname}.${kind === 'md' ? 'md' : kind}`;
    a.setAttribute(UI_HOST_ATTR, 'download');
    this.host.shadowRoot!.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
}

/**
 * Narrow the page for the sidebar. Panels of successive sessions can overlap for a moment, so
 * the page's own style attribute is saved by the first and put back by the last (a count).
 */
const narrowing = new WeakMap<Document, { count: number; style: string | null }>();

function narrowPage(doc: Document, on: boolean): void {
  const html = doc.documentElement;
  const state = narrowing.get(doc);
  if (on) {
    if (state) return void state.count++;
    const style = html.getAttribute('style');
    narrowing.set(doc, { count: 1, style });
    // As an attribute string, not through html.style (CSSOM): Chromium keeps a touched inline
    // style object around and can serialise it later as style="" after the attribute is removed.
    html.setAttribute('style', `${style ? `${style.replace(/;?\s*$/, ';')} ` : ''}margin-right: ${SIDEBAR_WIDTH}px !important;`);
  } else if (state && --state.count === 0) {
    narrowing.delete(doc);
    if (state.style === null) html.removeAttribute('style');
    else html.setAttribute('style', state.style);
  }
}
