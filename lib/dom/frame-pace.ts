/**
 * Work paced by frames, for DOM changes whose cost is the browser's rendering more than our
 * script: what a task changes (ruby put in, text converted) is laid out and painted in the next
 * frame, so a task that changes a lot makes one long frame even when the script itself is quick.
 * A share of bounded size goes in, then we wait until the next frame has been drawn.
 *
 * The share can be fixed (`budget`) or follow what frames really cost (`pace`, a FramePace):
 * traces of ruby going in show that most of a frame's cost after a change does not depend on the
 * change's size (the page below it moves: paint properties and paint of all of it; ~35 ms a frame
 * on the seed, ~100 ms on a 1M-character page in headless Chromium on 2 cores), so a small fixed
 * share spends most of its time paying that again and again.
 */
import type { SliceStats } from './schedule';

/** A share's script stops after this long (fixed budget): the share's units are usually the bound. */
const SHARE_MS = 8;

/**
 * A frame's share that follows the measured cost of the frames it made. Each frame's cost is our
 * share's script plus the rendering that followed it (from the frame's animation callback to the
 * first task after it); the cheapest rendering seen is taken as what any change costs the page
 * (the floor). The share grows or shrinks so that what a frame costs above that floor comes near
 * `extraMs`: at most twice or half as much from one frame to the next, within [min, max], and a
 * share's script never runs past `scriptMs` (a long task is 50 ms: room for what runs after it,
 * a garbage collection, and a step that overruns: on a 1M-character page one text node's ruby
 * going in costs ~3.5 ms, the page's live ranges being updated).
 */
export class FramePace {
  /** Units in the next share. */
  budget: number;
  /** The cheapest rendering of a frame after one of our shares (ms). */
  floor = Infinity;
  /** Frames measured. */
  frames = 0;
  readonly min: number;
  readonly max: number;
  readonly extraMs: number;
  readonly scriptMs: number;

  constructor({ start, min, max, extraMs = 50, scriptMs = 20 }: { start: number; min: number; max: number; extraMs?: number; scriptMs?: number }) {
    this.budget = start;
    this.min = min;
    this.max = max;
    this.extraMs = extraMs;
    this.scriptMs = scriptMs;
  }

  /**
   * A full share's measure: `units` done in `scriptMs` of script, then `renderMs` of rendering
   * (null: no frame was drawn, e.g. a hidden tab; the share stays as it is). `timeUp`: the share
   * was cut by its time, not its units; then it only ever shrinks (its units said what the time
   * allowed, not what the frame could take).
   */
  record(units: number, scriptMs: number, renderMs: number | null, timeUp = false): void {
    if (renderMs === null || units <= 0) return;
    this.frames++;
    this.floor = Math.min(this.floor, renderMs);
    const ours = scriptMs + renderMs - this.floor;
    const factor = ours <= this.extraMs / 2 ? 2 : Math.max(0.5, Math.min(2, this.extraMs / ours));
    if (timeUp && factor >= 1) return;
    this.budget = Math.round(Math.max(this.min, Math.min(this.max, units * factor)));
  }
}

export interface PerFrameOptions {
  /** Units per share (fixed; with `pace`, ignored). */
  budget: number;
  /** Units of a step that yields nothing. */
  perStep?: number;
  /** Run after each share, in the same task (its time counts as the share's). */
  afterShare?: () => void;
  /** A share that follows what frames cost (kept across runs by the caller). */
  pace?: FramePace;
}

/**
 * Run `work` a frame's share at a time: steps until the share's units are done (a step yields the
 * units it did, or nothing for `perStep`) or its time is up, then `afterShare` (in the same
 * task), then wait for the next frame to be drawn, also after the last share: each frame lays
 * out a bounded amount of change, whatever runs next.
 */
export async function runPerFrame<T>(win: Window, work: Generator<number | void, T, void>, stats: SliceStats, signal: AbortSignal, { budget, perStep = 1, afterShare, pace }: PerFrameOptions): Promise<T> {
  for (;;) {
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    const share = pace ? pace.budget : budget;
    const maxMs = pace ? pace.scriptMs : SHARE_MS;
    let done = 0;
    let inSlice = 0;
    let timeUp = false;
    const t0 = performance.now();
    let step = work.next();
    for (;;) {
      stats.steps++;
      inSlice++;
      if (step.done) break;
      done += step.value ?? perStep;
      if (done >= share) break;
      if (performance.now() - t0 >= maxMs) {
        timeUp = true;
        break;
      }
      step = work.next();
    }
    stats.longestSlice = Math.max(stats.longestSlice, inSlice);
    afterShare?.();
    // (Nothing changed since the last frame: nothing to wait for.)
    if (step.done && done === 0) return step.value;
    const script = performance.now() - t0;
    stats.longestMs = Math.max(stats.longestMs, script);
    stats.yields++;
    const render = await frameCost(win);
    // (A last share cut well short by the end of the work says little about a full one.)
    if (pace && (done >= share / 2 || !step.done)) pace.record(done, script, render, timeUp);
    if (step.done) return step.value;
  }
}

/** After the next frame is drawn (a plain task where frames are not drawn: a hidden tab). */
export function nextFrame(win: Window): Promise<void> {
  return frameCost(win).then(() => undefined);
}

/**
 * After the next frame is drawn, with what drawing it cost: from the frame's animation callback
 * (before style, layout and paint) to the first task after it. Null where no frame was drawn.
 * Settles a task later still: the page's own tasks that came due while the frame was drawn (its
 * timers) run before our next share, not after it.
 */
function frameCost(win: Window): Promise<number | null> {
  return new Promise((resolve) => {
    let settled = false;
    const go = (from: number | null) => {
      if (settled) return;
      settled = true;
      win.setTimeout(() => {
        const cost = from === null ? null : performance.now() - from;
        win.setTimeout(() => resolve(cost), 0);
      }, 0);
    };
    if (win.document.visibilityState !== 'visible') return go(null);
    win.requestAnimationFrame(() => go(performance.now()));
    // (A frame that never comes, e.g. a window the test harness keeps offscreen.)
    win.setTimeout(() => go(null), 100);
  });
}
