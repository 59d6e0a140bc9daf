/**
 * Written forms of glossary entries: the simplified term and variants the authors typed, plus
 * traditional forms derived by OpenCC (never typed by hand), so terms match on traditional pages.
 */
import * as OpenCC from 'opencc-js';
import type { GlossaryEntry } from './schema';

type Convert = (s: string) => string;
let converters: Convert[] | null = null;

function toTraditional(): Convert[] {
  // Mainland standard traditional, Taiwan and Hong Kong standards: a term may differ by region
  // (e.g. 为 → 為/爲); whole-term conversion keeps phrase rules inside the term, where they belong.
  converters ??= (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  return converters;
}

/** Traditional forms of an entry's term and variants, not equal to any simplified form. */
export function traditionalForms(e: Pick<GlossaryEntry, 'term' | 'variants'>): string[] {
  const simplified = new Set([e.term, ...e.variants]);
  const out = new Set<string>();
  for (const form of simplified) for (const conv of toTraditional()) out.add(conv(form));
  return [...out].filter((f) => !simplified.has(f));
}

export function withTraditional(entries: GlossaryEntry[]): GlossaryEntry[] {
  return entries.map((e) => ({ ...e, traditional: traditionalForms(e) }));
}

export { allForms } from './all-forms';
