/**
 * Word-aware conversion against bare opencc-js over the official corpora in ../shared/corpora
 * (government work reports 1954–2023, party congress reports): every sentence in every s→t mode,
 * with the extension's segmenter (jieba-wasm taught the glossary, as lib/cli/engine.ts loads it,
 * with the glossary's cuts; run `npm run build` first). Each difference is cut to the words it touches and grouped, with
 * the opencc-js phrase that caused it; the phrase rules Dubao applied inside a longer word are
 * listed too. See tests/fixtures/convert/README.md for the review of the output.
 *   npx tsx bench/convert-corpus.ts                 per mode: differences by verdict (corpus-review.json), grouped
 *   npx tsx bench/convert-corpus.ts --inside        also the phrase rules applied inside a longer word
 *   npx tsx bench/convert-corpus.ts --sample 200    a fixed random sample of converted sentences per mode
 *   npx tsx bench/convert-corpus.ts --json FILE     write everything as JSON
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { cliGlossary, cliSegmenter } from '../lib/cli/engine';
import { glossaryCuts } from '../lib/pipeline';
import { tokenize, type Token } from '../lib/segment/segmenter';
import { convertText, splitTaughtWords, wordParts, type Conversion, type Match } from '../lib/convert';
import { openccOptions } from '../lib/convert/dicts';
import type { ScriptMode } from '../lib/settings/model';

export const S_TO_T = ['t', 'tw', 'hk', 'twp'] as const satisfies readonly ScriptMode[];
type Mode = (typeof S_TO_T)[number];

const CORPORA = ['government-work-reports', 'party-congress-reports'];

/** The corpora's documents, from ../shared (never copied into the project). */
export function corpusDocs(): { name: string; text: string }[] {
  return CORPORA.flatMap((file) =>
    readFileSync(new URL(`../../shared/corpora/${file}.jsonl`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { year?: number | null; congress?: string | number; title: string; text: string })
      .map((d) => ({ name: `${file.split('-')[0]} ${d.year ?? d.congress ?? ''} ${d.title}`.trim(), text: d.text })),
  );
}

/** Sentences: up to and including 。！？；, or a line (as bench/convert.ts cuts them). */
export function sentences(text: string): string[] {
  return text.match(/[^。！？；\n]+[。！？；]?[”’」』）]?/g)?.map((s) => s.trim()).filter((s) => /\p{Script=Han}/u.test(s)) ?? [];
}

/** What each source UTF-16 offset is written as; a replacement of another length at its start. */
function perOffset(src: string, conv: Conversion): { out: string[]; atomic: Uint8Array } {
  const out = [...src.split('')];
  const atomic = new Uint8Array(src.length);
  for (const c of conv.changes) {
    if (c.aligned) for (let k = c.start; k < c.end; k++) out[k] = c.text[k - c.start];
    else {
      out[c.start] = c.text;
      for (let k = c.start + 1; k < c.end; k++) out[k] = '';
      atomic.fill(1, c.start, c.end);
    }
  }
  return { out, atomic };
}

export interface Difference {
  mode: Mode;
  doc: string;
  sentence: string;
  /** The words around the difference: source, Dubao, opencc-js. */
  src: string;
  dubao: string;
  opencc: string;
  /** opencc-js's phrase matches there that Dubao did not make, and Dubao's that opencc-js did not. */
  openccOnly: string[];
  dubaoOnly: string[];
  /** The words (jieba) of the span, joined by '/'. */
  words: string;
}

const showMatch = (m: Match) => `${m.key}→${m.value}${m.words ? '*' : ''}`;

/** The differing spans of one sentence, each grown to whole words. */
function differences(mode: Mode, doc: string, s: string, tokens: Token[], d: Conversion, o: Conversion, dm: Match[], om: Match[]): Difference[] {
  const D = perOffset(s, d);
  const O = perOffset(s, o);
  const tokenAt = new Int32Array(s.length);
  tokens.forEach((t, i) => tokenAt.fill(i, t.start, t.end));
  const spans: [number, number][] = [];
  for (let k = 0; k < s.length; k++) {
    if (D.out[k] === O.out[k] && !(D.atomic[k] || O.atomic[k]) ) continue;
    if (D.out[k] === O.out[k] && (D.atomic[k] || O.atomic[k])) {
      // Inside a replacement of another length: differs only if the replacement does.
      let a = k;
      while (a > 0 && (D.atomic[a] || O.atomic[a]) && (D.atomic[a - 1] || O.atomic[a - 1])) a--;
      let b = k;
      while (b < s.length && (D.atomic[b] || O.atomic[b])) b++;
      if (D.out.slice(a, b).join('') === O.out.slice(a, b).join('')) {
        k = b - 1;
        continue;
      }
    }
    let a = tokens[tokenAt[k]]?.start ?? k;
    let b = tokens[tokenAt[k]]?.end ?? k + 1;
    while ((D.atomic[b] && D.out[b] === '') || (O.atomic[b] && O.out[b] === '')) b = tokens[tokenAt[b]]?.end ?? b + 1;
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) {
      last[1] = Math.max(last[1], b);
      a = last[0];
    } else spans.push([a, b]);
  }
  // Codepoint units vs UTF-16 offsets: the corpora are BMP text; matches are compared as units.
  const key = (m: Match) => `${m.stage}:${m.start}:${m.end}:${m.value}`;
  const dk = new Set(dm.map(key));
  const ok = new Set(om.map(key));
  return spans.map(([a, b]) => {
    const inSpan = (m: Match) => m.end > a && m.start < b && m.end - m.start > 1;
    return {
      mode,
      doc,
      sentence: s,
      src: s.slice(a, b),
      dubao: D.out.slice(a, b).join(''),
      opencc: O.out.slice(a, b).join(''),
      openccOnly: om.filter((m) => inSpan(m) && !dk.has(key(m))).map(showMatch),
      dubaoOnly: dm.filter((m) => inSpan(m) && !ok.has(key(m))).map(showMatch),
      words: tokens.filter((t) => t.end > a && t.start < b).map((t) => s.slice(t.start, t.end)).join('/'),
    };
  });
}

export interface InsideWord {
  mode: Mode;
  rule: string;
  word: string;
  /** The rule's result differs from converting the key character by character. */
  changes: boolean;
  sentence: string;
}

export interface CorpusDiff {
  sentences: number;
  chars: number;
  perMode: Record<
    Mode,
    {
      differing: number;
      diffs: Difference[];
      /** Differing sentences whose opencc-js output could not be aligned to the source. */
      unaligned: { src: string; dubao: string; opencc: string }[];
      inside: InsideWord[];
      sample: { src: string; dubao: string }[];
    }
  >;
  /** Sentence conversions where convertText without tokens is not opencc-js (see corpusDiff). */
  plainMismatch: number;
}

/** opencc-js's output as a character-for-character conversion of `src`, if it is one. */
function sameLength(src: string, out: string): Conversion | null {
  if (out.length !== src.length) return null;
  const changes = [];
  for (let k = 0; k < src.length; k++) if (out[k] !== src[k]) changes.push({ start: k, end: k + 1, text: out[k], aligned: true });
  return { text: out, changes, sameLength: true, toSource: null };
}

/** A small LCG, so the sample is the same on every run. */
function sampleIndexes(n: number, k: number, seed: number): number[] {
  let x = seed;
  const out = new Set<number>();
  while (out.size < Math.min(k, n)) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.add(x % n);
  }
  return [...out].sort((a, b) => a - b);
}

export async function corpusDiff(modes: readonly Mode[] = S_TO_T, sampleSize = 200, seed = 15): Promise<CorpusDiff> {
  // As the extension converts: jieba-wasm taught the glossary, taught words cut where untaught
  // jieba cuts them (the build's glossary.json `cuts`), seams of long words (convertWith).
  const seg = await cliSegmenter('jieba-wasm');
  const wordCuts = glossaryCuts(cliGlossary().entries);
  const sents = corpusDocs().flatMap((d) => sentences(d.text).map((s) => ({ doc: d.name, s, tokens: splitTaughtWords(s, tokenize(seg, s), wordCuts) })));
  const picked = new Set(sampleIndexes(sents.length, sampleSize, seed));
  const perMode = {} as CorpusDiff['perMode'];
  let plainMismatch = 0;
  for (const mode of modes) {
    const oc = OpenCC.Converter(openccOptions(mode));
    const charwise = new Map<string, string>();
    const byChar = (key: string) => {
      let v = charwise.get(key);
      if (v === undefined) {
        charwise.set(key, (v = [...key].map((c) => convertText(c, [], mode).text).join('')));
      }
      return v;
    };
    const r: CorpusDiff['perMode'][Mode] = { differing: 0, diffs: [], unaligned: [], inside: [], sample: [] };
    sents.forEach(({ doc, s, tokens }, idx) => {
      const dm: Match[] = [];
      const om: Match[] = [];
      const d = convertText(s, tokens, mode, { parts: wordParts(seg, s), onMatch: (m) => dm.push(m) });
      const ocText = oc(s);
      let o = convertText(s, [], mode, { onMatch: (m) => om.push(m) });
      if (o.text !== ocText) {
        // opencc-js's s2tw, s2hk and s2twp first cut the text at STPhrases matches and run the
        // later stages piece by piece; the matches are then only an approximation.
        plainMismatch++;
        o = sameLength(s, ocText) ?? o;
      }
      if (picked.has(idx)) r.sample.push({ src: s, dubao: d.text });
      for (const m of dm) {
        if (m.end - m.start < 2) continue;
        const t = tokens.find((t) => t.start <= m.start && m.end <= t.end);
        if (!t || t.end - t.start <= m.end - m.start) continue;
        r.inside.push({ mode, rule: showMatch(m), word: s.slice(t.start, t.end), changes: byChar(m.key) !== m.value, sentence: s });
      }
      if (d.text === ocText) return;
      r.differing++;
      if (o.text === ocText) r.diffs.push(...differences(mode, doc, s, tokens, d, o, dm, om));
      else r.unaligned.push({ src: s, dubao: d.text, opencc: ocText });
    });
    perMode[mode] = r;
  }
  return { sentences: sents.length, chars: sents.reduce((n, x) => n + x.s.length, 0), perMode, plainMismatch };
}

/** Group equal items by a key, most frequent first. */
export function group<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export const diffKey = (d: Difference) => `${d.src} → ${d.dubao} (opencc-js ${d.opencc})`;

/** An unaligned sentence's difference: what opencc-js wrote ⇒ what Dubao wrote, common ends cut off. */
export function unalignedKey(mode: Mode, u: { dubao: string; opencc: string }): string {
  let a = 0;
  while (a < u.dubao.length && u.dubao[a] === u.opencc[a]) a++;
  let z = 0;
  while (z < u.dubao.length - a && z < u.opencc.length - a && u.dubao[u.dubao.length - 1 - z] === u.opencc[u.opencc.length - 1 - z]) z++;
  return `${mode}: ${u.opencc.slice(a, u.opencc.length - z)} ⇒ ${u.dubao.slice(a, u.dubao.length - z)}`;
}

export type Verdict = 'fix' | 'regression' | 'neutral';
interface Review {
  all: Record<string, [Verdict, string]>;
  unaligned: Record<string, [Verdict, string]>;
  [mode: string]: Record<string, [Verdict, string]>;
}

/** The verdicts written by hand in tests/fixtures/convert/corpus-review.json. */
export function loadReview(): Review {
  return JSON.parse(readFileSync(new URL('../tests/fixtures/convert/corpus-review.json', import.meta.url), 'utf8')) as Review;
}

export interface Tally {
  spans: Record<Verdict | 'unreviewed', number>;
  unreviewed: string[];
}

/** Count one mode's differences by verdict; a difference with no verdict is listed. */
export function tally(review: Review, mode: Mode, r: CorpusDiff['perMode'][Mode]): Tally {
  const t: Tally = { spans: { fix: 0, regression: 0, neutral: 0, unreviewed: 0 }, unreviewed: [] };
  const verdict = (key: string, unaligned: boolean) => (unaligned ? review.unaligned[key] : (review[mode]?.[key] ?? review.all[key]))?.[0];
  const add = (key: string, unaligned: boolean) => {
    const v = verdict(key, unaligned);
    if (v) t.spans[v]++;
    else {
      t.spans.unreviewed++;
      if (!t.unreviewed.includes(key)) t.unreviewed.push(key);
    }
  };
  for (const d of r.diffs) add(diffKey(d), false);
  for (const u of r.unaligned) add(unalignedKey(mode, u), true);
  return t;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const sampleSize = Number(arg('--sample') ?? 200);
  const res = await corpusDiff(S_TO_T, sampleSize);
  const review = loadReview();
  console.log(`${res.sentences} sentences, ${res.chars} characters; word-less chain ≠ opencc-js in ${res.plainMismatch} sentence conversions`);
  for (const mode of S_TO_T) {
    const r = res.perMode[mode];
    const t = tally(review, mode, r);
    const { fix, regression, neutral, unreviewed } = t.spans;
    console.log(`\n== ${mode}: ${r.differing} sentences differ; ${r.diffs.length + r.unaligned.length} differences: ${fix} fixes, ${regression} regressions, ${neutral} neutral, ${unreviewed} not reviewed`);
    const verdictOf = (k: string) => (review[mode]?.[k] ?? review.all[k])?.[0] ?? 'NOT REVIEWED';
    for (const u of r.unaligned) console.log(`   unaligned (${review.unaligned[unalignedKey(mode, u)]?.[0] ?? 'NOT REVIEWED'}): ${unalignedKey(mode, u)}`);
    for (const [k, list] of group(r.diffs, diffKey)) {
      const d = list[0];
      console.log(`${String(list.length).padStart(4)}  ${verdictOf(k).padEnd(10)} ${k}   [${d.words}] opencc-js: ${d.openccOnly.join(', ')}`);
    }
    for (const k of t.unreviewed) console.log(`   NOT REVIEWED: ${k}`);
    if (process.argv.includes('--inside')) {
      console.log(`\n-- ${mode}: phrase rules applied inside a longer word (${r.inside.length})`);
      for (const [k, list] of group(r.inside, (x) => `${x.rule} in ${x.word}${x.changes ? '' : ' (= char by char)'}`)) console.log(`${String(list.length).padStart(4)}  ${k}`);
    }
    if (process.argv.includes('--sample')) {
      console.log(`\n-- ${mode}: sample of ${r.sample.length} sentences (seed 15)`);
      r.sample.forEach((x, i) => console.log(`${i + 1}. ${x.dubao}`));
    }
  }
  const out = arg('--json');
  if (out) writeFileSync(out, JSON.stringify(res, null, 1));
}
