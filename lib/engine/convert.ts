/**
 * Conversion as the engine offers it: word-aware (lib/convert), one string per text node,
 * pieces kept apart so that no word spans two of them.
 */
import { convertPieces } from '../convert';
import type { Segmenter } from '../segment/segmenter';
import type { ScriptMode } from '../settings/model';

export function convertTexts(texts: string[], mode: ScriptMode, seg: Segmenter): string[] {
  return convertPieces(texts, mode, seg);
}
