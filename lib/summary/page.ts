/**
 * The page at a glance: every article's summary, all glossary terms on the page, and the
 * numbered formulas the glossary does not explain (findFormulas' output, counted).
 */
import { splitArticles, type PageLayout } from '../articles/split-text';
import type { FormulaMatch } from '../glossary/formulas';
import type { TermMatch } from '../glossary/matcher';
import type { Token } from '../segment/segmenter';
import { countTerms, summarizeArticle, type ArticleInput, type ArticleSummary, type SummaryOptions, type TermCount } from './summarize';

export interface FormulaCount {
  text: string;
  count: number;
  /** Indexes into `articles` of the articles it appears in (none if outside every article). */
  articles: number[];
}

export interface PageSummary {
  articles: ArticleSummary[];
  /** Every glossary term on the page (inside articles or not), most frequent first. */
  terms: TermCount[];
  /** Formulas not in the glossary, in order of first appearance. */
  formulas: FormulaCount[];
}

export interface PageOptions extends SummaryOptions {
  /** Articles already found (splitArticles, or spans from the DOM finder); split here if absent. */
  articles?: ArticleInput[];
}

export function summarizePage(
  text: string,
  tokens: ReadonlyArray<Token>,
  termMatches: ReadonlyArray<TermMatch> = [],
  formulas: ReadonlyArray<FormulaMatch> = [],
  options: PageOptions = {},
): PageSummary {
  const spans: ArticleInput[] = options.articles ?? (splitArticles(text) as PageLayout).articles;
  const articles = spans.map((a) => summarizeArticle(text, a, tokens, termMatches, options));
  const byText = new Map<string, FormulaCount>();
  for (const f of [...formulas].sort((a, b) => a.start - b.start)) {
    let c = byText.get(f.text);
    if (!c) byText.set(f.text, (c = { text: f.text, count: 0, articles: [] }));
    c.count++;
    const i = spans.findIndex((a) => a.start <= f.start && f.end <= a.end);
    if (i >= 0 && !c.articles.includes(i)) c.articles.push(i);
  }
  return { articles, terms: countTerms(termMatches), formulas: [...byText.values()] };
}
