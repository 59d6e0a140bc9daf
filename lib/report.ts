/**
 * The Report: what `annotate` returns and what `dubao annotate --format json` prints.
 * Field names here are a contract other tools rely on: add fields, never rename these.
 */
export interface ReportToken {
  start: number;
  end: number;
  /** One tone-marked syllable per Han character of text.slice(start, end). */
  pinyin: string[];
}

export interface ReportTerm {
  id: string;
  term: string;
  start: number;
  end: number;
}

export interface ReportFormula {
  text: string;
  start: number;
  end: number;
}

export interface ReportPerson {
  name: string;
  title: string | null;
}

export interface ReportArticle {
  title: string | null;
  byline: string | null;
  start: number;
  end: number;
  summary: string[];
  people: ReportPerson[];
  places: string[];
  figures: string[];
  terms: string[];
  /** Extra fields (not part of the fixed contract). */
  subtitle?: string | null;
  /** Where the article comes from (来源：X), as the page says it. */
  source?: string | null;
  /** When it was published, as the page writes it (2019-12-10 07:57:40). */
  dateline?: string | null;
  organisations?: string[];
  dates?: string[];
  termCounts?: Array<{ id: string; term: string; count: number }>;
  bodyStart?: number;
  bodyEnd?: number;
  /** PDF input: the page (1-based) the article is printed on. */
  page?: number;
  /** PDF input: "下转第2版" (to: 2) / "上接第1版" (from: 1) printed in the article. */
  continued?: { to?: number; from?: number };
}

export interface Report {
  /** The input, character for character: every offset points into it (UTF-16 offsets). */
  text: string;
  tokens: ReportToken[];
  terms: ReportTerm[];
  formulas: ReportFormula[];
  articles: ReportArticle[];
  /** Only with a script option. */
  converted?: string;
  /**
   * Line breaks read as joined (a word broken at a printed column's edge: 高质量发 / 展), as
   * [start, end) spans of `text`: tokens and terms may span them.
   */
  joinedBreaks?: Array<[number, number]>;
  /** Headings that belong to no article (banners, slogans). */
  banners?: string[];
}

/** What finding an article gives before its summary: where it is and its headline and meta lines. */
export type ArticleHead = Pick<ReportArticle, 'title' | 'byline' | 'start' | 'end' | 'subtitle' | 'source' | 'dateline' | 'bodyStart' | 'bodyEnd'>;

/**
 * A report article for a found span, its summary fields empty (annotate fills them from
 * lib/summary). The one place both finders (text splitter, DOM finder) make articles; fields
 * `head` leaves undefined stay out.
 */
export function reportArticle(head: ArticleHead): ReportArticle {
  const a: ReportArticle = { title: head.title, byline: head.byline, start: head.start, end: head.end, summary: [], people: [], places: [], figures: [], terms: [] };
  if (head.subtitle !== undefined) a.subtitle = head.subtitle;
  if (head.source !== undefined) a.source = head.source;
  if (head.dateline !== undefined) a.dateline = head.dateline;
  if (head.bodyStart !== undefined) a.bodyStart = head.bodyStart;
  if (head.bodyEnd !== undefined) a.bodyEnd = head.bodyEnd;
  return a;
}
