/**
 * The page digest for the sidebar: per article its key sentences, people, places, figures and
 * terms (all located in the article's reading text), and the page's terms and formulas.
 */
import type { GlossaryEntry } from '../glossary/schema';
import type { Matcher } from '../glossary/matcher';
import { findFormulas } from '../glossary/formulas';
import { tokenize, type Segmenter } from '../segment/segmenter';
import type { ArticleDigest, DigestInput, Located, PageDigest } from '../messages';
import { locatedSummary } from './located';
import type { IdfTable } from './idf';


export function buildDigest(inputs: DigestInput[], seg: Segmenter, matcher: Matcher, byId: Map<string, GlossaryEntry>, idf: IdfTable | null): PageDigest {
  const pageTerms = new Map<string, number>();
  const formulas: PageDigest['formulas'] = [];
  const articles = inputs.map((a, ai): ArticleDigest => {
    const tokens = tokenize(seg, a.text);
    const matches = matcher.match(a.text, tokens);
    for (const f of findFormulas(a.text, matches)) formulas.push({ ...f, article: ai });
    const counts = new Map<string, { n: number; first: Located }>();
    for (const m of matches) {
      const c = counts.get(m.id);
      if (c) c.n++;
      else counts.set(m.id, { n: 1, first: { text: m.term, start: m.start, end: m.end } });
      pageTerms.set(m.id, (pageTerms.get(m.id) ?? 0) + 1);
    }
    const s = locatedSummary(a.text, tokens, matches, a.title, a.byline, idf);
    return {
      title: a.title,
      byline: a.byline,
      ...(a.source ? { source: a.source } : {}),
      ...(a.dateline ? { dateline: a.dateline } : {}),
      ...s,
      terms: [...counts.entries()]
        .map(([id, c]) => ({ id, term: byId.get(id)?.term ?? c.first.text, english: byId.get(id)?.english ?? '', count: c.n, first: c.first }))
        .sort((x, y) => y.count - x.count || x.first.start - y.first.start),
    };
  });
  return {
    articles,
    terms: [...pageTerms.entries()]
      .map(([id, count]) => ({ id, count, term: byId.get(id)?.term ?? id, english: byId.get(id)?.english ?? '', pinyin: byId.get(id)?.pinyin ?? '' }))
      .sort((a, b) => b.count - a.count),
    formulas,
  };
}
