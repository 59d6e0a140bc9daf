// One task's answer as a JSON string (or its error as one line): the same in a worker and in the main thread.
import { oneLine, type Answer, type Task } from './batch';
import { digestOfFile, reportOfFile } from './report';

export async function answer(t: Task): Promise<Answer> {
  try {
    const value = t.kind === 'annotate' ? await reportOfFile(t.file, t.opts) : await digestOfFile(t.file, t.opts);
    return { ok: true, json: JSON.stringify(value) };
  } catch (e) {
    return { ok: false, error: oneLine(e) };
  }
}
