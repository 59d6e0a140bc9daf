/**
 * annotate(text, options) → Report. The one entry point of the engine: the CLI, the
 * background and the tests all go through it. Later features add their steps here (steps.ts).
 */
import type { Report } from '../report';
import { readingsOf } from '../readings';
import { analyse, complete, prepare, type AnnotateOptions } from './steps';

export { annotateWithReadings, type AnnotateOptions, type Feature } from './steps';

export function annotate(input: string, options: AnnotateOptions): Report {
  const run = prepare(input, options);
  const readings = run.want('pinyin') ? readingsOf(run.text, run.spans, options.polyphones) : null;
  return complete(run, analyse(run, options), readings);
}
