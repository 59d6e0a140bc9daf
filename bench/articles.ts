/**
 * The article finder on the 52 real pages (../shared/fixtures/real-pages, read there) against
 * their gold (tests/fixtures/real-pages-gold): right article count and headline, body found
 * (first and last sentence), meta lines read; and its time per page in Node (parse5 + linkedom
 * parse excluded), beside the time to parse the page, as the baseline.
 */
import { findArticles } from '../lib/dom/find-articles';
import { parsePage } from '../lib/cli/parse-page';
import { elementPieces, piecesModel } from '../lib/dom/text-model';
import { foldTitle } from '../lib/articles/meta';
import { realPages } from '../tests/fixtures/real-pages';
import type { BenchOptions } from './node';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

export async function runArticlesBench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const pages = realPages().slice(0, opts.quick ? 6 : undefined);
  let right = 0;
  let first = 0;
  let last = 0;
  const meta = { byline: [0, 0], source: [0, 0], dateline: [0, 0] };
  const finderMs: number[] = [];
  const parseMs: number[] = [];
  const misses: string[] = [];
  for (const p of pages) {
    let t0 = performance.now();
    const doc = parsePage(p.html);
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    const found = findArticles(doc);
    finderMs.push(performance.now() - t0);
    const ok = JSON.stringify(found.map((a) => foldTitle(a.title ?? ''))) === JSON.stringify(p.gold.articles.map((g) => foldTitle(g.headline)));
    if (ok) right++;
    else misses.push(p.gold.page);
    const a = found[0];
    const g = p.gold.articles[0];
    if (!a || !g) continue;
    const body = collapse(piecesModel(elementPieces(a.root)).text);
    if (body.includes(collapse(g.first))) first++;
    if (body.includes(collapse(g.last))) last++;
    for (const k of ['byline', 'source', 'dateline'] as const) {
      if (!g[k]) continue;
      meta[k][1]++;
      const x = collapse(a[k]);
      if (x && (collapse(g[k]).includes(x) || x.includes(collapse(g[k])))) meta[k][0]++;
    }
  }
  return {
    [`pages with the right articles and headlines (of ${pages.length})`]: right,
    'misses': misses.join(' ') || 'none',
    [`body holds the gold first sentence (of ${pages.length})`]: first,
    [`body holds the gold last sentence (of ${pages.length})`]: last,
    [`byline read (of ${meta.byline[1]} with one)`]: meta.byline[0],
    [`source read (of ${meta.source[1]} with one)`]: meta.source[0],
    [`dateline read (of ${meta.dateline[1]} with one)`]: meta.dateline[0],
    'finder ms per page, median': median(finderMs),
    'finder ms per page, worst': Math.max(...finderMs),
    'parse ms per page (parse5 + linkedom), median': median(parseMs),
  };
}
