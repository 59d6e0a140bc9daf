import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import { STRINGS, categoryName, setUiLanguage, t, uiLanguage, type StringKey, type Strings } from '../../lib/ui/i18n';

const LANGS = ['zh', 'en'] as const;
const keys = (lang: 'zh' | 'en') => Object.keys(STRINGS[lang]).sort();
// Sample arguments: every string function takes one number or one string.
const render = (s: Strings[StringKey], arg: number | string): string => (typeof s === 'function' ? (s as (a: number | string) => string)(arg) : s);

/** The keys a source file asks `t` for: t('key' … */
function keysUsedIn(path: string): string[] {
  const src = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  return [...new Set([...src.matchAll(/\bt\(\s*'([A-Za-z_]\w*)'/g)].map((m) => m[1]))];
}

afterEach(() => {
  setUiLanguage('auto');
  vi.unstubAllGlobals();
});

describe('the interface strings', () => {
  it('zh and en have the same keys, each of the same kind', () => {
    expect(keys('zh')).toEqual(keys('en'));
    for (const k of keys('en') as StringKey[]) expect(typeof STRINGS.zh[k], k).toBe(typeof STRINGS.en[k]);
  });

  it('has no empty string in either language, also for a string built from numbers', () => {
    for (const lang of LANGS)
      for (const k of keys(lang) as StringKey[])
        for (const arg of [0, 1, 2, 2024, '北京市']) expect(render(STRINGS[lang][k], arg).trim(), `${lang}.${k}(${arg})`).not.toBe('');
  });

  it('t accepts only known keys, with the arguments their strings take (checked by tsc)', () => {
    setUiLanguage('en');
    // @ts-expect-error an unknown key
    expect(t('noSuchKey')).toBeUndefined();
    // @ts-expect-error a string built from a number needs the number
    expect(() => t('results')).not.toThrow();
    // @ts-expect-error a table missing a key is not a table
    const partial: Strings = { name: 'x' };
    expect(partial.name).toBe('x');
  });

  it('resolves every string of the options page in both languages', () => {
    const used = [...keysUsedIn('entrypoints/options/Options.tsx'), ...keysUsedIn('entrypoints/options/Settings.tsx'), ...keysUsedIn('entrypoints/options/Words.tsx')];
    expect(used.length).toBeGreaterThan(40);
    for (const lang of LANGS) {
      setUiLanguage(lang);
      for (const k of used) {
        expect(Object.hasOwn(STRINGS[lang], k), `${lang}.${k}`).toBe(true);
        expect(render(STRINGS[lang][k as StringKey], 3), `${lang}.${k}`).not.toBe('');
      }
    }
  });

  it('names every glossary category in both languages; an unknown one keeps its id', () => {
    const cats = [...new Set(loadGlossaryFromDisk().entries.map((e) => e.category))];
    for (const lang of LANGS) {
      setUiLanguage(lang);
      for (const c of cats) expect(categoryName(c), `${lang} ${c}`).not.toBe(c);
      expect(categoryName('no-such-category')).toBe('no-such-category');
    }
  });

  it('follows the interface-language setting, else the browser', () => {
    setUiLanguage('zh');
    expect([t('glossary'), t('settings'), t('results', 5), t('sinceLabel'), t('since', 2013)]).toEqual(['术语库', '设置', '5 条结果', '始用年份', '始于 2013 年']);
    setUiLanguage('en');
    expect([t('glossary'), t('settings'), t('results', 5), t('sinceLabel'), t('since', 2013)]).toEqual(['Glossary', 'Settings', '5 results', 'Since', 'since 2013']);
    expect(t('foundArticles', 1)).toBe('1 article found');
    setUiLanguage('auto');
    vi.stubGlobal('navigator', { language: 'zh-TW' });
    expect(uiLanguage()).toBe('zh');
    expect(t('uiLanguage')).toBe('界面语言');
    vi.stubGlobal('navigator', { language: 'fr-FR' });
    expect(uiLanguage()).toBe('en');
    expect(t('uiLanguage')).toBe('Interface language');
  });
});
