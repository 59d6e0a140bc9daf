/**
 * The engine as the command line runs it: the data the extension ships (public/data, built by
 * `npm run build`: the glossary with traditional forms, the compact IDF table) and the
 * extension's segmenter (jieba-wasm) by default, so that a report is what the extension computes.
 * nodejieba (native cppjieba) is an option for throughput on big archives.
 * Everything loads once per process, and only when a command needs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMatcher, type Matcher } from '../glossary/matcher';
import type { GlossaryEntry } from '../glossary/schema';
import { parseIdfTable, type IdfTable } from '../summary/idf';
import type { Segmenter } from '../segment/segmenter';
import { nodeWasmSegmenter } from '../segment/wasm-node';
import { restoreSnapshot } from '../segment/wasm-snapshot';
import { glossaryForms, teachGlossary } from '../pipeline';
import { polyphoneModel, type PackedMeta, type PolyphoneModel } from '../pinyin/g2pm';

export type SegmenterName = 'jieba-wasm' | 'nodejieba';

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

let glossary: { entries: GlossaryEntry[]; byId: Map<string, GlossaryEntry>; matcher: Matcher } | null = null;

export function cliGlossary(): { entries: GlossaryEntry[]; byId: Map<string, GlossaryEntry>; matcher: Matcher } {
  if (!glossary) {
    const entries = JSON.parse(readFileSync(dataDir() + 'glossary.json', 'utf8')) as GlossaryEntry[];
    glossary = { entries, byId: new Map(entries.map((e) => [e.id, e])), matcher: buildMatcher(entries) };
  }
  return glossary;
}

let idf: IdfTable | null = null;

export function cliIdf(): IdfTable {
  idf ??= parseIdfTable(readFileSync(dataDir() + 'idf.tsv', 'utf8'));
  return idf;
}

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

const segmenters = new Map<SegmenterName, Segmenter>();

/**
 * The segmenter, taught the glossary's forms as the background teaches its own. jieba-wasm starts
 * from the build's memory snapshot when one fits (lib/segment/wasm-snapshot.ts), else the usual way.
 */
export async function cliSegmenter(name: SegmenterName = 'jieba-wasm'): Promise<Segmenter> {
  let seg = segmenters.get(name);
  if (!seg) {
    if (name === 'jieba-wasm') {
      const restored = await restoreSnapshot(snapshotDir(), glossaryForms(cliGlossary().entries));
      if ('segmenter' in restored) seg = restored.segmenter;
    }
    if (!seg) {
      seg = name === 'nodejieba' ? (await import('../segment/node')).nodeSegmenter() : nodeWasmSegmenter();
      teachGlossary(seg, cliGlossary().entries);
    }
    segmenters.set(name, seg);
  }
  return seg;
}
