/**
 * `npm run bench`: prints a table and writes bench/results/latest.json. Every figure stands
 * beside its baseline from the same run where it has one (ratio = ours / baseline).
 *
 * Each part (Node engine, pinyin, conversion, summary, articles on real pages, each browser) prints its section as soon
 * as it finishes. A part that fails prints its error and the others still run; the exit code is
 * then 1.
 *
 *   --quick      one repetition and small inputs: checks that every part runs (`npm test` runs
 *                it). Its figures mean nothing, nothing is asserted about time, and nothing is
 *                written to bench/results.
 *   --node-only  no browsers.
 *   --only=TEXT  only the parts whose name contains TEXT (e.g. `--only="Firefox, long"`, with
 *                `--switch=conversion` for some of its switches): for working
 *                on one measured path; nothing is written to bench/results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BROWSERS } from '../tests/e2e/browsers';
import type { BenchOptions, Row } from './node';

const quick = process.argv.includes('--quick');
const opts: BenchOptions = { quick };

/** A part's figures as rows: numbers as values, strings as notes. */
const fromRecord = (r: Record<string, number | string>): Row[] =>
  Object.entries(r).map(([k, v]) => ({ figure: k, value: typeof v === 'number' ? v : NaN, unit: '', note: typeof v === 'string' ? v : undefined }));

// Modules are imported inside their part: one that fails to load fails its part only.
const parts: Array<[string, () => Promise<Row[]>]> = [
  ['Node engine', async () => (await import('./node')).runNodeBench(opts)],
  ['pinyin', async () => fromRecord(await (await import('./pinyin-accuracy')).runPinyinBench(opts))],
  ['conversion', async () => fromRecord(await (await import('./convert')).runConvertBench(opts))],
  ['summary', async () => fromRecord(await (await import('./summary-rouge')).runSummaryBench(opts))],
  ['key sentence vs lead', async () => fromRecord(await (await import('./summary-lead')).runLeadBench(opts))],
  ['command line (compiled) vs bare libraries', async () => (await import('./cli')).runCliBench(opts)],
  ['articles on 52 real pages', async () => fromRecord(await (await import('./articles')).runArticlesBench(opts))],
];
if (!process.argv.includes('--node-only')) {
  for (const name of BROWSERS) parts.push([`${name}, with the extension`, async () => (await import('./browser')).runBrowserBench(name, opts)]);
  for (const name of BROWSERS) parts.push([`${name}, long tasks and appended articles`, async () => (await import('./page-work')).runPageWorkBench(name, opts)]);
  for (const name of BROWSERS) parts.push([`${name}, PDF viewer vs pdf.js alone`, async () => (await import('./pdf')).runPdfBench(name, opts)]);
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
const line = (r: Row) =>
  `${r.figure.padEnd(48)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(4)} ${r.baseline !== undefined ? `base ${fmt(r.baseline).padStart(9)}${r.ratio !== undefined ? `  ×${fmt(r.ratio)}` : ''}` : ''}${r.note ? `  ${r.note}` : ''}`.trimEnd();

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined) parts.splice(0, parts.length, ...parts.filter(([name]) => name.includes(only)));

if (quick) console.log('bench --quick: one repetition, small inputs; the figures only show that every part runs.');
const rows: Array<Row & { part: string }> = [];
const failed: Array<{ part: string; error: string }> = [];
for (const [part, run] of parts) {
  const t0 = performance.now();
  console.log(`\n— ${part}`);
  try {
    const got = await run();
    for (const r of got) console.log(line(r));
    rows.push(...got.map((r) => ({ ...r, part })));
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    const err = e as Error;
    failed.push({ part, error: err?.message ?? String(e) });
    console.log(`  FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${err?.stack ?? String(e)}`);
  }
}

if (!quick && only === undefined) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), rows, failed }, null, 2));
  console.log('\nwritten: bench/results/latest.json');
}
if (failed.length) {
  console.log(`\nbench: ${failed.length} of ${parts.length} parts failed: ${failed.map((f) => f.part).join(', ')}`);
  process.exitCode = 1;
} else console.log(`\nbench: all ${parts.length} parts ran`);
// A browser a failed part could not close must not keep the process alive.
process.exit();
