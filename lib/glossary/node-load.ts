// Reading the glossary's YAML sources from disk (Node: CLI, tests, the build-data script).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { parseSameEnglish, type Glossary, type GlossaryEntry } from './schema';

export const GLOSSARY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/glossary');

export function loadGlossaryFromDisk(dir = GLOSSARY_DIR): Glossary {
  const entries: GlossaryEntry[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const data = YAML.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
    if (!Array.isArray(data)) throw new Error(`${f}: expected a list of entries`);
    for (const e of data as GlossaryEntry[]) entries.push({ ...e, variants: e.variants ?? [], related: e.related ?? [] });
  }
  return { entries };
}

/** The allow-list of entries that share a main English rendering on purpose (may be absent). */
export function loadSameEnglish(dir = GLOSSARY_DIR): Map<string, Set<string>> {
  const f = join(dir, 'same-english.tsv');
  return existsSync(f) ? parseSameEnglish(readFileSync(f, 'utf8')) : new Map();
}
