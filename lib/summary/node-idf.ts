// Node side of the keyword weights: read jieba's IDF and stop-word files from nodejieba's
// package. The build script writes the compact table from these; tests and the CLI compile it
// in memory, so they run the same table the extension loads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compactIdf, parseIdfTable, parseJiebaIdf, type CompactOptions, type IdfTable } from './idf';

interface JiebaPaths {
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

export function jiebaIdfFiles(): { idf: string; stop: string } {
  // nodejieba's index exports its dictionary paths without loading the native binding.
  const paths = createRequire(import.meta.url)('nodejieba') as JiebaPaths;
  return { idf: readFileSync(paths.DEFAULT_IDF_DICT, 'utf8'), stop: readFileSync(paths.DEFAULT_STOP_WORD_DICT, 'utf8') };
}

let compact: IdfTable | null = null;

/** The compact table, as the extension gets it (compiled once per process). */
export function nodeIdfTable(opts?: CompactOptions): IdfTable {
  if (compact && !opts) return compact;
  const { idf, stop } = jiebaIdfFiles();
  const table = parseIdfTable(compactIdf(idf, stop, opts));
  if (!opts) compact = table;
  return table;
}

/** The full table, for comparing against the compact one in benchmarks. */
export function nodeFullIdfTable(): IdfTable {
  const { idf, stop } = jiebaIdfFiles();
  return parseJiebaIdf(idf, stop);
}
