import { describe, expect, it } from 'vitest';
import { isHan, isHanAt } from '../../lib/text/han';
import { readText } from '../../lib/pinyin/reading';

describe('isHanAt (the fast path of isHan at an offset)', () => {
  it('agrees with isHan on every BMP code point and on astral Han', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (isHanAt(ch, 0) !== isHan(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    for (const ch of ['𠀀', '𪚥', '😀']) expect(isHanAt(`a${ch}`, 1)).toBe(isHan(ch));
    expect(isHanAt('中', 1)).toBe(false);
  });

  it('reads 〇 in a year written in characters (二〇三五年)', () => {
    const r = readText('二〇三五年');
    expect(r[1]).toBe('líng');
  });
});
