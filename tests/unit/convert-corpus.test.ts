// Conversion on the official corpora (../shared/corpora, read in place): the cross-word and
// cross-seam conversions opencc-js makes there, each checked in every sentence it occurs in, with
// the extension's segmenter (jieba-wasm taught the glossary). See tests/fixtures/convert/README.md.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { convertWith, seamsOf } from '../../lib/convert';
import { openccOptions } from '../../lib/convert/dicts';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import { cutsOf, glossaryCuts, teachGlossary } from '../../lib/pipeline';
import { nodeWasmSegmenter } from '../../lib/segment/wasm-node';
import type { ScriptMode } from '../../lib/settings/model';
import { corpusDocs, sentences } from '../../bench/convert-corpus';

// As the extension: the glossary's cuts from the untaught segmenter (as the build records them), then taught.
const seg = nodeWasmSegmenter();
const entries = loadGlossaryFromDisk().entries;
const wordCuts = glossaryCuts(entries.map((e) => ({ ...e, cuts: cutsOf(seg, e) })));
teachGlossary(seg, entries);
const corpus = corpusDocs().flatMap((d) => sentences(d.text));
const oc = new Map<ScriptMode, (s: string) => string>();
const opencc = (mode: ScriptMode) => oc.get(mode) ?? oc.set(mode, OpenCC.Converter(openccOptions(mode))).get(mode)!;

/** Every corpus sentence holding `src`; Dubao writes `want` there, and opencc-js somewhere writes `wrong`. */
function check(mode: ScriptMode, src: string, want: string, wrong: string) {
  const found = corpus.filter((s) => s.includes(src));
  expect(found.length, `${src} in the corpora`).toBeGreaterThan(0);
  let openccWrong = 0;
  for (const s of found) {
    const at = s.indexOf(src);
    const out = convertWith(seg, s, mode, { wordCuts }).text;
    expect(out.slice(at, at + want.length), s).toBe(want);
    if (opencc(mode)(s).slice(at, at + wrong.length) === wrong) openccWrong++;
  }
  expect(openccWrong, `opencc-js writes ${wrong}`).toBeGreaterThan(0);
}

describe('phrases do not cross the seams inside a long word', () => {
  it.each([
    ['一个中国原则', '一個中國原則', '一箇中國原則'], // 个中 → 箇中 across 一个|中国 inside the glossary's term
    ['分配制度', '分配制度', '分配製度'], // 配制 → 配製 across 分配|制度
    ['伟大斗争', '偉大鬥爭', '偉大斗爭'], // 大斗 → 大斗 across 伟大|斗争 hid 斗争 → 鬥爭
    ['考试制度', '考試制度', '考試製度'], // 试制 → 試製 across 考试|制度
    ['好干部标准', '好幹部標準', '好乾部標準'], // 好干 → 好乾 across 好|干部
  ])('%s → %s in every mode (opencc-js: %s)', (src, want, wrong) => {
    for (const mode of ['t', 'tw', 'hk', 'twp'] as const) check(mode, src, want, wrong);
  });

  it('but a phrase inside one part still applies (试制成功 → 試製成功, 毫不放松 → 毫不放鬆)', () => {
    for (const s of corpus.filter((x) => x.includes('试制成功')).slice(0, 5)) expect(convertWith(seg, s, 't', { wordCuts }).text).toContain('試製成功');
    for (const s of corpus.filter((x) => x.includes('毫不放松')).slice(0, 5)) expect(convertWith(seg, s, 't', { wordCuts }).text).toContain('毫不放鬆');
  });
});

describe('a Taiwan word may end on a seam of the next word', () => {
  it.each([
    ['电信网络诈骗', '電信網路詐騙', '電信網絡詐騙'], // 网络 is a whole part of the glossary's term
    ['大数据中心', '大數據中心', '大資料中心'], // 大|数据中心: 大数据 ends on the seam 数据|中心
  ])('twp: %s → %s (not %s)', (src, want, bad) => {
    const found = corpus.filter((s) => s.includes(src));
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      const out = convertWith(seg, s, 'twp', { wordCuts }).text;
      expect(out, s).toContain(want);
      expect(out).not.toContain(bad);
    }
  });
});

describe('seams', () => {
  it.each([
    ['一个中国原则', [2, 4], [2, 4]],
    ['好干部标准', [1, 3], []],
    ['分配制度', [2], []],
    ['试制成功', [2], []], // 制成 at the cut edge took 制: the seam 试|制 is not trusted
    ['电信网络诈骗', [2, 4], [2, 4]],
    ['中国', [], []],
  ])('%s: any %j, sure %j', (word, any, sure) => {
    expect(seamsOf(seg, word)).toEqual({ any, sure });
  });
});
