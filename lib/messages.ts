/**
 * Every message between the extension's parts, in one typed map (as Yomitan does).
 * Content script → background: the engine's work. Popup → content script: page status.
 */
import type { GlossaryEntry } from './glossary/schema';
import type { DictEntry } from './dict/cedict';
import type { ScriptMode } from './settings/model';
import type { SavedWord, WordDraft } from './words/record';
import type { Change as WordChange } from './words/store';

export type { WordChange };

export interface ArticleStatus {
  title: string | null;
  byline: string | null;
  source?: string | null;
  dateline?: string | null;
  han: number;
}

export interface PageStatus {
  host: string;
  enabled: boolean;
  chinese: boolean;
  articles: ArticleStatus[];
  /** Glossary terms highlighted on the page (occurrences). */
  terms: number;
  /** The page is a PDF the browser shows (its address): the popup offers Dubao's PDF viewer. */
  pdf?: string;
}

/** One text's annotation, compact for messaging (flat number arrays, ids by index). */
export interface TextAnnotation {
  /** [start, end, entryIndex, …]: entryIndex into `termIds` of the response. */
  terms: number[];
  /** [start, end, …]: numbered formulas not in the glossary. */
  formulas: number[];
}

/** What a hover card shows for a glossary entry. */
export interface TermInfo {
  entry: GlossaryEntry;
  related: Array<{ id: string; term: string; english: string }>;
}

export interface WordInfo {
  word: string;
  /** Where the word stands in the context that was sent. */
  start: number;
  end: number;
  /** Tone-marked reading in context (from Dubao's pinyin engine). */
  pinyin: string;
  entries: DictEntry[];
}

export interface BackgroundMessages {
  /** Segment texts and find glossary terms and formulas in them. */
  annotate: {
    req: { texts: string[]; wait?: boolean };
    res: { texts: TextAnnotation[]; termIds: string[]; provisional?: boolean };
  };
  /** A glossary entry and its related entries' names. */
  term: { req: { id: string }; res: TermInfo | null };
  /**
   * The word at index `at` of `context` (a window of text around the pointer): segmented in
   * the background (so the page never receives a whole page of tokens), with its entries.
   */
  lookup: { req: { context: string; at: number }; res: WordInfo };
  /** Word boundaries of each text ([start, end, …]), as every other step sees them. */
  tokens: { req: { texts: string[] }; res: { tokens: number[][] } };
  /** Readings in context: for each text, one syllable per Han character, in order. */
  pinyin: { req: { texts: string[] }; res: { readings: string[][] } };
  /** Convert strings between simplified and traditional (word-aware). */
  convert: { req: { texts: string[]; mode: ScriptMode }; res: { texts: string[] } };
  /** The sidebar's digest of the page's articles. */
  digest: { req: { articles: DigestInput[] }; res: PageDigest };
  /** Keep words in "My words" (one record per word: a known word is updated, never doubled). */
  saveWords: { req: { words: WordDraft[] }; res: WordChange };
  /** Merge records read from a JSON export, by word. */
  importWords: { req: { words: SavedWord[] }; res: WordChange };
  /** Saved words met on a page the reader opened (word → occurrences): "times met" counts it. */
  metWords: { req: { url: string; counts: Record<string, number> }; res: WordChange };
  /** Delete words from "My words". */
  deleteWords: { req: { words: string[] }; res: WordChange };
  /** Open the options page (the glossary browser) at a hash. */
  openOptions: { req: { hash: string }; res: true };
  /** Inject the content script's second stage into the asking frame: its first stage found Chinese. */
  loadSecondStage: { req: Record<string, never>; res: true };
}

/** Commands from the keyboard (manifest commands), relayed by the background. */
export type CommandName = 'next-term' | 'previous-term' | 'toggle-pinyin' | 'toggle-sidebar';

export interface ContentMessages {
  status: { req: Record<string, never>; res: PageStatus };
  /** Select text and show pinyin over it (context menu on a selection). */
  pinyinSelection: { req: Record<string, never>; res: true };
  command: { req: { name: CommandName }; res: true };
}

export type Envelope<M, K extends keyof M = keyof M> = K extends keyof M
  ? { type: K; data: M[K] extends { req: infer R } ? R : never }
  : never;

export type Res<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

// ── The page digest (the sidebar, its exports, `dubao digest`) ──

/** One article as the page sends it for its digest. */
export interface DigestInput {
  text: string;
  title: string | null;
  byline: string | null;
  /** Where it comes from and when, as the page says it (来源：X, 2019-12-10 07:57). */
  source?: string | null;
  dateline?: string | null;
}

/**
 * What the sidebar shows for one article: the summary with offsets into the article's reading
 * text, so that every item can be scrolled to on the page.
 */
export interface Located {
  text: string;
  start: number;
  end: number;
}

export interface ArticleDigest {
  title: string | null;
  byline: string | null;
  source?: string | null;
  dateline?: string | null;
  sentences: Located[];
  people: Array<Located & { name: string; title: string | null }>;
  places: Located[];
  figures: Located[];
  terms: Array<{ id: string; term: string; english: string; count: number; first: Located }>;
}

export interface PageDigest {
  articles: ArticleDigest[];
  /** All glossary terms of the page, with counts. */
  terms: Array<{ id: string; term: string; english: string; pinyin: string; count: number }>;
  /** Numbered formulas not in the glossary: article index and location. */
  formulas: Array<Located & { article: number }>;
}
