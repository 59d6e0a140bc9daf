// The summary engine's public surface (DOM-free). See summarize.ts and page.ts for the contract.
export { summarizeArticle, countTerms } from './summarize';
export type { ArticleInput, ArticleSummary, SummaryOptions, TermCount } from './summarize';
export { summarizePage } from './page';
export type { FormulaCount, PageOptions, PageSummary } from './page';
export { compactIdf, parseIdfTable, idfFromMap } from './idf';
export type { IdfTable } from './idf';
export { splitSentences } from './sentences';
export type { Sentence } from './sentences';
export type { Figure } from './figures';
