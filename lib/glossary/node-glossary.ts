// The glossary as the Node side uses it (CLI, tests, bench): YAML + derived traditional forms,
// a matcher, and the forms added to the segmenter as user words. Built once per process.
import { loadGlossaryFromDisk } from './node-load';
import { withTraditional } from './forms';
import { buildMatcher, type Matcher } from './matcher';
import type { GlossaryEntry } from './schema';
import type { Segmenter } from '../segment/segmenter';
import { teachGlossary } from '../pipeline';

let cache: { entries: GlossaryEntry[]; matcher: Matcher } | null = null;

export function nodeGlossary(): { entries: GlossaryEntry[]; matcher: Matcher } {
  if (!cache) {
    const entries = withTraditional(loadGlossaryFromDisk().entries);
    cache = { entries, matcher: buildMatcher(entries) };
  }
  return cache;
}

const taught = new WeakSet<Segmenter>();

/** Teach a segmenter the glossary's forms so that it keeps terms whole. */
export function addGlossaryWords(seg: Segmenter, entries: GlossaryEntry[]): void {
  if (taught.has(seg)) return;
  taught.add(seg);
  teachGlossary(seg, entries);
}
