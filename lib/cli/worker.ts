// A worker thread of `dubao annotate|digest` batches: loads the engine once, answers tasks.
import { parentPort } from 'node:worker_threads';
import { answer } from './answer';
import type { Task } from './batch';

parentPort!.on('message', (t: Task) => {
  void answer(t).then((a) => parentPort!.postMessage(a));
});
