/**
 * What the sidebar shows for one article: the engine's summary with offsets into the article's
 * reading text, so that every item can be scrolled to on the page.
 */
export interface Located {
  text: string;
  start: number;
  end: number;
}

export interface ArticleDigest {
  title: string | null;
  byline: string | null;
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
