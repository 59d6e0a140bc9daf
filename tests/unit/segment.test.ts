import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../lib/segment/node';
import { wasmSegmenter, type JiebaWasm } from '../../lib/segment/wasm';
import { tokenize } from '../../lib/segment/segmenter';
import { textModelFromString } from '../../lib/text/model';

const seed = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;
const node = nodeSegmenter();
const wasm = wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);

describe('segmentation', () => {
  it('covers the text exactly, with valid offsets', () => {
    for (const seg of [node, wasm]) {
      const tokens = tokenize(seg, seed);
      expect(tokens.map((t) => seed.slice(t.start, t.end)).join('')).toBe(seed);
    }
  });

  it('keeps words whole across the seed’s broken lines', () => {
    const words = new Set(tokenize(node, seed).map((t) => seed.slice(t.start, t.end)));
    for (const w of ['下午', '深入', '高质量', '机构改革'.slice(0, 2)]) expect(words.has(w)).toBe(true);
  });

  it('takes user words (glossary terms, names)', () => {
    const text = '扎实推进强镇筑基试点工作';
    expect(node.cut(text)).not.toContain('强镇筑基');
    node.addWord('强镇筑基');
    wasm.addWord('强镇筑基');
    expect(node.cut(text)).toContain('强镇筑基');
    expect(wasm.cut(text)).toContain('强镇筑基');
  });

  it('shows where nodejieba and jieba-wasm disagree on the seed', () => {
    const a = tokenize(node, seed);
    const b = tokenize(wasm, seed);
    const bounds = (ts: { end: number }[]) => new Set(ts.map((t) => t.end));
    const ea = bounds(a);
    const eb = bounds(b);
    const only = (x: Set<number>, y: Set<number>) => [...x].filter((e) => !y.has(e));
    const diff = [...only(ea, eb), ...only(eb, ea)].sort((p, q) => p - q);
    const places = diff.slice(0, 12).map((e) => seed.slice(Math.max(0, e - 4), e) + '|' + seed.slice(e, e + 4));
    console.log(`segmenters: ${a.length} vs ${b.length} tokens; ${diff.length} differing boundaries, e.g. ${places.join('  ')}`);
    // Same dictionary family: they agree on the vast majority of word boundaries.
    expect(diff.length / Math.max(ea.size, eb.size)).toBeLessThan(0.05);
  });
});
