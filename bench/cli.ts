/**
 * The command line as a user runs it (compiled, one process per command), against the bare
 * libraries in one script (jieba-wasm + opencc-js + pinyin-pro: bench/bare-libs.mjs) in the same
 * run: wall time and peak memory (median of runs). And a batch over the 52 real pages plus one
 * unreadable file, against running the files one process each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, Row } from './node';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/dubao.mjs');
const BARE = join(ROOT, 'bench/bare-libs.mjs');
const PRELOAD = join(ROOT, 'bench/rss-preload.mjs');
const REAL = new URL('../../shared/fixtures/real-pages/', import.meta.url).pathname;
const CORPUS = new URL('../../shared/corpora/party-congress-reports.jsonl', import.meta.url).pathname;

interface Run {
  ms: number;
  mb: number;
  status: number | null;
}

function measure(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('node', ['--import', PRELOAD, ...args], { encoding: 'utf8', maxBuffer: 512 << 20, cwd: ROOT });
  const ms = performance.now() - t0;
  const kb = Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, mb: kb / 1024, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(name: string, ours: string[], base: string[], runs: number): Row[] {
  const a: Run[] = [];
  const b: Run[] = [];
  // Interleaved, so that a busy moment of the machine weighs on both.
  for (let i = 0; i < runs; i++) {
    a.push(measure(ours));
    b.push(measure(base));
  }
  if (a.some((r) => r.status !== 0)) throw new Error(`${name}: dubao exited with ${a.find((r) => r.status !== 0)!.status}`);
  const [ms, bms, mb, bmb] = [median(a.map((r) => r.ms)), median(b.map((r) => r.ms)), median(a.map((r) => r.mb)), median(b.map((r) => r.mb))];
  return [
    { figure: `${name}: wall time`, value: ms, unit: 'ms', baseline: bms, ratio: ms / bms },
    { figure: `${name}: peak memory`, value: mb, unit: 'MB', baseline: bmb, ratio: mb / bmb },
  ];
}

export function runCliBench({ quick = false }: BenchOptions = {}): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'dubao-bench-cli-'));
  const tiny = join(dir, 'tiny.txt');
  writeFileSync(tiny, '高质量发展\n');
  const report = JSON.parse(readFileSync(CORPUS, 'utf8').trim().split('\n').at(-1)!) as { congress: string; text: string };
  const big = join(dir, 'congress.txt');
  writeFileSync(big, report.text);
  const runs = quick ? 1 : 5;
  const rows: Row[] = [
    ...compare('tiny file (5 characters), annotate', [BIN, 'annotate', tiny], [BARE, tiny], runs),
    ...compare(`${report.congress}th congress report (${report.text.length} chars), --script tw`, [BIN, 'annotate', big, '--script', 'tw'], [BARE, big], runs),
  ];
  // A batch: the real pages and one file that is not UTF-8.
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  const pages = readdirSync(REAL).filter((f) => f.endsWith('.html')).sort().map((f) => REAL + f).slice(0, quick ? 3 : undefined);
  const files = [...pages, bad];
  const t0 = performance.now();
  const batch = spawnSync('node', [BIN, 'annotate', ...files, '--format', 'jsonl'], { encoding: 'utf8', maxBuffer: 512 << 20 });
  const batchMs = performance.now() - t0;
  const lines = batch.stdout.trim().split('\n');
  const errors = lines.filter((l) => (JSON.parse(l) as { error?: string }).error).length;
  let eachMs = 0;
  for (const f of files) {
    const t = performance.now();
    spawnSync('node', [BIN, 'annotate', f], { encoding: 'utf8', maxBuffer: 512 << 20 });
    eachMs += performance.now() - t;
  }
  rows.push(
    { figure: `batch of ${files.length} files (jsonl, default jobs): lines / errors / exit`, value: lines.length, unit: '', note: `${errors} error line(s), exit code ${batch.status}` },
    { figure: `batch of ${files.length} files: wall time`, value: batchMs, unit: 'ms', baseline: eachMs, ratio: batchMs / eachMs, note: 'baseline: one process per file' },
  );
  if (lines.length !== files.length || errors !== 1 || batch.status !== 1) throw new Error(`batch: ${lines.length} lines, ${errors} errors, exit ${batch.status}`);
  return rows;
}
