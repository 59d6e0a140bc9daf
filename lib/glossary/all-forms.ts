// Apart from forms.ts, which loads all of opencc-js to derive traditional forms at build time: the
// matcher needs only the forms already in the built glossary.
import type { GlossaryEntry } from './schema';

/** Every form of an entry: term, variants, traditional. */
export function allForms(e: GlossaryEntry): string[] {
  return [e.term, ...e.variants, ...(e.traditional ?? [])];
}
