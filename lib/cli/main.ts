/**
 * The `dubao` command:
 *   dubao annotate FILE|- [--format json] [--script t|tw|hk|twp|s] [--segmenter jieba-wasm|nodejieba]
 *   dubao annotate FILE… | DIR… --format jsonl [--jobs N]
 *   dubao digest FILE|DIR [--format md|json] [--jobs N]
 *   dubao glossary [--format json]
 * One file with --format json prints its report (the contract of lib/report.ts); errors are one
 * line on stderr and exit code 2 (a PDF that is not one, is damaged, encrypted or a scan without text
 * too). A batch prints one JSON object a line in input order; a file
 * that cannot be read gives {"file", "error"} and the exit code is 1 at the end.
 */
import type { GlossaryEntry } from '../glossary/schema';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { SCRIPT_MODES, type ScriptMode } from '../settings/model';
import { digestJson, digestMarkdown } from '../ui/sidebar/export';
import type { PageDigest } from '../messages';
import { dataDir, type SegmenterName } from './engine';
import { expandInputs, InputError, UsageError } from './files';
import { runBatch, workerPool, type Answer, type Task } from './batch';
import { answer } from './answer';

export { UsageError };

const SEGMENTERS: readonly SegmenterName[] = ['jieba-wasm', 'nodejieba'];
type Format = 'json' | 'jsonl' | 'md';

interface Args {
  command: 'annotate' | 'digest' | 'glossary' | 'help';
  files: string[];
  format: Format;
  script?: ScriptMode;
  segmenter?: SegmenterName;
  jobs: number;
}

export const USAGE = `usage:
  dubao annotate FILE|- [--format json] [--script t|tw|hk|twp|s] [--segmenter jieba-wasm|nodejieba]
  dubao annotate FILE…|DIR… --format jsonl [--jobs N] [--script …] [--segmenter …]
  dubao digest FILE|DIR [--format md|json] [--jobs N]
  dubao glossary [--format json]
FILE: a .txt, .html/.htm or .pdf file (a PDF is read page by page, articles from its layout).`;

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help', files: [], format: 'json', jobs: 1 };
  if (command !== 'annotate' && command !== 'glossary' && command !== 'digest') throw new UsageError(`unknown command '${command}'; ${USAGE}`);
  const args: Args = { command, files: [], format: command === 'digest' ? 'md' : 'json', jobs: availableParallelism() };
  const allowed: Record<Args['command'], Format[]> = { annotate: ['json', 'jsonl'], digest: ['md', 'json'], glossary: ['json'], help: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : rest[++i]);
    if (flag === '--format') {
      const v = value();
      if (!allowed[command].includes(v as Format)) throw new UsageError(`unknown format '${v ?? ''}' for ${command} (${allowed[command].join(', ')})`);
      args.format = v as Format;
    } else if (flag === '--script') {
      const v = value();
      if (!SCRIPT_MODES.includes(v as ScriptMode)) throw new UsageError(`unknown script '${v ?? ''}' (t, tw, hk, twp or s)`);
      args.script = v as ScriptMode;
    } else if (flag === '--segmenter') {
      const v = value();
      if (!SEGMENTERS.includes(v as SegmenterName)) throw new UsageError(`unknown segmenter '${v ?? ''}' (jieba-wasm or nodejieba)`);
      args.segmenter = v as SegmenterName;
    } else if (flag === '--jobs' || flag === '-j') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) throw new UsageError('--jobs needs a whole number ≥ 1');
      args.jobs = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown flag '${a}'; ${USAGE}`);
    } else if (command === 'glossary') {
      throw new UsageError(`unexpected argument '${a}'; ${USAGE}`);
    } else args.files.push(a);
  }
  if (command !== 'glossary' && !args.files.length) throw new UsageError(`${command} needs a FILE, a folder or -; ${USAGE}`);
  if (command === 'glossary' && (args.script || args.segmenter)) throw new UsageError('--script and --segmenter apply to annotate and digest');
  if (command === 'digest' && args.script) throw new UsageError('--script applies to annotate');
  return args;
}

/** Run the command; resolves to the exit code. Output goes through `out`. */
export async function run(argv: string[], out: (s: string) => void, workerUrl?: URL): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') return out(USAGE), 0;
  // The glossary as authored plus its traditional forms; `cuts` is the converter's business.
  if (args.command === 'glossary') return out(JSON.stringify((JSON.parse(readFileSync(dataDir() + 'glossary.json', 'utf8')) as GlossaryEntry[]).map(({ cuts: _cuts, ...e }) => e))), 0;
  const opts = { script: args.script, segmenter: args.segmenter };
  const files = expandInputs(args.files);
  const single = args.files.length === 1 && files.length === 1 && files[0] === args.files[0] && args.format !== 'jsonl';
  if (single) {
    // One big file: its pinyin on a second thread (pinyin-thread.ts), unless --jobs 1.
    const pinyinWorker = args.jobs > 1 && workerUrl ? new URL('./pinyin-worker.mjs', workerUrl).href : undefined;
    const a = await answer({ kind: args.command, file: files[0], opts: { ...opts, pinyinWorker } });
    if (!a.ok) throw new InputError(a.error);
    if (args.command === 'annotate') out(a.json);
    else out(args.format === 'md' ? digestMarkdown(JSON.parse(a.json) as PageDigest, files[0]) : digestJson(JSON.parse(a.json) as PageDigest, files[0]));
    return 0;
  }
  if (!files.length) throw new UsageError(`no .txt, .html, .htm or .pdf files in ${args.files.join(' ')}`);
  const tasks: Task[] = files.map((file) => ({ kind: args.command as Task['kind'], file, opts }));
  const jobs = Math.min(args.jobs, tasks.length);
  const pool = jobs > 1 && workerUrl ? workerPool(jobs, workerUrl) : null;
  const runOne = pool ? pool.run : (t: Task): Promise<Answer> => answer(t);
  const write =
    args.command === 'digest' && args.format === 'md'
      ? (line: string) => {
          const o = JSON.parse(line) as { file: string; error?: string } & PageDigest;
          out(o.error ? `<!-- ${o.file}: ${o.error} -->\n` : digestMarkdown(o, o.file));
        }
      : out;
  try {
    const errors = await runBatch(tasks, runOne, { jobs, write, progress: process.stderr });
    return errors ? 1 : 0;
  } finally {
    await pool?.close();
  }
}
