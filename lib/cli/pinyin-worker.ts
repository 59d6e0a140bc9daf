// The pinyin thread of one big file (lib/cli/pinyin-thread.ts): pinyin-pro, the lexicons and the
// polyphone model load here while the main thread starts the segmenter, then it reads the text.
import { parentPort } from 'node:worker_threads';
import { readingsOf } from '../readings';
import { readText } from '../pinyin/reading';
import { cliPolyphones } from './polyphones';
import type { ReadingsRequest } from './pinyin-thread';

// Warm up: the lexicon maps, pinyin-pro's dictionary matcher and the model, before the text comes.
readText('读报', [{ start: 0, end: 2 }]);
const polyphones = cliPolyphones();

parentPort!.on('message', ({ text, starts, ends }: ReadingsRequest) => {
  try {
    const tokens = Array.from(starts, (start, k) => ({ start, end: ends[k] }));
    parentPort!.postMessage({ readings: readingsOf(text, tokens, polyphones) });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
