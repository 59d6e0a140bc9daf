/**
 * Engine benchmarks in Node: each part on the seed, 30,000 and 300,000 characters, and the
 * term matcher against the naive baseline (indexOf of every glossary form), in the same run.
 * Quick (`--quick`): the seed only, one run of each.
 */
import { annotate } from '../lib/annotate';
import { nodeSegmenter } from '../lib/segment/node';
import { tokenize } from '../lib/segment/segmenter';
import { addGlossaryWords, nodeGlossary } from '../lib/glossary/node-glossary';
import { allForms } from '../lib/glossary/forms';
import { readText } from '../lib/pinyin/reading';
import { splitArticles } from '../lib/articles/split-text';
import { newsText, SEED, time } from './texts';

export type Row = { figure: string; value: number; unit: string; baseline?: number; ratio?: number; note?: string };

/** quick: one repetition and small inputs, to check that a part runs (its figures mean nothing). */
export interface BenchOptions {
  quick?: boolean;
}

export function runNodeBench({ quick = false }: BenchOptions = {}): Row[] {
  const seg = nodeSegmenter();
  const { entries, matcher } = nodeGlossary();
  addGlossaryWords(seg, entries);
  const rows: Row[] = [];
  const texts = quick ? ([['seed', SEED]] as const) : ([['seed', SEED], ['30k', newsText(30_000)], ['300k', newsText(300_000)]] as const);
  for (const [name, text] of texts) {
    const runs = quick ? 1 : name === '300k' ? 3 : 5;
    const tokens = tokenize(seg, text);
    rows.push({ figure: `annotate ${name} (${text.length} chars)`, value: time(() => annotate(text, { segmenter: seg, matcher }), runs), unit: 'ms' });
    rows.push({ figure: `  segmentation ${name}`, value: time(() => tokenize(seg, text), runs), unit: 'ms' });
    rows.push({ figure: `  matching ${name}`, value: time(() => matcher.match(text, tokens), runs), unit: 'ms' });
    rows.push({ figure: `  pinyin ${name}`, value: time(() => readText(text), runs), unit: 'ms' });
    rows.push({ figure: `  articles ${name}`, value: time(() => splitArticles(text), runs), unit: 'ms' });
  }
  // The matcher against a naive scan: indexOf of every form, longest-first overlap removal.
  const forms = entries.flatMap((e) => allForms(e).map((f) => [f, e.id] as const)).sort((a, b) => b[0].length - a[0].length);
  const naive = (text: string) => {
    const hits: Array<[number, number]> = [];
    for (const [f] of forms) for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) if (!hits.some(([s, e]) => i < e && s < i + f.length)) hits.push([i, i + f.length]);
    return hits;
  };
  const tokens = tokenize(seg, SEED);
  const ours = time(() => matcher.match(SEED, tokens), quick ? 1 : 20);
  const base = time(() => naive(SEED), quick ? 1 : 5);
  rows.push({ figure: 'term matching, seed (trie)', value: ours, unit: 'ms', baseline: base, ratio: ours / base, note: `baseline: indexOf × ${forms.length} forms` });
  return rows;
}
