/**
 * The steps every surface runs, written once: segment → terms and formulas → pinyin (readings.ts,
 * apart because it loads pinyin-pro) → (articles → summaries, in annotate/ and the digest). The background (lib/background/engine-host.ts) answers
 * page messages with them; `annotate()` (the CLI's report) composes them over a whole text. The
 * same inputs give the same tokens, readings and terms in the browser and on the command line.
 */
import type { Matcher, TermMatch } from './glossary/matcher';
import { findFormulas, type FormulaMatch } from './glossary/formulas';
import { syllables } from './pinyin/syllables';
import { tokenize, type Segmenter, type Token } from './segment/segmenter';
import type { GlossaryEntry } from './glossary/schema';

/** Words of `text` as offsets. */
export function segment(seg: Segmenter, text: string): Token[] {
  return tokenize(seg, text);
}

/** Glossary terms (whole words only, given tokens) and the numbered formulas not among them. */
export function termsOf(matcher: Matcher, text: string, tokens: Token[] | undefined): { terms: TermMatch[]; formulas: FormulaMatch[] } {
  const terms = matcher.match(text, tokens);
  return { terms, formulas: findFormulas(text, terms) };
}

/** One syllable per Han character of text[start, end) ('' where there is none). */
export function syllablesOf(readings: string[], text: string, start = 0, end = text.length): string[] {
  return syllables(readings, text, start, end);
}

/** The glossary's forms (term, variants, traditional forms), in the order a segmenter is taught them. */
export function glossaryForms(entries: readonly GlossaryEntry[]): string[] {
  return entries.flatMap((e) => [e.term, ...e.variants, ...(e.traditional ?? [])]);
}

/** Where an untaught segmenter cuts the glossary's forms (entries' build-time `cuts`), by form. */
export function glossaryCuts(entries: readonly GlossaryEntry[]): Map<string, number[]> {
  return new Map(entries.flatMap((e) => Object.entries(e.cuts ?? {})));
}

/** The `cuts` of an entry's simplified forms, from a segmenter that was not taught the glossary. */
export function cutsOf(seg: Segmenter, e: GlossaryEntry): Record<string, number[]> | undefined {
  const out: Record<string, number[]> = {};
  for (const form of [e.term, ...e.variants]) {
    if (form.length < 3) continue;
    const words = seg.cut(form);
    if (words.length < 2) continue;
    let at = 0;
    out[form] = words.slice(0, -1).map((w) => (at += w.length));
  }
  return Object.keys(out).length ? out : undefined;
}

/** Teach a segmenter the glossary's forms so it keeps them whole. */
export function teachGlossary(seg: Segmenter, entries: readonly GlossaryEntry[]): void {
  for (const f of glossaryForms(entries)) seg.addWord(f);
}
