/**
 * Conversion as the engine offers it. Plain opencc-js for now; the word-aware converter
 * (lib/convert/) replaces the body of convertTexts when it lands.
 */
import * as OpenCC from 'opencc-js';
import type { Segmenter } from '../segment/segmenter';
import type { ScriptMode } from '../settings/model';

const converters = new Map<ScriptMode, (s: string) => string>();

function converter(mode: ScriptMode): (s: string) => string {
  let c = converters.get(mode);
  if (!c) {
    c = mode === 's' ? OpenCC.Converter({ from: 'tw', to: 'cn' }) : OpenCC.Converter({ from: 'cn', to: mode });
    converters.set(mode, c);
  }
  return c;
}

export function convertTexts(texts: string[], mode: ScriptMode, _seg: Segmenter): string[] {
  const c = converter(mode);
  return texts.map((t) => c(t));
}
