import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareRead, parseCpp, parseFixture, score, type Case } from '../../lib/pinyin/eval';
import { readText } from '../../lib/pinyin/reading';
import { nodeSegmenter } from '../../lib/segment/node';
import { wasmSegmenter, type JiebaWasm } from '../../lib/segment/wasm';
import { tokenize, type Segmenter } from '../../lib/segment/segmenter';

const dir = new URL('../fixtures/pinyin/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
const byFile = new Map<string, Case[]>(files.map((f) => [f, parseFixture(readFileSync(new URL(f, dir), 'utf8'))]));
const all = [...byFile.values()].flat();

const dubao = (seg: Segmenter) => (text: string) => readText(text, tokenize(seg, text));

describe('pinyin accuracy on Dubao’s fixtures', () => {
  it('has a real set: 150+ cases over places, names and polyphones', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(files).toEqual(expect.arrayContaining(['names.tsv', 'places.tsv', 'polyphones.tsv']));
  });

  it('reads at least 95 % of the cases right with nodejieba tokens, each file at least 90 %', () => {
    const s = score(all, dubao(nodeSegmenter()));
    expect(s.accuracy, JSON.stringify(s.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    for (const [f, cases] of byFile) expect(score(cases, dubao(nodeSegmenter())).accuracy, f).toBeGreaterThanOrEqual(0.9);
  });

  it('reads at least 95 % right with jieba-wasm tokens (what the extension uses)', () => {
    const wasm = wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);
    const s = score(all, dubao(wasm));
    expect(s.accuracy, JSON.stringify(s.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
  });

  it('does much better than bare pinyin-pro on the same cases', () => {
    const b = score(all, bareRead).accuracy;
    const d = score(all, dubao(nodeSegmenter())).accuracy;
    expect(d - b).toBeGreaterThan(0.2);
  });

  it('scores a CPP-format sample with the same code the bench uses', () => {
    // Two lines in the CPP format, written here (the CPP set itself is not in the repo).
    const cases = parseCpp('他▁还▁在现场。\n请按时▁还▁款。\n', 'hai2\nhuan2\n');
    expect(cases.map((c) => [c.start, c.expected[0]])).toEqual([[1, 'hai2'], [3, 'huan2']]);
    expect(score(cases, dubao(nodeSegmenter())).correct).toBe(2);
  });
});
