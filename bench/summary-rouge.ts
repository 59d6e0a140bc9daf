/**
 * Key sentences against the lead baseline (the first N sentences, N = what the summariser
 * chose for that document), scored by character-level ROUGE-1/2/L F1 on the project's small
 * evaluation set (tests/fixtures/summary/references.json: no public Chinese news summarisation
 * set can be fetched here). Two reference kinds: the editors' headlines and hand-written
 * summaries. Against headlines the summariser runs without its headline signal (it would be
 * reading the answer). Run alone: `npx tsx bench/summary-rouge.ts` (IDF_CUTOFF=n to try another
 * compact-table cut-off).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { splitArticles, type ArticleSpan } from '../lib/articles/split-text';
import { nodeSegmenter } from '../lib/segment/node';
import { tokenize, type Token } from '../lib/segment/segmenter';
import { nodeFullIdfTable, nodeIdfTable } from '../lib/summary/node-idf';
import { summarizeArticle, type ArticleInput, type SummaryOptions } from '../lib/summary/summarize';
import { splitSentences } from '../lib/summary/sentences';
import { textModelFromString } from '../lib/text/model';
import type { BenchOptions } from './node';

interface RefDoc {
  id: string;
  source: string;
  article?: string;
  section?: string;
  headline: string;
  written?: string;
}

export interface Doc {
  id: string;
  text: string;
  tokens: Token[];
  article: ArticleInput;
  headline: string;
  written?: string;
}

const here = (p: string) => new URL(p, import.meta.url);

/** Characters ROUGE counts: Han, letters, digits (punctuation and spaces are not content). */
export function rougeChars(s: string): string[] {
  return [...s.normalize('NFKC')].filter((c) => /[\p{Script=Han}\p{L}\p{N}]/u.test(c));
}

function ngrams(chars: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function f1(overlap: number, candTotal: number, refTotal: number): number {
  if (!overlap || !candTotal || !refTotal) return 0;
  const p = overlap / candTotal;
  const r = overlap / refTotal;
  return (2 * p * r) / (p + r);
}

export function rougeN(cand: string, ref: string, n: number): number {
  const c = ngrams(rougeChars(cand), n);
  const r = ngrams(rougeChars(ref), n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, x) => a + x, 0);
  return f1(overlap, total(c), total(r));
}

export function rougeL(cand: string, ref: string): number {
  const a = rougeChars(cand);
  const b = rougeChars(ref);
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return f1(prev[b.length], a.length, b.length);
}

/** The evaluation documents with their text, tokens and references (exported for inspection). */
export function loadDocs(): Doc[] {
  const refs = (JSON.parse(readFileSync(here('../tests/fixtures/summary/references.json'), 'utf8')) as { docs: RefDoc[] }).docs;
  const seg = nodeSegmenter();
  const seed = textModelFromString(readFileSync(here('../../shared/fixtures/jining-daily-front-page.txt'), 'utf8')).text;
  const seedTokens = tokenize(seg, seed);
  const { articles } = splitArticles(seed);
  const byTitle = (t: string | undefined): ArticleSpan => {
    const a = articles.find((x) => x.title === t);
    if (!a) throw new Error(`summary bench: no seed article titled ${t}`);
    return a;
  };
  const docs: Doc[] = [];
  for (const r of refs) {
    if (r.source === 'seed') {
      docs.push({ id: r.id, text: seed, tokens: seedTokens, article: byTitle(r.article), headline: r.headline, written: r.written });
    } else if (r.source === 'seed-section') {
      // The paragraphs under one sub-headline, up to the next one.
      const a = byTitle(r.article);
      const i = a.subheads.findIndex((s) => s.text === r.section);
      const start = a.subheads[i].end;
      const end = a.subheads[i + 1]?.start ?? a.bodyEnd;
      docs.push({ id: r.id, text: seed, tokens: seedTokens, article: { start, end }, headline: r.headline, written: r.written });
    } else {
      const { document } = parseHTML(readFileSync(here(`../tests/fixtures/${r.source}`), 'utf8'));
      const text = [...document.querySelectorAll('.article-content p')].map((p) => p.textContent ?? '').join('\n');
      docs.push({ id: r.id, text, tokens: tokenize(seg, text), article: { start: 0, end: text.length }, headline: r.headline, written: r.written });
    }
  }
  return docs;
}

function ours(d: Doc, opts: SummaryOptions): string[] {
  return summarizeArticle(d.text, d.article, d.tokens, [], opts).summary;
}

/** The first `count` sentences the summariser could have chosen from (same candidates). */
function lead(d: Doc, count: number): string[] {
  const all = summarizeArticle(d.text, d.article, d.tokens, [], { idf: null, count: 1000, weights: { graph: 0, keywords: 0, heading: 0, redundancy: 0 } });
  return all.summary.slice(0, count);
}

function score(docs: Doc[], pick: (d: Doc) => string[], ref: (d: Doc) => string | undefined) {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let chars = 0;
  let n = 0;
  for (const d of docs) {
    const reference = ref(d);
    if (!reference) continue;
    const cand = pick(d).join('');
    r1 += rougeN(cand, reference, 1);
    r2 += rougeN(cand, reference, 2);
    rl += rougeL(cand, reference);
    chars += rougeChars(cand).length;
    n++;
  }
  return { r1: r1 / n, r2: r2 / n, rl: rl / n, chars: chars / n, n };
}

/** Quick or not, the same (a small evaluation set, no timing). */
export async function runSummaryBench(_opts: BenchOptions = {}): Promise<Record<string, number | string>> {
  const docs = loadDocs();
  const compact = nodeIdfTable(process.env.IDF_CUTOFF ? { cutoff: Number(process.env.IDF_CUTOFF) } : undefined);
  const full = nodeFullIdfTable();
  const out: Record<string, number | string> = {};
  out['eval set'] = `${docs.length} docs made here (seed articles, its sections, fixture article); no public set reachable`;
  const systems: Array<[string, SummaryOptions]> = [
    ['ours', { idf: compact }],
    ['ours, full idf', { idf: full }],
    ['ours, no idf table', { idf: null }],
    ['textrank alone', { idf: compact, weights: { lead: 0, keywords: 0, heading: 0 } }],
  ];
  const refKinds: Array<[string, (d: Doc) => string | undefined, boolean]> = [
    ['written', (d) => d.written, true],
    // Against headlines the summariser must not read the headline.
    ['headline', (d) => d.headline, false],
  ];
  for (const [refName, ref, useHeadings] of refKinds) {
    // The lead baseline takes as many sentences as ours chose for each document.
    const counts = new Map(docs.map((d) => [d.id, ours(d, { idf: compact, useHeadings }).length]));
    const rows: Array<[string, (d: Doc) => string[]]> = [
      ['lead-N', (d) => lead(d, counts.get(d.id)!)],
      ...systems.map(([name, opts]): [string, (d: Doc) => string[]] => [name, (d) => ours(d, { ...opts, useHeadings })]),
    ];
    for (const [name, pick] of rows) {
      const s = score(docs, pick, ref);
      const key = `${refName} refs (${s.n} docs): ${name}`;
      out[`${key} R-1`] = s.r1;
      out[`${key} R-2`] = s.r2;
      out[`${key} R-L`] = s.rl;
      out[`${key} chars`] = s.chars;
    }
  }
  const sizes = docs.map((d) => splitSentences(d.text, d.article.bodyStart ?? d.article.start, d.article.bodyEnd ?? d.article.end).length);
  out['sentences per doc (mean)'] = sizes.reduce((a, x) => a + x, 0) / sizes.length;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await runSummaryBench();
  for (const [k, v] of Object.entries(res)) console.log(`${k.padEnd(56)} ${typeof v === 'number' ? v.toFixed(3) : v}`);
}
