// Frame pacing (lib/dom/frame-pace.ts): a share that follows what frames cost. FramePace is fed
// made-up frame costs (no clock read), runPerFrame runs on a stand-in window whose frames come at
// once; asserted: the share grows while frames cost little above the floor, shrinks after a long
// one, settles where a frame costs about `extraMs` above the floor, stays within its bounds, and
// runPerFrame's shares follow it.
import { describe, expect, it } from 'vitest';
import { FramePace, runPerFrame } from '../../lib/dom/frame-pace';
import { newSliceStats, runSliced } from '../../lib/dom/schedule';

describe('FramePace', () => {
  it('doubles the share while frames cost little above the cheapest one', () => {
    const pace = new FramePace({ start: 100, min: 10, max: 10_000 });
    pace.record(100, 2, 30);
    expect(pace.floor).toBe(30);
    expect(pace.budget).toBe(200);
    pace.record(200, 4, 34);
    expect(pace.budget).toBe(400);
  });

  it('halves the share at most after a long frame, and never goes below its least', () => {
    const pace = new FramePace({ start: 1000, min: 300, max: 10_000 });
    pace.record(1000, 10, 30);
    pace.record(2000, 20, 400);
    expect(pace.budget).toBe(1000);
    pace.record(1000, 20, 400);
    expect(pace.budget).toBe(500);
    pace.record(500, 20, 400);
    expect(pace.budget).toBe(300);
  });

  it('after a share cut by its time, shrinks if the frame was long but never grows from it', () => {
    const pace = new FramePace({ start: 1000, min: 10, max: 10_000 });
    pace.record(1000, 10, 30);
    expect(pace.budget).toBe(2000);
    // 100 units when the time was up, a cheap frame: the share stays (the time bounds it).
    pace.record(100, 20, 30, true);
    expect(pace.budget).toBe(2000);
    // … a long frame: fewer units than were done.
    pace.record(100, 20, 300, true);
    expect(pace.budget).toBe(50);
  });

  it('stays within its most, and as it is when no frame was drawn', () => {
    const pace = new FramePace({ start: 100, min: 10, max: 150 });
    pace.record(100, 1, 5);
    expect(pace.budget).toBe(150);
    pace.record(150, 1, null);
    expect(pace.budget).toBe(150);
    expect(pace.frames).toBe(1);
  });

  it('settles where a frame costs about extraMs more than the page pays for any change', () => {
    // A page whose frames cost 35 ms after any change, plus 0.03 ms of layout and 0.016 ms of
    // script per unit (what traces of ruby going in on the seed look like).
    const pace = new FramePace({ start: 320, min: 64, max: 4000, extraMs: 50 });
    const frame = (n: number) => ({ script: 0.016 * n, render: 35 + 0.03 * n });
    const costs: number[] = [];
    for (let i = 0; i < 12; i++) {
      const n = pace.budget;
      const { script, render } = frame(n);
      pace.record(n, script, render);
      costs.push(script + render - pace.floor);
    }
    expect(pace.budget).toBeGreaterThan(320 * 2);
    for (const c of costs.slice(-4)) {
      expect(c).toBeGreaterThan(40);
      expect(c).toBeLessThan(60);
    }
  });
});

describe('runPerFrame with a FramePace', () => {
  /** A window whose frames come at once (a task later), visible. */
  const win = () =>
    ({
      document: { visibilityState: 'visible' },
      requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
      setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
    }) as unknown as Window;

  it('takes shares of the size the pace says, growing as frames stay cheap', async () => {
    function* work(): Generator<number, string, void> {
      for (let i = 0; i < 400; i++) yield 1;
      return 'done';
    }
    // (A frame's cost never nears extraMs here: the share doubles each frame, up to its most.)
    const pace = new FramePace({ start: 10, min: 10, max: 80, extraMs: 1e9, scriptMs: 1e9 });
    const shares: number[] = [];
    let last = 0;
    const stats = newSliceStats();
    const got = await runPerFrame(win(), work(), stats, new AbortController().signal, {
      budget: 1,
      pace,
      afterShare: () => {
        shares.push(stats.steps - last);
        last = stats.steps;
      },
    });
    expect(got).toBe('done');
    expect(shares.slice(0, 5)).toEqual([10, 20, 40, 80, 80]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(401); // (the last step: the generator's return)
  });

  it('keeps a fixed share without a pace', async () => {
    function* work(): Generator<number, void, void> {
      for (let i = 0; i < 50; i++) yield 2;
    }
    const stats = newSliceStats();
    await runPerFrame(win(), work(), stats, new AbortController().signal, { budget: 20 });
    // 100 units, 20 a share: 10 steps a share; the return comes in a share of its own, which
    // changed nothing and waits for no frame.
    expect(stats.yields).toBe(5);
    expect(stats.longestSlice).toBe(10);
  });

  it("keeps the longest share's script time (the benchmark's own-clock figure)", async () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // Three shares of one step: the second spends at least 6 ms.
    function* work(): Generator<number, void, void> {
      yield 1;
      busy(6);
      yield 1;
      yield 1;
    }
    const stats = newSliceStats();
    await runPerFrame(win(), work(), stats, new AbortController().signal, { budget: 1 });
    expect(stats.longestMs).toBeGreaterThanOrEqual(6);
    // The same from runSliced: a slice holds the busy step.
    function* steps(): Generator<void, void, void> {
      yield;
      busy(6);
      yield;
    }
    const sliced = newSliceStats();
    await runSliced(steps(), undefined, 1000, sliced);
    expect(sliced.longestMs).toBeGreaterThanOrEqual(6);
  });
});
