// The polyphone model for the command line; apart from engine.ts so that the pinyin thread loads
// only what reading needs (not the segmenter, the glossary matcher or the IDF table).
import { existsSync, readFileSync } from 'node:fs';
import { polyphoneModel, type PackedMeta, type PolyphoneModel } from '../pinyin/g2pm';
import { dataDir } from './data-dir';

let polyphones: PolyphoneModel | null | undefined;

/** The polyphone model as the extension ships it (public/data/g2pm.*), read once; null if not built. */
export function cliPolyphones(): PolyphoneModel | null {
  if (polyphones === undefined) {
    const dir = dataDir();
    polyphones = existsSync(dir + 'g2pm.bin')
      ? polyphoneModel(JSON.parse(readFileSync(dir + 'g2pm.json', 'utf8')) as PackedMeta, readFileSync(dir + 'g2pm.bin'))
      : null;
  }
  return polyphones;
}
