import { beforeAll, describe, expect, it } from 'vitest';
import { parseCedict, type Dictionary } from '../../lib/dict/cedict';
import { numberedToMarks } from '../../lib/dict/pinyin-marks';
import { compileCedict } from '../../scripts/cedict';

describe('numbered pinyin to tone marks', () => {
  it('places marks by the usual rules', () => {
    expect(numberedToMarks('zhong1 guo2')).toBe('zhōng guó');
    expect(numberedToMarks('lu:4 se4')).toBe('lǜ sè');
    expect(numberedToMarks('gou3 hou4 dui4')).toBe('gǒu hòu duì');
    expect(numberedToMarks('liu2 xue2 sheng1 r5')).toBe('liú xué shēng r');
    expect(numberedToMarks('Huan2')).toBe('Huán');
  });
});

describe('CC-CEDICT', () => {
  let dict: Dictionary;
  beforeAll(async () => {
    dict = parseCedict((await compileCedict()).tsv);
  });

  it('looks up simplified and traditional forms', () => {
    expect(dict.size).toBeGreaterThan(100_000);
    const huan = dict.lookup('还');
    expect(huan.map((e) => e.pinyin)).toEqual(expect.arrayContaining(['hái', 'huán']));
    expect(dict.lookup('還').length).toBe(huan.length);
    expect(dict.lookup('发展')[0].definitions.join(' ')).toMatch(/develop/);
  });

  it('finds the longest word at a position', () => {
    expect(dict.longestAt('坚定不移推进', 0)?.word).toBe('坚定不移');
    expect(dict.longestAt('xx', 0)).toBeNull();
  });
});
