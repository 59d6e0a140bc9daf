// Texts for benchmarks: the seed, and longer texts made of its paragraphs (so that every
// figure is on real newspaper language), cut at a paragraph end.
import { readFileSync } from 'node:fs';
import { textModelFromString } from '../lib/text/model';

export const SEED_RAW = readFileSync(new URL('../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
export const SEED = textModelFromString(SEED_RAW).text;

export function newsText(chars: number): string {
  let out = '';
  while (out.length < chars) out += SEED + '\n\n';
  const cut = out.lastIndexOf('\n', chars);
  return out.slice(0, cut > chars * 0.9 ? cut : chars);
}

/** Median time of `fn` over `runs` runs (after one warm-up), in ms. */
export function time(fn: () => unknown, runs = 5): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}
