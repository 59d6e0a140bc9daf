// Reading the command line's inputs: a file, stdin, or folders of .txt / .html / .htm / .pdf files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export class UsageError extends Error {}

/** A file that cannot be read or decoded: one line, and the batch goes on. */
export class InputError extends Error {}

const READABLE = new Set(['.txt', '.html', '.htm', '.pdf']);

/**
 * The files the arguments name, in order: files as given, folders walked recursively (sorted
 * by name, only .txt/.html/.htm/.pdf). A path that does not exist stays in the list, so its error
 * line comes in its place.
 */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (READABLE.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    let dir = false;
    try {
      dir = p !== '-' && statSync(p).isDirectory();
    } catch {
      // reported when read
    }
    if (dir) walk(p);
    else out.push(p);
  }
  return out;
}

export type Input = { kind: 'text' | 'html'; content: string; html: boolean } | { kind: 'pdf'; bytes: Uint8Array };

/** A file named .pdf, or any input that starts as a PDF does (%PDF-), is read as a PDF. */
export function readInput(file: string): Input {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  if (extname(file).toLowerCase() === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', bytes };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`'${file}' is not UTF-8 text`);
  }
  if (content.includes('\u0000')) throw new InputError(`'${file}' looks like a binary file`);
  content = content.replace(/^\uFEFF/, '');
  const ext = extname(file).toLowerCase();
  const html = ext === '.html' || ext === '.htm' || (file === '-' && /^\s*<(?:!doctype|html)/i.test(content));
  return { kind: html ? 'html' : 'text', content, html };
}
