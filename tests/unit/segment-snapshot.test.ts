// The command line's segmenter started from a memory snapshot (lib/segment/wasm-snapshot.ts) must cut
// exactly as jieba-wasm started the ordinary way and taught the same words, and must refuse a
// snapshot that does not fit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import { glossaryForms, teachGlossary } from '../../lib/pipeline';
import { restoreSnapshot } from '../../lib/segment/wasm-snapshot';
import { nodeWasmSegmenter } from '../../lib/segment/wasm-node';
import { tokenize, type Segmenter } from '../../lib/segment/segmenter';

const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const reports = readFileSync(new URL('../../../shared/corpora/government-work-reports.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { year: number; text: string });
const recent = reports.filter((r) => r.year >= 2021).map((r) => r.text);

const entries = loadGlossaryFromDisk().entries;
const words = glossaryForms(entries);
const module = new URL('../../lib/segment/wasm-snapshot.ts', import.meta.url).pathname;
let dir = '';

/** Runs `call` (takeSnapshot or restoreSnapshot) on `into` in a process of its own, as the build and a command do. */
function inProcess(call: 'takeSnapshot' | 'restoreSnapshot', into: string, forms: string[]): string {
  writeFileSync(join(into, 'words.json'), JSON.stringify(forms));
  const script = `import { ${call} } from ${JSON.stringify(module)};
import { readFileSync } from 'node:fs';
const r = await ${call}(${JSON.stringify(into)}, JSON.parse(readFileSync(${JSON.stringify(join(into, 'words.json'))}, 'utf8')));
process.stdout.write(JSON.stringify('refused' in r ? r.refused : 'segmenter' in r ? 'restored' : 'taken'));`;
  writeFileSync(join(into, 'call.mts'), script);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(into, 'call.mts')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${call} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string;
}

const cuts = (seg: Segmenter, text: string) => tokenize(seg, text).map((t) => text.slice(t.start, t.end));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dubao-snapshot-'));
  inProcess('takeSnapshot', dir, words);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('segmenter memory snapshot', () => {
  it('cuts the seed and three recent work reports exactly as a freshly started, taught jieba-wasm', async () => {
    const restored = await restoreSnapshot(dir, words);
    if (!('segmenter' in restored)) throw new Error(`snapshot refused: ${restored.refused}`);
    const fresh = nodeWasmSegmenter();
    teachGlossary(fresh, entries);
    for (const text of [seed, ...recent]) expect(cuts(restored.segmenter, text)).toEqual(cuts(fresh, text));
    // Taught words stay whole: the glossary's terms are single words in the restored segmenter.
    expect(restored.segmenter.cut('深化强镇筑基试点，坚定拥护两个确立')).toEqual(expect.arrayContaining(['强镇筑基', '两个确立']));
  }, 60_000);

  it('is refused when the words to teach differ from the snapshot’s (a changed glossary)', async () => {
    expect(await restoreSnapshot(dir, [...words, '新词试验'])).toEqual({ refused: 'stale' });
    expect(await restoreSnapshot(dir, words.slice(1))).toEqual({ refused: 'stale' });
  });

  it('is refused when the probe cut recorded at build time does not come out the same', () => {
    const other = mkdtempSync(join(tmpdir(), 'dubao-snapshot-bad-'));
    try {
      copyFileSync(join(dir, 'jieba-memory.bin'), join(other, 'jieba-memory.bin'));
      const meta = JSON.parse(readFileSync(join(dir, 'jieba-memory.json'), 'utf8')) as { probe: string[] };
      writeFileSync(join(other, 'jieba-memory.json'), JSON.stringify({ ...meta, probe: [...meta.probe].reverse() }));
      expect(inProcess('restoreSnapshot', other, words)).toBe('probe');
      // The same files with the true probe restore (so the refusal above is the probe's).
      writeFileSync(join(other, 'jieba-memory.json'), JSON.stringify(meta));
      expect(inProcess('restoreSnapshot', other, words)).toBe('restored');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  it('is null where there is no snapshot (the command line then starts jieba-wasm the usual way)', async () => {
    expect(await restoreSnapshot(join(dir, 'missing'), words)).toEqual({ refused: 'missing' });
  });
});
