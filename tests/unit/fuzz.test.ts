// The engine on hostile input: random Unicode (surrogate pairs, lone surrogates, combining
// marks, right-to-left text, control characters), windows of the seed's printed columns (soft
// line breaks joined) with hostile characters spliced in, empty and 1,000,000-character inputs.
// No exception, and every report keeps the Report contract (lib/report.ts):
//   text       the input, character for character
//   tokens     tile the text in order (no gap, no overlap, none empty, no surrogate pair cut)
//   pinyin     one syllable per Han character of each token (none without the pinyin feature)
//   terms      inside the text, in order, apart; the slice is the matched form once the joined
//              breaks' whitespace is removed, and that form is one of the entry's forms
//   formulas   inside the text, in order, apart; the slice is the formula's text, whitespace removed
//   articles   start ≤ end inside the text, in order; body bounds inside the article
//   joinedBreaks  inside the text, in order, whitespace only
// Checks collect violations and assert once: an expect() per token would cost seconds on the
// 1,000,000-character input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/annotate';
import { nodeSegmenter } from '../../lib/segment/node';
import { addGlossaryWords, nodeGlossary } from '../../lib/glossary/node-glossary';
import { allForms } from '../../lib/glossary/forms';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';
import { countHan } from '../../lib/text/han';
import type { Report } from '../../lib/report';

const seg = nodeSegmenter();
const { entries, matcher } = nodeGlossary();
addGlossaryWords(seg, entries);
const formsById = new Map(entries.map((e) => [e.id, new Set(allForms(e))]));
const SEED = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');

// A small deterministic PRNG, so failures reproduce.
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const POOLS = [
  () => '高质量发展两个确立三定医共体机构改革，。“”■\n本报记者',
  () => '\u0300\u0301\u0645\u0627\u05d0\u05d1\u200f\u200e\u202e\u0000\u0007\u001b\t\r\n\ufeff\ufffd',
  () => '𠀀𠀁𪚥𫠝😀👍🏽\ud800\udfff',
  () => 'abc DEF 123 ４５６ ﾊﾝｶｸ かなカナ 한글',
];

function randomText(r: () => number, len: number): string {
  let s = '';
  while (s.length < len) {
    const pool = POOLS[Math.floor(r() * POOLS.length)]();
    const chars = [...pool];
    s += r() < 0.1 ? String.fromCharCode(0xd800 + Math.floor(r() * 0x800)) : chars[Math.floor(r() * chars.length)];
  }
  return s;
}

/** 40–80 lines of the seed's printed columns, with a few hostile characters replacing others. */
function seedWindow(r: () => number): string {
  const lines = SEED.split('\n');
  const from = Math.floor(r() * (lines.length - 80));
  const chars = [...lines.slice(from, from + 40 + Math.floor(r() * 40)).join('\n')];
  const hostile = [...POOLS[1]().replace('\n', ''), ...POOLS[2]()];
  for (let k = Math.floor(r() * 6); k > 0; k--) chars[Math.floor(r() * chars.length)] = hostile[Math.floor(r() * hostile.length)];
  return chars.join('');
}

const noSpace = (s: string) => s.replace(/\s+/g, '');
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset between the two halves of a surrogate pair. */
const cutsPair = (text: string, o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));

/** Every violation of the Report contract in `r` for `input`, as readable lines (none: ok). */
function violations(r: Report, input: string, pinyin: boolean): string[] {
  const bad: string[] = [];
  const n = input.length;
  const fail = (msg: string) => {
    if (bad.length < 20) bad.push(msg);
  };
  const inside = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= n;
  const show = (x: unknown) => JSON.stringify(x);

  if (r.text !== input) fail('text is not the input');

  // Joined breaks: whitespace spans of the input, in order.
  let last = 0;
  for (const [s, e] of r.joinedBreaks ?? []) {
    if (!inside(s, e) || s >= e) fail(`joined break ${show([s, e])} not a span of the text`);
    else if (!/^\s+$/.test(input.slice(s, e))) fail(`joined break ${show([s, e])} holds ${show(input.slice(s, e))}`);
    if (s < last) fail(`joined break ${show([s, e])} out of order`);
    last = e;
  }

  // Tokens tile the text.
  let pos = 0;
  for (const t of r.tokens) {
    if (t.start !== pos) fail(`token ${show(t)} starts at ${t.start}, the previous ended at ${pos}`);
    if (!inside(t.start, t.end) || t.start >= t.end) fail(`token ${show(t)} not a non-empty span of the text`);
    if (cutsPair(input, t.start) || cutsPair(input, t.end)) fail(`token ${show(t)} cuts a surrogate pair`);
    const han = countHan(input.slice(t.start, t.end));
    const want = pinyin ? han : 0;
    if (t.pinyin.length !== want) fail(`token ${show(t)} ${show(input.slice(t.start, t.end))}: ${t.pinyin.length} syllables for ${han} Han characters`);
    if (pinyin) {
      const common = [...input.slice(t.start, t.end)].filter((ch) => ch >= '\u4e00' && ch <= '\u9fff');
      // Common (BMP) Han characters all have a reading; rarer ones may read ''.
      if (t.pinyin.filter((p) => /^\p{L}[\p{L}\p{M}]*$/u.test(p)).length < common.length) fail(`token ${show(t)} ${show(input.slice(t.start, t.end))}: a common character has no reading`);
    }
    pos = t.end;
  }
  if (pos !== n) fail(`tokens end at ${pos}, the text at ${n}`);

  // Terms and formulas: spans of the text, in order, not overlapping, reading what they say they are.
  const spansInOrder = <T extends { start: number; end: number }>(kind: string, list: readonly T[], reads: (x: T) => string, extra?: (x: T) => void) => {
    let end = 0;
    for (const x of list) {
      if (!inside(x.start, x.end) || x.start >= x.end) {
        fail(`${kind} ${show(x)} not a span of the text`);
        continue;
      }
      if (x.start < end) fail(`${kind} ${show(x)} overlaps the one before`);
      end = x.end;
      if (noSpace(input.slice(x.start, x.end)) !== reads(x)) fail(`${kind} ${show(x)} reads ${show(input.slice(x.start, x.end))}`);
      extra?.(x);
    }
  };
  spansInOrder('term', r.terms, (t) => t.term, (t) => {
    if (!formsById.get(t.id)?.has(t.term)) fail(`term ${show(t)} is not a form of glossary entry ${t.id}`);
  });
  spansInOrder('formula', r.formulas, (f) => noSpace(f.text));

  last = 0;
  for (const a of r.articles) {
    const where = show({ start: a.start, end: a.end, bodyStart: a.bodyStart, bodyEnd: a.bodyEnd });
    if (!inside(a.start, a.end)) fail(`article ${where} not a span of the text`);
    if (a.start < last) fail(`article ${where} starts before the previous one ends`);
    last = a.end;
    if (a.bodyStart !== undefined && !(a.start <= a.bodyStart && a.bodyStart <= a.end)) fail(`article ${where}: body starts outside it`);
    if (a.bodyEnd !== undefined && !(a.start <= a.bodyEnd && a.bodyEnd <= a.end)) fail(`article ${where}: body ends outside it`);
  }
  return bad;
}

describe('engine fuzz', () => {
  it('keeps the report contract on 300 random texts', () => {
    const r = rng(42);
    let tokens = 0;
    let terms = 0;
    for (let i = 0; i < 300; i++) {
      const text = randomText(r, Math.floor(r() * 400));
      const report = annotate(text, { segmenter: seg, matcher });
      expect(violations(report, text, true), `text #${i}: ${JSON.stringify(text)}`).toEqual([]);
      tokens += report.tokens.length;
      terms += report.terms.length;
      // The text model maps every reading character back to the same raw character.
      const m = textModelFromString(text);
      const mismatched: number[] = [];
      for (let k = 0; k < m.text.length; k++) if (text[m.toRaw[k]] !== m.text[k]) mismatched.push(k);
      expect(mismatched, `text #${i}`).toEqual([]);
    }
    // The texts did reach the segmenter and the glossary.
    expect(tokens).toBeGreaterThan(10_000);
    expect(terms).toBeGreaterThan(0);
  });

  it('keeps the report contract on 60 windows of printed columns (soft breaks joined, hostile characters spliced in)', () => {
    const r = rng(1234);
    let breaks = 0;
    let termsOverBreaks = 0;
    let tokensOverBreaks = 0;
    for (let i = 0; i < 60; i++) {
      const text = seedWindow(r);
      const report = annotate(text, { segmenter: seg, matcher });
      expect(violations(report, text, true), `window #${i}: ${JSON.stringify(text)}`).toEqual([]);
      const joined = report.joinedBreaks ?? [];
      breaks += joined.length;
      const spans = (x: { start: number; end: number }) => joined.some(([s, e]) => x.start < s && e < x.end);
      termsOverBreaks += report.terms.filter(spans).length;
      tokensOverBreaks += report.tokens.filter(spans).length;
    }
    // The case this block exists for: words and terms broken across a printed line.
    expect(breaks).toBeGreaterThan(500);
    expect(tokensOverBreaks).toBeGreaterThan(100);
    expect(termsOverBreaks).toBeGreaterThan(5);
  });

  it('keeps the report contract on the whole seed', () => {
    const report = annotate(SEED, { segmenter: seg, matcher });
    expect(violations(report, SEED, true)).toEqual([]);
    expect(report.joinedBreaks!.length).toBeGreaterThan(250);
    expect(report.articles.length).toBeGreaterThan(1);
  });

  it('handles the empty string', () => {
    const r = annotate('', { segmenter: seg, matcher });
    expect(r).toMatchObject({ text: '', tokens: [], terms: [], formulas: [], articles: [] });
    expect(violations(r, '', true)).toEqual([]);
  });

  it('handles 1,000,000 characters', () => {
    const r = rng(7);
    const para = randomText(r, 2000) + '\n\n高质量发展，两个确立。\n\n';
    const big = para.repeat(Math.ceil(1_000_000 / para.length)).slice(0, 1_000_000);
    const report = annotate(big, { segmenter: seg, matcher, features: { pinyin: false } });
    expect(violations(report, big, false)).toEqual([]);
    expect(report.tokens.length).toBeGreaterThan(100_000);
    expect(report.terms.length).toBeGreaterThan(100);
    // The article splitter on its own agrees with the report's articles (no break is joined here).
    expect(report.joinedBreaks ?? []).toEqual([]);
    const layout = splitArticles(report.text);
    expect(layout.articles.map((a) => [a.start, a.end])).toEqual(report.articles.map((a) => [a.start, a.end]));
  }, 60_000); // ≈ 8 s alone; the unit project runs files side by side on 2 cores
});
