/**
 * One article at a glance: key sentences, people with titles, places, organisations, key
 * figures, dates and the glossary terms it uses. DOM-free: offsets into the caller's text.
 */
import { BYLINE_LINE, SOURCE_LEAD } from '../articles/patterns';
import type { ArticleSpan } from '../articles/split-text';
import type { TermMatch } from '../glossary/matcher';
import type { Token } from '../segment/segmenter';
import { datesIn, uniqueDates } from './dates';
import { figuresIn, uniqueFigures, type Figure } from './figures';
import type { IdfTable } from './idf';
import { tokensIn } from './keywords';
import { orgsIn, uniqueNames } from './orgs';
import { peopleIn } from './people';
import { placesIn, uniquePlaces } from './places';
import { rankSentences, type RankOptions } from './rank';
import { splitSentences, type Sentence } from './sentences';

/** An article span: what splitArticles gives, or just {start, end} for text found some other way. */
export type ArticleInput = Pick<ArticleSpan, 'start' | 'end'> & Partial<Omit<ArticleSpan, 'start' | 'end'>>;

export interface SummaryOptions {
  /** Keyword weights (parseIdfTable on generated/idf.tsv). Without it every word weighs 1 and
   * people/places lose their common-word filter: pass it. */
  idf?: IdfTable | null;
  /** Number of key sentences (default: 2 for a short article, 3 otherwise). */
  count?: number;
  /** Use headline, subtitle and sub-headlines as a signal (default true). */
  useHeadings?: boolean;
  weights?: RankOptions['weights'];
}

export interface TermCount {
  id: string;
  /** The form seen first on the page. */
  term: string;
  count: number;
}

export interface ArticleSummary {
  title: string | null;
  byline: string | null;
  start: number;
  end: number;
  /** Key sentences in reading order, source lead (本报X讯（记者 …）) removed. */
  summary: string[];
  /** The same sentences with their offsets in the text (for scrolling to / marking them). */
  sentences: Array<{ start: number; end: number; text: string }>;
  people: Array<{ name: string; title: string | null }>;
  places: string[];
  organisations: string[];
  /** "临时救助 2.49万人次" — see figureDetails for the parts. */
  figures: string[];
  figureDetails: Figure[];
  dates: string[];
  /** Glossary terms inside the article, most frequent first. */
  terms: TermCount[];
}

const MAX_CANDIDATES = 300;

export function summarizeArticle(
  text: string,
  article: ArticleInput,
  tokens: ReadonlyArray<Token>,
  termMatches: ReadonlyArray<TermMatch> = [],
  options: SummaryOptions = {},
): ArticleSummary {
  const idf = options.idf ?? null;
  const bodyStart = article.bodyStart ?? article.start;
  const bodyEnd = article.bodyEnd ?? article.end;
  const bodyTokens = tokensIn(tokens, bodyStart, bodyEnd);
  const skip = [...(article.subheads ?? []), ...(article.captions ?? [])];
  const candidates = splitSentences(text, bodyStart, bodyEnd)
    .filter((s) => !skip.some((k) => s.start < k.end && k.start < s.end))
    .filter((s) => !isSourceLine(s.text) && !isHeadingLine(text, s))
    .map(stripLead)
    // The sentence graph is quadratic: a huge "article" (a million characters pasted as one
    // text) would exhaust memory. Key sentences come from the first 300 sentences.
    .slice(0, MAX_CANDIDATES);
  const headings = options.useHeadings === false ? [] : [article.title, article.subtitle, ...(article.subheads ?? []).map((s) => s.text)].filter((h): h is string => !!h);
  const ranked = rankSentences(text, candidates, bodyTokens, idf, {
    count: options.count,
    headings,
    weights: options.weights,
    sections: (article.subheads ?? []).map((h) => h.end),
  });
  const chosen = ranked.map((r) => candidates[r.index]);

  const terms = termMatches.filter((m) => m.start >= article.start && m.end <= article.end);
  // A name inside a glossary term (现代化强市, 技能济宁) is part of a slogan, not a mention.
  const inTerm = (x: { start: number; end: number }) => terms.some((m) => m.start <= x.start && x.end <= m.end);
  const people = peopleIn(text, bodyStart, bodyEnd, bodyTokens, idf, article.byline ?? null).map(({ name, title }) => ({ name, title }));
  const orgs = orgsIn(text, bodyStart, bodyEnd, bodyTokens, idf).filter((o) => !inTerm(o));
  // A place inside a company's name (山东 in 山东麦乐宝有限公司) is the company's, not a place mentioned.
  const companies = orgs.filter((o) => /公司|集团|银行/.test(o.name));
  const places = placesIn(text, bodyStart, bodyEnd, bodyTokens, idf).filter((p) => !inTerm(p) && !companies.some((o) => o.start <= p.start && p.end <= o.end));
  const figures = uniqueFigures(figuresIn(text, bodyStart, bodyEnd, bodyTokens));
  return {
    title: article.title ?? null,
    byline: article.byline ?? null,
    start: article.start,
    end: article.end,
    summary: chosen.map((s) => s.text),
    sentences: chosen.map(({ start, end, text: t }) => ({ start, end, text: t })),
    people,
    places: uniquePlaces(places),
    organisations: uniqueNames(orgs),
    figures: figures.map((f) => f.text),
    figureDetails: figures,
    dates: uniqueDates(datesIn(text, bodyStart, bodyEnd)),
    terms: countTerms(terms),
  };
}

/** Terms by id with counts, most frequent first (ties: first seen first). */
export function countTerms(matches: ReadonlyArray<TermMatch>): TermCount[] {
  const byId = new Map<string, TermCount & { first: number }>();
  for (const m of matches) {
    const had = byId.get(m.id);
    if (had) had.count++;
    else byId.set(m.id, { id: m.id, term: m.term, count: 1, first: m.start });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ id, term, count }) => ({ id, term, count }));
}

/** A short line without terminal punctuation is a headline or sub-headline (text given without a layout). */
function isHeadingLine(text: string, s: Sentence): boolean {
  const wholeLine = (s.start === 0 || text[s.start - 1] === '\n') && (s.end === text.length || text[s.end] === '\n');
  return wholeLine && s.text.length <= 40 && !/[。！？!?…][”’」』）)]*$/u.test(s.text);
}

/** A source line (■本报记者 X) or a page's note about the article (（原标题：…）, 责任编辑：X), not a sentence of it. */
function isSourceLine(s: string): boolean {
  return BYLINE_LINE.test(s) || (s.startsWith('■') && s.length <= 40) || /^[（(]?\s*(?:原标题|原题|本文原标题|责任编辑|责编)[：:]/.test(s);
}

/** Drop a page pointer (2版>>) and the source lead (本报济宁讯（记者 宋仪凯）) from a sentence's start. */
function stripLead(s: Sentence): Sentence {
  let cut = 0;
  const pointer = /^\d+版>>\s*/.exec(s.text);
  if (pointer) cut = pointer[0].length;
  const lead = SOURCE_LEAD.exec(s.text.slice(cut, cut + 40));
  if (lead && lead.index === 0) cut += lead[0].length;
  while (cut < s.text.length && /[\s　]/.test(s.text[cut])) cut++;
  return cut ? { ...s, start: s.start + cut, text: s.text.slice(cut) } : s;
}
