/**
 * Pinyin for one big file on the machine's second core. Readings are the largest step of a report
 * (pinyin-pro over every sentence and word, the lexicons, the polyphone model) and need only the
 * text and its words, so `dubao annotate` on one big file hands them to a worker thread started
 * before the segmenter, and works out the terms, articles, summaries and conversion meanwhile
 * (lib/annotate/steps.ts: annotateWithReadings). The readings are the ones readingsOf gives in-process.
 * Not used in batches: their worker threads already take every core.
 */
import { Worker } from 'node:worker_threads';
import type { Token } from '../segment/segmenter';

/** Texts from this many UTF-16 units on: below it, the thread's start costs more than it saves. */
export const PINYIN_THREAD_MIN = 8_000;

export interface ReadingsRequest {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

type ReadingsAnswer = { readings: string[] } | { error: string };

export interface PinyinThread {
  readings(text: string, spans: readonly Token[]): Promise<string[]>;
  close(): void;
}

export function startPinyinThread(url: URL): PinyinThread {
  // A small young generation: the thread's garbage is short-lived, and V8's default lets it grow to
  // tens of MB, which was most of what the thread added to the command's peak memory (≈ 30 MB on
  // the 33k-character congress report) for no measurable gain in time.
  const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  return {
    readings(text, spans) {
      const starts = Int32Array.from(spans, (t) => t.start);
      const ends = Int32Array.from(spans, (t) => t.end);
      return new Promise((resolve, reject) => {
        worker.once('message', (a: ReadingsAnswer) => ('error' in a ? reject(new Error(a.error)) : resolve(a.readings)));
        worker.once('error', reject);
        worker.postMessage({ text, starts, ends } satisfies ReadingsRequest, [starts.buffer, ends.buffer]);
      });
    },
    close: () => void worker.terminate(),
  };
}
