// The engine on hostile input: random Unicode (surrogate pairs, lone surrogates, combining
// marks, right-to-left text, control characters), empty and 1,000,000-character inputs.
// No exception, and every offset is valid.
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/annotate';
import { nodeSegmenter } from '../../lib/segment/node';
import { addGlossaryWords, nodeGlossary } from '../../lib/glossary/node-glossary';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';
import type { Report } from '../../lib/report';

const seg = nodeSegmenter();
const { entries, matcher } = nodeGlossary();
addGlossaryWords(seg, entries);

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

function checkReport(r: Report): void {
  const n = r.text.length;
  const ok = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= n;
  for (const t of r.tokens) expect(ok(t.start, t.end)).toBe(true);
  for (const t of r.terms) {
    expect(ok(t.start, t.end)).toBe(true);
    expect(r.text.slice(t.start, t.end)).toBe(t.term);
  }
  for (const f of r.formulas) expect(ok(f.start, f.end)).toBe(true);
  for (const a of r.articles) expect(ok(a.start, a.end)).toBe(true);
}

describe('engine fuzz', () => {
  it('survives 300 random texts with valid offsets', () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const text = randomText(r, Math.floor(r() * 400));
      const report = annotate(text, { segmenter: seg, matcher });
      checkReport(report);
      const m = textModelFromString(text);
      for (let k = 0; k < m.text.length; k++) expect(text[m.toRaw[k]]).toBe(m.text[k]);
    }
  });

  it('handles the empty string', () => {
    const r = annotate('', { segmenter: seg, matcher });
    expect(r).toMatchObject({ text: '', tokens: [], terms: [], formulas: [], articles: [] });
  });

  it('handles 1,000,000 characters', () => {
    const r = rng(7);
    const para = randomText(r, 2000) + '\n\n高质量发展，两个确立。\n\n';
    const big = para.repeat(Math.ceil(1_000_000 / para.length)).slice(0, 1_000_000);
    const report = annotate(big, { segmenter: seg, matcher, features: { pinyin: false } });
    checkReport(report);
    expect(report.terms.length).toBeGreaterThan(100);
    expect(splitArticles(report.text)).toBeTruthy();
  });
});
