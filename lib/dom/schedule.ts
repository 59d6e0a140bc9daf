/**
 * Cooperative scheduling: long DOM work runs as a generator that yields often; the driver
 * gives the browser the main thread back whenever a slice has used its budget, so no task
 * of ours runs past ~50 ms. Cancelled through an AbortSignal.
 *
 * A slice also ends after MAX_SLICE_STEPS steps, whatever the clock says: each step of our
 * generators does a bounded amount of work (a few hundred nodes or ranges), so a slice is
 * bounded in work too, and the counts in SliceStats depend on the page only, not on the
 * machine's speed (tests read them; the time figures belong to the benchmark).
 */
export type Work<T> = Generator<void, T, void>;

/** Most generator steps run in one task before the driver yields. */
export const MAX_SLICE_STEPS = 100;

/**
 * What sliced runs did: steps taken, yields to the browser, the longest slice in steps, and the
 * longest slice's script time (ms, our own clock: the benchmark tells our tasks from the browser's
 * rendering with it where the browser reports no long tasks, as in Firefox).
 */
export interface SliceStats {
  steps: number;
  yields: number;
  longestSlice: number;
  longestMs: number;
}

export const newSliceStats = (): SliceStats => ({ steps: 0, yields: 0, longestSlice: 0, longestMs: 0 });

// A plain task, not scheduler.yield(): a yield() continuation runs ahead of the page's own
// queued tasks, and the point of yielding is to let the page run.
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function runSliced<T>(work: Work<T>, signal?: AbortSignal, budgetMs = 8, stats: SliceStats = newSliceStats()): Promise<T> {
  let sliceStart = performance.now();
  let inSlice = 0;
  for (;;) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const step = work.next();
    stats.steps++;
    stats.longestSlice = Math.max(stats.longestSlice, ++inSlice);
    const now = performance.now();
    stats.longestMs = Math.max(stats.longestMs, now - sliceStart);
    if (step.done) return step.value;
    if (inSlice >= MAX_SLICE_STEPS || now - sliceStart > budgetMs) {
      stats.yields++;
      await yieldToBrowser();
      sliceStart = performance.now();
      inSlice = 0;
    }
  }
}

/** Run a generator to completion synchronously (Node, tests, teardown); what its steps yield is ignored. */
export function runSync<T>(work: Generator<unknown, T, void>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
