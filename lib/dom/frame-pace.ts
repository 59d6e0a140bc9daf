/**
 * Work paced by frames, for DOM changes whose cost is the browser's rendering more than our
 * script: what a task changes (ruby put in, text converted) is laid out and painted in the next
 * frame, so a task that changes a lot makes one long frame even when the script itself is quick.
 * A share of bounded size goes in, then we wait until the next frame has been drawn.
 */
import type { SliceStats } from './schedule';

/**
 * Run `work` a frame's share at a time: steps until `budget` units are done (a step yields the
 * units it did, or nothing for `perStep`) or 8 ms have passed, then `afterShare` (in the same
 * task), then wait for the next frame to be drawn, also after the last share: each frame lays
 * out a bounded amount of change, whatever runs next.
 */
export async function runPerFrame<T>(
  win: Window,
  work: Generator<number | void, T, void>,
  stats: SliceStats,
  signal: AbortSignal,
  { budget, perStep = 1, afterShare }: { budget: number; perStep?: number; afterShare?: () => void },
): Promise<T> {
  for (;;) {
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    let done = 0;
    let inSlice = 0;
    const t0 = performance.now();
    let step = work.next();
    for (;;) {
      stats.steps++;
      inSlice++;
      if (step.done) break;
      done += step.value ?? perStep;
      if (done >= budget || performance.now() - t0 >= 8) break;
      step = work.next();
    }
    stats.longestSlice = Math.max(stats.longestSlice, inSlice);
    afterShare?.();
    stats.yields++;
    await nextFrame(win);
    if (step.done) return step.value;
  }
}

/** After the next frame is drawn (a plain task where frames are not drawn: a hidden tab). */
export function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const go = () => {
      if (settled) return;
      settled = true;
      win.setTimeout(resolve, 0);
    };
    if (win.document.visibilityState !== 'visible') return go();
    win.requestAnimationFrame(go);
    // (A frame that never comes, e.g. a window the test harness keeps offscreen.)
    win.setTimeout(go, 100);
  });
}
