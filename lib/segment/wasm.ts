// jieba-wasm (jieba-rs) for the extension's background, and for the Node test that compares
// the two segmenters. The caller initialises the module (the background compiles the .wasm
// it ships); this file only adapts the API.
import type { Segmenter } from './segmenter';

export interface JiebaWasm {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export function wasmSegmenter(jieba: JiebaWasm): Segmenter {
  return {
    name: 'jieba-wasm',
    cut: (text) => jieba.cut(text, true),
    addWord: (word, freq) => void jieba.add_word(word, freq ?? null, null),
  };
}
