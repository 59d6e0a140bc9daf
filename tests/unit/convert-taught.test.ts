// A word the segmenter was taught (a glossary form) is kept whole for matching terms, but phrase
// rules must not cross the words inside it: 一个中国原则 is 一个|中国|原则 to an untaught jieba,
// and the phrase 个中 → 箇中 must not fire across 一个|中国.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { convertWith, splitTaughtWords } from '../../lib/convert';
import type { GlossaryEntry } from '../../lib/glossary/schema';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import { cutsOf, glossaryCuts } from '../../lib/pipeline';
import { wasmSegmenter, type JiebaWasm } from '../../lib/segment/wasm';

const entry = (term: string, variants: string[] = []) => ({ term, variants }) as unknown as GlossaryEntry;

describe('conversion inside taught words', () => {
  it('splits a taught word at the untaught cuts, and leaves other tokens alone', () => {
    const text = '坚持一个中国原则';
    const tokens = [{ start: 0, end: 2 }, { start: 2, end: 8 }];
    expect(splitTaughtWords(text, tokens, new Map([['一个中国原则', [2, 4]]]))).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 6 }, { start: 6, end: 8 }]);
    expect(splitTaughtWords(text, tokens, new Map())).toEqual(tokens);
  });

  it('keeps 个中 → 箇中 from firing across 一个|中国 once the glossary has taught 一个中国原则', () => {
    const seg = wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);
    // The cuts come from the segmenter before it is taught (as the build computes them).
    const cuts = cutsOf(seg, entry('一个中国原则'));
    expect(cuts).toEqual({ 一个中国原则: [2, 4] });
    seg.addWord('一个中国原则');
    expect(seg.cut('坚持一个中国原则')).toContain('一个中国原则');
    const wordCuts = glossaryCuts([{ ...entry('一个中国原则'), cuts } as GlossaryEntry]);
    for (const mode of ['t', 'tw', 'hk', 'twp'] as const) expect(convertWith(seg, '坚持一个中国原则', mode, { wordCuts }).text).toBe('堅持一個中國原則');
    // Without the cuts the taught word is one token; the seams inside it (lib/convert/parts.ts)
    // still keep the phrase from firing, but only the cuts make 一个|中国|原则 words of their own.
    expect(convertWith(seg, '坚持一个中国原则', 't').text).toBe('堅持一個中國原則');
  });

  it('gives a cut only to forms of three or more characters that jieba cuts', () => {
    const seg = wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);
    for (const e of loadGlossaryFromDisk().entries.slice(0, 200)) {
      for (const [form, at] of Object.entries(cutsOf(seg, e) ?? {})) {
        expect(form.length).toBeGreaterThanOrEqual(3);
        expect(at.length).toBeGreaterThan(0);
        expect(at.every((c, i) => c > (at[i - 1] ?? 0) && c < form.length)).toBe(true);
      }
    }
  });
});
