/**
 * How the card (and the options page) names where an English rendering is used: short in the line ("Xinhua 2021"), the
 * full source (title, year) in the element's title attribute, so the card stays compact.
 */
import type { EnglishAlt, GlossaryEntry, GlossarySource } from '../glossary/schema';

export function sourceShort(s: GlossarySource): string {
  return `${s.publisher} ${s.year}`;
}

export function sourceFull(s: GlossarySource): string {
  return `${s.publisher}: ${s.title} (${s.year})`;
}

/** The official rendering's sources, short (line) and full (tooltip); empty when none or unofficial. */
export function officialSources(e: Pick<GlossaryEntry, 'english_official' | 'english_sources'>): { short: string; full: string } {
  const list = e.english_official ? (e.english_sources ?? []) : [];
  return { short: list.map(sourceShort).join('; '), full: list.map(sourceFull).join('\n') };
}

/** Tooltip of another rendering: where it is used and whether that is official. */
export function altTitle(a: EnglishAlt, officialLabel: string, otherLabel: string): string {
  return `${a.official ? officialLabel : otherLabel} · ${sourceFull(a.source)}`;
}
