// nodejieba (cppjieba, native) for the Node side: the CLI, tests and benchmarks.
import { createRequire } from 'node:module';
import type { Segmenter } from './segmenter';

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  load(opts?: Record<string, string>): void;
}

let instance: Segmenter | null = null;

export function nodeSegmenter(): Segmenter {
  if (instance) return instance;
  const jieba = createRequire(import.meta.url)('nodejieba') as NodeJieba;
  instance = {
    name: 'nodejieba',
    cut: (text) => jieba.cut(text, true),
    addWord: (word) => void jieba.insertWord(word),
  };
  return instance;
}
