import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../lib/segment/node';
import { tokenize } from '../../lib/segment/segmenter';
import { textModelFromString } from '../../lib/text/model';
import { convertText, convertWith, segmentationText, type TraditionalSource } from '../../lib/convert';
import type { ScriptMode as Mode } from '../../lib/settings/model';
import { openccOptions, STAGES } from '../../lib/convert/dicts';

const seg = nodeSegmenter();
const seed = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;

describe('word-aware conversion: phrases do not cross word boundaries', () => {
  // From the 2025 government work report; plain opencc-js gets each of them wrong.
  const all: Array<[string, string]> = [
    ['坚持一个中国原则', '堅持一個中國原則'],
    ['奋进新征程', '奮進新征程'],
    ['更加注重', '更加注重'],
  ];
  const twp: Array<[string, string]> = [
    ...all,
    ['推进国内存款保险', '推進國內存款保險'],
    ['电视频道', '電視頻道'],
    ['各项目标', '各項目標'],
    ['他的士兵', '他的士兵'],
  ];
  const cases: Record<'t' | 'tw' | 'hk' | 'twp', Array<[string, string]>> = { t: all, tw: all, hk: all, twp };
  const table = (Object.entries(cases) as Array<[Mode, Array<[string, string]>]>).flatMap(([mode, list]) => list.map(([src, want]) => [mode, src, want] as const));

  const plain = new Map<Mode, (s: string) => string>();
  const oc = (mode: Mode) => plain.get(mode) ?? plain.set(mode, OpenCC.Converter(openccOptions(mode))).get(mode)!;

  it.each(table)("%s: the report's phrase %s comes out %s where opencc-js does not", (mode, src, want) => {
    expect(convertWith(seg, src, mode).text).toBe(want);
    expect(oc(mode)(src)).not.toBe(want);
  });

  it.each([
    ['理发店', 't', '理髮店'], // 理发 inside the word 理发店
    ['太后的头发很干燥。', 't', '太后的頭髮很乾燥。'],
    ['前列腺癌', 'twp', '攝護腺癌'], // vocabulary at the start of a word
    ['无线通信技术', 'twp', '無線通訊技術'], // …and at its end
  ] as const)('still applies phrases inside a word and over whole words: %s (%s) → %s', (src, mode, want) => {
    expect(convertWith(seg, src, mode).text).toBe(want);
  });

  it('without tokens it is opencc-js (s2t has no segmentation step in opencc-js either)', () => {
    const oc = OpenCC.Converter(openccOptions('t'));
    expect(convertText(seed, [], 't').text).toBe(oc(seed));
  });
});

describe("OpenCC's own test cases", () => {
  const data = JSON.parse(readFileSync(new URL('../fixtures/convert/opencc-cases.json', import.meta.url), 'utf8')) as {
    cases: Array<{ id: string; input: string; expected: Record<string, string> }>;
  };
  const configs: Record<string, [Mode, TraditionalSource?]> = {
    s2t: ['t'], s2tw: ['tw'], s2hk: ['hk'], s2twp: ['twp'], t2s: ['s', 't'], tw2s: ['s', 'tw'], hk2s: ['s', 'hk'],
  };
  // Intentional differences: jieba's words cut OpenCC's phrase, so the phrase does not apply.
  // Listed with the words Dubao writes instead (checked to be there).
  const differs: Record<string, string[]> = {
    // 若干/周后 (若干周 → 若干週 crosses into 周后), 周/线图 (周线 → 週線 crosses into 线图)
    'case_065_s2x:s2t': ['若干周後', '周線圖'],
    'case_065_s2x:s2tw': ['若干周後', '周線圖'],
  };

  const ocCache = new Map<string, (s: string) => string>();
  const oc = (config: string) => {
    const [mode, from] = configs[config];
    if (!ocCache.has(config)) ocCache.set(config, OpenCC.Converter(openccOptions(mode, from)));
    return ocCache.get(config)!;
  };
  const runs = data.cases.flatMap((c) => Object.entries(c.expected).map(([config, want]) => ({ ...c, config, want, key: `${c.id}:${config}` })));

  it('has them all: over 200 runs, in known configurations, and every listed difference is one of them', () => {
    expect(runs.length).toBeGreaterThan(200);
    expect(runs.filter((r) => !configs[r.config]).map((r) => r.key)).toEqual([]);
    const keys = new Set(runs.map((r) => r.key));
    expect(Object.keys(differs).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(runs)('opencc-js passes $key (the reference is sound)', (r) => {
    expect(oc(r.config)(r.input)).toBe(r.want);
  });

  it.each(runs)('Dubao passes $key (or differs as listed)', (r) => {
    const [mode, from] = configs[r.config];
    const got = convertWith(seg, r.input, mode, { from }).text;
    if (differs[r.key]) {
      expect(got).not.toBe(r.want);
      for (const w of differs[r.key]) expect(got).toContain(w);
    } else {
      expect(got).toBe(r.want);
    }
  });
});

describe('round trip and lengths', () => {
  it.each([
    ['t', 't'],
    ['tw', 'tw'],
    ['hk', 'hk'],
  ] as const)('seed → %s → s (from %s) gives the seed back', (mode, from) => {
    const trad = convertWith(seg, seed, mode);
    expect(trad.sameLength).toBe(true);
    expect(trad.text.length).toBe(seed.length);
    expect(convertWith(seg, trad.text, 's', { from }).text).toBe(seed);
  });

  it('only the Taiwan phrase dictionary changes lengths (in code points)', () => {
    const cpLen = (s: string) => [...s].length;
    for (const stage of Object.values(STAGES)) {
      const changing = stage.dicts.flatMap((d) => d.data.split('|').map((l) => l.split(' ')).filter(([a, b]) => cpLen(a) !== cpLen(b)));
      if (stage.name === 'twp') expect(changing.length).toBeGreaterThan(100);
      else expect(changing, stage.name).toEqual([]);
    }
  });

  it('the draft segmented for s keeps offsets', () => {
    const trad = convertWith(seg, seed, 'tw').text;
    const draft = segmentationText(trad, 's');
    expect(draft.length).toBe(trad.length);
    expect(draft).toBe(seed);
    expect(tokenize(seg, draft).map((t) => trad.slice(t.start, t.end)).join('')).toBe(trad);
  });
});
