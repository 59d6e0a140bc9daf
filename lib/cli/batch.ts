/**
 * Many files at once: one JSON object a line, in input order, from worker threads that each load
 * the engine once. A file that cannot be read gives {"file", "error"} in its place and the run
 * goes on. A progress bar on stderr when stderr is a terminal.
 */
import { Worker } from 'node:worker_threads';
import type { FileOptions } from './report';

export type Task = { kind: 'annotate' | 'digest'; file: string; opts: FileOptions };
export type Answer = { ok: true; json: string } | { ok: false; error: string };

export interface BatchOptions {
  jobs: number;
  write(line: string): void;
  progress?: NodeJS.WriteStream | null;
}

/** Run the tasks; lines come out in input order as soon as each is due. Returns the number of errors. */
export async function runBatch(tasks: Task[], run: (t: Task) => Promise<Answer>, opts: BatchOptions): Promise<number> {
  const results: Array<Answer | undefined> = new Array(tasks.length);
  let next = 0;
  let written = 0;
  let errors = 0;
  const t0 = Date.now();
  const bar = opts.progress?.isTTY ? opts.progress : null;
  const flush = () => {
    while (written < tasks.length && results[written]) {
      const r = results[written]!;
      if (r.ok) opts.write(`{"file":${JSON.stringify(tasks[written].file)},${r.json.slice(1)}`);
      else {
        errors++;
        opts.write(JSON.stringify({ file: tasks[written].file, error: r.error }));
      }
      results[written] = undefined;
      written++;
    }
    if (bar) {
      const secs = (Date.now() - t0) / 1000;
      const rate = written / Math.max(secs, 0.001);
      const left = rate > 0 ? (tasks.length - written) / rate : 0;
      const width = 30;
      const fill = Math.round((written / Math.max(1, tasks.length)) * width);
      bar.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${written}/${tasks.length} files · ${rate.toFixed(1)}/s · ${Math.ceil(left)} s left `);
    }
  };
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await run(tasks[i]).catch((e: Error): Answer => ({ ok: false, error: oneLine(e) }));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, tasks.length)) }, worker));
  if (bar) bar.write('\n');
  return errors;
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** A pool of worker threads answering tasks; each worker loads the engine once. */
export function workerPool(size: number, workerUrl: URL): { run: (t: Task) => Promise<Answer>; close: () => Promise<void> } {
  const idle: Worker[] = [];
  const waiting: Array<(w: Worker) => void> = [];
  const all: Worker[] = [];
  for (let i = 0; i < size; i++) {
    const w = new Worker(workerUrl);
    all.push(w);
    idle.push(w);
  }
  const acquire = () => new Promise<Worker>((r) => (idle.length ? r(idle.pop()!) : waiting.push(r)));
  const release = (w: Worker) => (waiting.length ? waiting.shift()!(w) : idle.push(w));
  return {
    run: async (t) => {
      const w = await acquire();
      try {
        return await new Promise<Answer>((resolve, reject) => {
          const onMessage = (a: Answer) => {
            w.off('error', onError);
            resolve(a);
          };
          const onError = (e: Error) => {
            w.off('message', onMessage);
            reject(e);
          };
          w.once('message', onMessage);
          w.once('error', onError);
          w.postMessage(t);
        });
      } finally {
        release(w);
      }
    },
    close: async () => void (await Promise.all(all.map((w) => w.terminate()))),
  };
}
