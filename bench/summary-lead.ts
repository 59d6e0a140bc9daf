/**
 * The first key sentence against the lead, on references the project did not write: the
 * editors' headlines of the 52 real pages (../shared/fixtures/real-pages/, with the hand-read gold
 * of tests/fixtures/real-pages-gold/). Each page's body as the extension's finder reads it
 * (lib/cli/html.ts) is summarised WITHOUT its headline (it is the answer); our one sentence is
 * the summariser's top choice (count 1), the lead is the body's first sentence as read by hand
 * (gold `first`). Scores: character ROUGE-1/2/L F1, averaged over pages. The project's own set
 * (tests/fixtures/summary/references.json, headlines and hand-written summaries) is scored the same
 * way beside it, one sentence against one. Run alone: `npx tsx bench/summary-lead.ts [--misses]`.
 */
import { realPages } from '../tests/fixtures/real-pages';
import { htmlToArticles } from '../lib/cli/html';
import { cliIdf, cliSegmenter } from '../lib/cli/engine';
import { tokenize } from '../lib/segment/segmenter';
import { summarizeArticle, type SummaryOptions } from '../lib/summary/summarize';
import { loadDocs, rougeL, rougeN } from './summary-rouge';
import type { BenchOptions } from './node';

interface Pair {
  id: string;
  ours: string;
  lead: string;
  ref: string;
}

function mean(pairs: Pair[], pick: (p: Pair) => string) {
  const n = pairs.length || 1;
  const sum = (f: (c: string, r: string) => number) => pairs.reduce((a, p) => a + f(pick(p), p.ref), 0) / n;
  return { r1: sum((c, r) => rougeN(c, r, 1)), r2: sum((c, r) => rougeN(c, r, 2)), rl: sum(rougeL) };
}

/** One sentence per real page: ours (top choice, no headline signal) and the hand-read lead. */
export async function realPagePairs(opts: SummaryOptions = {}): Promise<Pair[]> {
  const seg = await cliSegmenter();
  const idf = cliIdf();
  const pairs: Pair[] = [];
  for (const { gold, html } of realPages()) {
    const g = gold.articles[0];
    const { text, articles } = htmlToArticles(html);
    const a = articles[0];
    if (!a) continue;
    const summary = summarizeArticle(text, a, tokenize(seg, text), [], { idf, count: 1, ...opts, useHeadings: false }).summary;
    pairs.push({ id: gold.page, ours: summary[0] ?? '', lead: g.first, ref: g.headline });
  }
  return pairs;
}

/** The project's own set, one sentence against one: top choice vs the first candidate sentence. */
export function ownSetPairs(ref: 'headline' | 'written', opts: SummaryOptions = {}): Pair[] {
  return loadDocs().flatMap((d) => {
    const reference = ref === 'headline' ? d.headline : d.written;
    if (!reference) return [];
    const ours = summarizeArticle(d.text, d.article, d.tokens, [], { ...opts, count: 1, useHeadings: ref === 'written' }).summary[0] ?? '';
    const all = summarizeArticle(d.text, d.article, d.tokens, [], { idf: null, count: 1000, weights: { graph: 0, keywords: 0, heading: 0, redundancy: 0 } });
    return [{ id: d.id, ours, lead: all.summary[0] ?? '', ref: reference }];
  });
}

export async function runLeadBench(_opts: BenchOptions = {}): Promise<Record<string, number | string>> {
  const idf = cliIdf();
  const sets: Array<[string, Pair[]]> = [
    ['real pages, editors’ headlines', await realPagePairs()],
    ['own set, headlines', ownSetPairs('headline', { idf })],
    ['own set, written summaries', ownSetPairs('written', { idf })],
  ];
  const out: Record<string, number | string> = {};
  for (const [name, pairs] of sets) {
    const o = mean(pairs, (p) => p.ours);
    const l = mean(pairs, (p) => p.lead);
    out[`${name} (${pairs.length}): key sentence R-1 / R-2 / R-L`] = `${o.r1.toFixed(3)} / ${o.r2.toFixed(3)} / ${o.rl.toFixed(3)}`;
    out[`${name} (${pairs.length}): lead R-1 / R-2 / R-L`] = `${l.r1.toFixed(3)} / ${l.r2.toFixed(3)} / ${l.rl.toFixed(3)}`;
    out[`${name}: key sentence − lead, R-1`] = o.r1 - l.r1;
    out[`${name}: key sentence − lead, R-2`] = o.r2 - l.r2;
    out[`${name}: key sentence − lead, R-L`] = o.rl - l.rl;
    out[`${name}: key sentence is the lead`] = `${pairs.filter((p) => p.ours.includes(p.lead) || p.lead.includes(p.ours)).length} of ${pairs.length}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await runLeadBench();
  for (const [k, v] of Object.entries(res)) console.log(`${k.padEnd(64)} ${typeof v === 'number' ? v.toFixed(3) : v}`);
  if (process.argv.includes('--misses')) {
    for (const p of await realPagePairs()) {
      const d = rougeN(p.ours, p.ref, 1) - rougeN(p.lead, p.ref, 1);
      console.log(`${d.toFixed(2).padStart(6)} ${p.id}\n   ref:  ${p.ref}\n   ours: ${p.ours.slice(0, 90)}\n   lead: ${p.lead.slice(0, 90)}`);
    }
  }
}
