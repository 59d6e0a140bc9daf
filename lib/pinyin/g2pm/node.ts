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

export function readG2pmSource(dir = G2PM_DIR): G2pmSource {
  const json = (f: string) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  return {
    tensors: json('weights.json'),
    weights: readFileSync(`${dir}/weights.f32`),
    char2idx: json('char2idx.json'),
    class2idx: json('class2idx.json'),
    digest: json('digest_cedict.json'),
  };
}
