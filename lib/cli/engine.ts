/**
 * The engine as the command line runs it: the data the extension ships (public/data, built by
 * `npm run build`: the glossary with traditional forms, the compact IDF table) and the
 * extension's segmenter (jieba-wasm) by default, so that a report is what the extension computes.
 * nodejieba (native cppjieba) is an option for throughput on big archives.
 * Everything loads once per process, and only when a command needs it.
 */
import { readFileSync } from 'node:fs';
import { dataDir, snapshotDir } from './data-dir';
import { buildMatcher, type Matcher } from '../glossary/matcher';
import type { GlossaryEntry } from '../glossary/schema';
import { parseIdfTable, type IdfTable } from '../summary/idf';
import type { Segmenter } from '../segment/segmenter';
import { nodeWasmSegmenter } from '../segment/wasm-node';
import { restoreSnapshot } from '../segment/wasm-snapshot';
import { glossaryForms, teachGlossary } from '../pipeline';

export type SegmenterName = 'jieba-wasm' | 'nodejieba';

export { dataDir, snapshotDir } from './data-dir';
export { cliPolyphones } from './polyphones';

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
