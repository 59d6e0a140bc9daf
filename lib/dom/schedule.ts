/**
 * Cooperative scheduling: long DOM work runs as a generator that yields often; the driver
 * gives the browser the main thread back whenever a slice has used its budget, so no task
 * of ours runs past ~50 ms. Cancelled through an AbortSignal.
 */
export type Work<T> = Generator<void, T, void>;

// A plain task, not scheduler.yield(): a yield() continuation runs ahead of the page's own
// queued tasks, and the point of yielding is to let the page run.
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function runSliced<T>(work: Work<T>, signal?: AbortSignal, budgetMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > budgetMs) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}

/** Run a generator to completion synchronously (Node, tests). */
export function runSync<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
