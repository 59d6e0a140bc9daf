/**
 * `dubao annotate FILE|- [--format json] [--script t|tw|hk|twp|s]` and
 * `dubao glossary [--format json]`. Errors are one line on stderr and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { annotate } from '../annotate';
import { nodeSegmenter } from '../segment/node';
import { htmlToArticles } from './html';
import type { ScriptMode } from '../settings/model';
import { addGlossaryWords, nodeGlossary } from '../glossary/node-glossary';
import { nodeIdfTable } from '../summary/node-idf';

export class UsageError extends Error {}

const SCRIPTS: readonly ScriptMode[] = ['t', 'tw', 'hk', 'twp', 's'];

interface Args {
  command: 'annotate' | 'glossary' | 'help';
  file?: string;
  format: 'json';
  script?: ScriptMode;
}

const USAGE = 'usage: dubao annotate FILE|- [--format json] [--script t|tw|hk|twp|s] | dubao glossary [--format json]';

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help', format: 'json' };
  if (command !== 'annotate' && command !== 'glossary') throw new UsageError(`unknown command '${command}'; ${USAGE}`);
  const args: Args = { command, format: 'json' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--format') {
      const v = rest[++i];
      if (v !== 'json') throw new UsageError(`unknown format '${v ?? ''}' (only json)`);
    } else if (a.startsWith('--format=')) {
      if (a.slice(9) !== 'json') throw new UsageError(`unknown format '${a.slice(9)}' (only json)`);
    } else if (a === '--script' || a.startsWith('--script=')) {
      const v = a === '--script' ? rest[++i] : a.slice(9);
      if (!SCRIPTS.includes(v as ScriptMode)) throw new UsageError(`unknown script '${v ?? ''}' (t, tw, hk, twp or s)`);
      args.script = v as ScriptMode;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown flag '${a}'; ${USAGE}`);
    } else if (command === 'annotate' && args.file === undefined) {
      args.file = a;
    } else {
      throw new UsageError(`unexpected argument '${a}'; ${USAGE}`);
    }
  }
  if (command === 'annotate' && args.file === undefined) throw new UsageError(`annotate needs a FILE or -; ${USAGE}`);
  if (command === 'glossary' && args.script) throw new UsageError('--script applies to annotate only');
  return args;
}

export function readInput(file: string): { content: string; html: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`'${file}' is not UTF-8 text`);
  }
  if (content.includes('\u0000')) throw new UsageError(`'${file}' looks like a binary file`);
  content = content.replace(/^\uFEFF/, '');
  const ext = extname(file).toLowerCase();
  const html = ext === '.html' || ext === '.htm' || (file === '-' && /^\s*<(?:!doctype|html)/i.test(content));
  return { content, html };
}

export function run(argv: string[]): string {
  const args = parseArgs(argv);
  if (args.command === 'help') return USAGE;
  if (args.command === 'glossary') return JSON.stringify(nodeGlossary().entries, null, 2);
  const { content, html } = readInput(args.file!);
  const segmenter = nodeSegmenter();
  const { entries, matcher } = nodeGlossary();
  const idf = nodeIdfTable();
  addGlossaryWords(segmenter, entries);
  let report;
  if (html) {
    const page = htmlToArticles(content);
    report = annotate(page.text, { segmenter, matcher, idf, joinBreaks: false, articles: page.articles, script: args.script });
  } else {
    report = annotate(content, { segmenter, matcher, idf, script: args.script });
  }
  return JSON.stringify(report);
}
