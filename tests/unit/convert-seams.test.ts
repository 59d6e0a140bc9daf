// prefetchSeams (one cut for many words) must give what seamsOf gives word by word.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prefetchSeams, seamsOf } from '../../lib/convert/parts';
import { wasmSegmenter, type JiebaWasm } from '../../lib/segment/wasm';
import { nodeSegmenter } from '../../lib/segment/node';
import { tokenize, type Segmenter } from '../../lib/segment/segmenter';

const jieba = createRequire(import.meta.url)('jieba-wasm') as JiebaWasm;
const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const reports = readFileSync(new URL('../../../shared/corpora/government-work-reports.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const text = [seed, ...reports.slice(-3)].join('\n');

/** The same segmenter behind another object: its own seam cache. */
const twin = (seg: Segmenter): Segmenter => ({ name: seg.name, cut: (t) => seg.cut(t), addWord: (w, f) => seg.addWord(w, f) });

describe('seams of many words at once', () => {
  for (const [name, make] of [['jieba-wasm', () => wasmSegmenter(jieba)], ['nodejieba', () => nodeSegmenter()]] as const) {
    it(`gives each word's seams as seamsOf does, with ${name}`, () => {
      const seg = make();
      const words = [...new Set(tokenize(seg, text).map((t) => text.slice(t.start, t.end)).filter((w) => w.length >= 3))];
      words.push('好干部标准', '一个中国原则', '试制成功', '分配制度', 'ab中国', '𠀀𠀁𠀂');
      expect(words.length).toBeGreaterThan(500);
      const batched = twin(seg);
      prefetchSeams(batched, words);
      const single = twin(seg);
      const differ = words.filter((w) => JSON.stringify(seamsOf(batched, w)) !== JSON.stringify(seamsOf(single, w)));
      expect(differ).toEqual([]);
      expect(seamsOf(batched, '好干部标准').any).toEqual([1, 3]); // 好|干部|标准
    });
  }
});
