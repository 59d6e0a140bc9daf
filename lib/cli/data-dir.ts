// Where the command line finds the build's data and its segmenter snapshot.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** public/data, seen from the bundle (dist/) or from the sources (lib/cli/). */
export function dataDir(): string {
  for (const rel of ['../public/data/', '../../public/data/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + 'glossary.json')) return dir;
  }
  throw new Error('the built data is missing (public/data): run `npm run build` first');
}

/** dist/, where the build leaves the segmenter's memory snapshot (seen from the bundle or the sources). */
export function snapshotDir(): string {
  return fileURLToPath(new URL(import.meta.url.includes('/dist/') ? './' : '../../dist/', import.meta.url));
}
