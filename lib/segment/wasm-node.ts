// jieba-wasm in Node: the very segmenter the extension's background runs (jieba-rs compiled to
// WebAssembly, jieba's dictionary), so that the command line's words are the browser's words.
import { createRequire } from 'node:module';
import { wasmSegmenter, type JiebaWasm } from './wasm';
import type { Segmenter } from './segmenter';

let instance: Segmenter | null = null;

export function nodeWasmSegmenter(): Segmenter {
  // The package's Node build compiles its .wasm synchronously when first required.
  instance ??= wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);
  return instance;
}
