import { describe, expect, it } from 'vitest';
import { splitTone, styleSyllable } from '../../lib/pinyin/style';

const toneOf = (s: string) => splitTone(s).tone;

describe('pinyin display styles', () => {
  it('tone numbers', () => {
    expect(['zhōng', 'guó', 'lǜ', 'de', 'jǐ'].map((s) => styleSyllable(s, 'numbers'))).toEqual(['zhong1', 'guo2', 'lv4', 'de5', 'ji3']);
    expect(toneOf('níng')).toBe(2);
  });
  it('zhuyin', () => {
    const z = (s: string) => styleSyllable(s, 'zhuyin');
    expect(z('zhōng')).toBe('ㄓㄨㄥ');
    expect(z('guó')).toBe('ㄍㄨㄛˊ');
    expect(z('jǐ')).toBe('ㄐㄧˇ');
    expect(z('níng')).toBe('ㄋㄧㄥˊ');
    expect(z('shì')).toBe('ㄕˋ');
    expect(z('de')).toBe('˙ㄉㄜ');
    expect(z('xué')).toBe('ㄒㄩㄝˊ');
    expect(z('yuè')).toBe('ㄩㄝˋ');
    expect(z('wǒ')).toBe('ㄨㄛˇ');
    expect(z('guì')).toBe('ㄍㄨㄟˋ');
    expect(z('liù')).toBe('ㄌㄧㄡˋ');
    expect(z('yī')).toBe('ㄧ');
    expect(z('ēr')).toBe('ㄦ');
    expect(z('lǜ')).toBe('ㄌㄩˋ');
  });
});
