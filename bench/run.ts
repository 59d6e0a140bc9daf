/**
 * `npm run bench`: prints a table and writes bench/results/latest.json. Every figure stands
 * beside its baseline from the same run where it has one (ratio = ours / baseline).
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { runNodeBench, type Row } from './node';
import { runBrowserBench } from './browser';

const rows: Row[] = [];
const section = (name: string) => rows.push({ figure: `— ${name}`, value: NaN, unit: '' });

section('Node engine');
rows.push(...runNodeBench());

for (const [name, file, fn] of [
  ['pinyin', './pinyin-accuracy.ts', 'runPinyinBench'],
  ['conversion', './convert.ts', 'runConvertBench'],
  ['summary', './summary-rouge.ts', 'runSummaryBench'],
] as const) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  section(name);
  const mod = (await import(file)) as Record<string, () => Promise<Record<string, number | string>>>;
  for (const [k, v] of Object.entries(await mod[fn]())) rows.push({ figure: k, value: typeof v === 'number' ? v : NaN, unit: '', note: typeof v === 'string' ? v : undefined });
}

if (!process.argv.includes('--node-only')) {
  section('browsers, with the extension');
  rows.push(...(await runBrowserBench()));
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
const lines = rows.map((r) =>
  r.figure.startsWith('—')
    ? `\n${r.figure}`
    : `${r.figure.padEnd(48)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(4)} ${r.baseline !== undefined ? `base ${fmt(r.baseline).padStart(9)}  ×${fmt(r.ratio)}` : ''}${r.note ? `  ${r.note}` : ''}`,
);
console.log(lines.join('\n'));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), rows: rows.filter((r) => !r.figure.startsWith('—')) }, null, 2));
console.log('\nwritten: bench/results/latest.json');
