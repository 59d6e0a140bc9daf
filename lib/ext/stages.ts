/**
 * The content script's two stages. The first (entrypoints/first-stage.ts, on every page) samples
 * the page for Chinese and touches no extension API until it finds some; the second
 * (entrypoints/content-main: the controller, the UI, Preact) is injected into a frame by
 * `injectSecondStage` when the first stage asks (it found Chinese), or when the popup, a
 * keyboard command or the context menu finds no one answering in the frame.
 *
 * The stages meet on this record, kept on the content scripts' own global (the isolated world in
 * Chromium, the extension's sandbox in Firefox: pages cannot see it).
 */
export interface StageRecord {
  /** Did the first stage find Chinese text in this frame? */
  chinese: boolean;
  /** Script time the first stage has spent in this frame (its own performance.now(), ms). */
  firstStageMs: number;
  /** Set by the second stage once it runs. */
  second?: {
    /** Chinese text turned up after the second stage started without it (loaded on a request). */
    chineseFound(): void;
  };
}

const KEY = Symbol.for('dubao.stages');

/** This frame's record (made on first use: a second stage injected where no first stage ran). */
export function stageRecord(): StageRecord {
  const g = globalThis as Record<symbol, StageRecord | undefined>;
  return (g[KEY] ??= { chinese: false, firstStageMs: 0 });
}
