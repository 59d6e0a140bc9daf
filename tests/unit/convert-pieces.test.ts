import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../lib/segment/node';
import { textModelFromString } from '../../lib/text/model';
import { applyEdits, convertPieces, convertText, convertWith, splitChanges, type Conversion } from '../../lib/convert';

const seg = nodeSegmenter();
const seed = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;

/** Deterministic cut points (a small LCG), so a failure can be replayed. */
function cuts(length: number, n: number, seedValue: number): number[] {
  let x = seedValue;
  const out = new Set<number>();
  while (out.size < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.add(1 + (x % (length - 1)));
  }
  return [...out].sort((a, b) => a - b);
}

function rangesFrom(points: number[], length: number) {
  const b = [0, ...points, length];
  return b.slice(0, -1).map((start, k) => ({ start, end: b[k + 1] }));
}

function checkMap(src: string, conv: Conversion) {
  const map = conv.toSource!;
  expect(map.length).toBe(conv.text.length + 1);
  expect(map[conv.text.length]).toBe(src.length);
  for (let k = 1; k < map.length; k++) expect(map[k]).toBeGreaterThanOrEqual(map[k - 1]);
  // Outside changes every output character is its source character.
  const changed = new Uint8Array(src.length);
  for (const c of conv.changes) changed.fill(1, c.start, c.end);
  for (let k = 0; k < conv.text.length; k++) if (!changed[map[k]]) expect(conv.text[k]).toBe(src[map[k]]);
}

describe('changes, pieces and offsets', () => {
  it('changes rebuild the output; aligned ones are character for character', () => {
    for (const mode of ['t', 'twp'] as const) {
      const conv = convertWith(seg, seed, mode);
      expect(applyEdits(seed, conv.changes)).toBe(conv.text);
      for (const c of conv.changes) {
        expect(seed.slice(c.start, c.end)).not.toBe(c.text);
        if (c.aligned) expect(c.text.length).toBe(c.end - c.start);
      }
    }
  });

  it('twp can change lengths (的士 → 計程車), with an offset map back to the source', () => {
    const src = '我们打的士去数据中心，再看网络视频。';
    const conv = convertWith(seg, src, 'twp');
    expect(conv.sameLength).toBe(false);
    expect(conv.changes.some((c) => !c.aligned)).toBe(true);
    checkMap(src, conv);
    const seedTwp = convertWith(seg, seed, 'twp');
    if (!seedTwp.sameLength) checkMap(seed, seedTwp);
  });

  it('cut anywhere (text nodes), the pieces put back together equal the whole conversion', () => {
    for (const mode of ['tw', 'twp'] as const) {
      const conv = convertWith(seg, seed, mode);
      for (const s of [1, 2, 3]) {
        const ranges = rangesFrom(cuts(seed.length, 400, s), seed.length);
        const edits = splitChanges(conv.changes, ranges);
        const joined = ranges.map((r, k) => applyEdits(seed.slice(r.start, r.end), edits[k])).join('');
        expect(joined).toBe(conv.text);
      }
    }
  });

  it('convertPieces: inline pieces are read as one text (<b>推进国</b>内存款)', () => {
    const pieces = ['推进国', '内存款保险', '他的', '士兵'];
    expect(convertPieces(pieces, 'twp', seg, { inline: [true, false, true] })).toEqual(['推進國', '內存款保險', '他的', '士兵']);
    // Separate blocks are segmented apart: the same words, each piece alone.
    const apart = convertPieces(pieces, 'twp', seg);
    pieces.forEach((p, k) => expect(apart[k]).toBe(convertWith(seg, p, 'twp').text));
  });

  it('characters outside the BMP keep their offsets, and tokens may end inside a pair', () => {
    const src = '𠮷野家的头发𠀋';
    // 𠮷 is two UTF-16 units; the first token ends between them.
    const conv = convertText(src, [{ start: 0, end: 1 }, { start: 2, end: 4 }, { start: 4, end: 5 }, { start: 5, end: 7 }, { start: 7, end: 9 }], 't');
    expect(conv.text).toBe('𠮷野家的頭髮𠀋');
    expect(conv.sameLength).toBe(true);
  });
});
