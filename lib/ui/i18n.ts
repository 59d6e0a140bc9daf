/**
 * Interface strings of every surface: the content UI (hover card, sidebar), the popup and the
 * options page, in English and Chinese (strings/en.ts, strings/zh.ts). The English table defines
 * the keys and the shape of each string (plain, or a function of its numbers); the Chinese table
 * has exactly the same keys and shapes (a missing or extra key is a type error), and `t` accepts
 * only known keys.
 * The interface language is the reader's setting, else the browser's language.
 */

import { en, type StringKey, type Strings } from './strings/en';
import { zh } from './strings/zh';

export type { StringKey, Strings };

/** Both tables, for tests. */
export const STRINGS: Readonly<Record<'zh' | 'en', Strings>> = { zh, en };

let override: 'zh' | 'en' | null = null;

/** The interface language: the reader's setting, else the browser's language. */
export function uiLanguage(): 'zh' | 'en' {
  if (override) return override;
  const lang = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return lang.startsWith('zh') ? 'zh' : 'en';
}

export function setUiLanguage(lang: 'zh' | 'en' | 'auto'): void {
  override = lang === 'auto' ? null : lang;
}

/** The arguments a string takes: none for a plain string, else its function's. */
export type StringArgs<K extends StringKey> = Strings[K] extends (...a: infer A) => string ? A : [];

/** The interface string `key` in the interface language. */
export function t<K extends StringKey>(key: K, ...args: StringArgs<K>): string {
  const s = STRINGS[uiLanguage()][key];
  return typeof s === 'function' ? (s as (...a: unknown[]) => string)(...args) : (s as string);
}

type CategoryKey = Extract<StringKey, `cat_${string}`>;

/** The name of a glossary category in the interface language; an unknown category keeps its id. */
export function categoryName(category: string): string {
  const key = `cat_${category}`;
  return Object.hasOwn(en, key) ? t(key as CategoryKey) : category;
}
