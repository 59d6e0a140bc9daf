/**
 * The pipeline's pinyin step (pipeline.ts holds the others). A module of its own because it loads
 * pinyin-pro: the command line's main thread, which leaves pinyin to its pinyin thread, never
 * imports it.
 */
import { findNames, readText, type PolyphoneReader } from './pinyin/reading';
import type { Token } from './segment/segmenter';

/**
 * Readings in context (names found from context read with surname readings), per UTF-16 offset;
 * with the polyphone model (lib/pinyin/g2pm, loaded once by the background or the CLI), the
 * polyphones no lexicon settled are reread where its policy says it reads better.
 */
export function readingsOf(text: string, tokens: Token[], polyphones?: PolyphoneReader | null): string[] {
  return readText(text, tokens, { names: findNames(text, tokens), polyphones: polyphones ?? undefined });
}

