/**
 * jieba-wasm for the command line, started from a memory snapshot.
 *
 * Why: jieba-rs builds its dictionary (≈350k words, zstd-packed inside the .wasm) on the first cut,
 * and Dubao then teaches it the glossary's forms: together ≈0.5–0.8 s of every command, most of a
 * short file's run. The dictionary is the same every time, so `npm run build` runs that start once
 * and saves the module's linear memory (dist/jieba-memory.*); a command maps the saved memory back
 * into a fresh instance of the same .wasm (one read into the wasm memory, no copy) and cuts at once.
 *
 * It is the same segmenter in the same state, so the words are the extension's words. The snapshot
 * is used only when it was taken from this very .wasm with the very words being taught (a hash of
 * both), and a probe cut recorded at build time must come out the same; otherwise (a stale or
 * missing snapshot, a changed package) the caller starts jieba-wasm the ordinary way.
 *
 * What makes a restore sound: between calls the module keeps all its state in linear memory (the
 * Rust heap with the dictionary) except the externref table, whose free-slot list lives in memory
 * too; the table is grown to the length it had, so that every slot the list names exists. The stack
 * pointer is back at its start between calls.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { wasmSegmenter, type JiebaWasm } from './wasm';
import type { Segmenter } from './segmenter';

const PAGE = 65536;
/** A cut of this text is recorded with the snapshot and checked after a restore. */
const PROBE = '济宁市高质量发展两个确立，长江经济带行稳致远。重庆市长江大桥于2023年通车';

interface SnapshotMeta {
  key: string;
  memoryBytes: number;
  tableLength: number;
  /** Indices of the 64 KiB pages stored, in file order (the others are zero). */
  pages: number[];
  probe: string[];
}

interface WasmExports {
  memory: WebAssembly.Memory;
  __wbindgen_export_2: WebAssembly.Table;
}

type WebGlue = JiebaWasm & { initSync(opts: { module: WebAssembly.Module }): WasmExports };

const require = createRequire(import.meta.url);

function wasmBytes(): Buffer {
  return readFileSync(join(dirname(require.resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm'));
}

function keyOf(wasm: Buffer, words: readonly string[]): string {
  return createHash('sha256').update(wasm).update('\0').update(words.join('\n')).digest('hex');
}

async function freshInstance(wasm: Buffer): Promise<{ glue: WebGlue; exports: WasmExports }> {
  const glue = (await import('jieba-wasm/web')) as unknown as WebGlue;
  const exports = glue.initSync({ module: new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>) });
  return { glue, exports };
}

const files = (dir: string) => ({ meta: join(dir, 'jieba-memory.json'), bin: join(dir, 'jieba-memory.bin') });

/**
 * Build time: start jieba-wasm, teach it `words` in order, cut the probe, and save its memory in
 * `dir`. Run in a process of its own (the web glue instantiates once per process).
 */
export async function takeSnapshot(dir: string, words: readonly string[]): Promise<{ bytes: number; pages: number }> {
  const wasm = wasmBytes();
  const { glue, exports } = await freshInstance(wasm);
  const seg = wasmSegmenter(glue);
  for (const w of words) seg.addWord(w);
  const probe = seg.cut(PROBE);
  const mem = new Uint8Array(exports.memory.buffer);
  const pages: number[] = [];
  for (let p = 0; p * PAGE < mem.length; p++) if (mem.subarray(p * PAGE, (p + 1) * PAGE).some((b) => b !== 0)) pages.push(p);
  const fd = openSync(files(dir).bin, 'w');
  try {
    for (const p of pages) writeFileSync(fd, mem.subarray(p * PAGE, (p + 1) * PAGE));
  } finally {
    closeSync(fd);
  }
  const meta: SnapshotMeta = { key: keyOf(wasm, words), memoryBytes: mem.length, tableLength: exports.__wbindgen_export_2.length, pages, probe };
  writeFileSync(files(dir).meta, JSON.stringify(meta));
  return { bytes: pages.length * PAGE, pages: pages.length };
}

export type Restored = { segmenter: Segmenter } | { refused: 'missing' | 'stale' | 'layout' | 'probe' };

/**
 * Run time: jieba-wasm already taught `words`, from the snapshot in `dir`; or why not ('missing',
 * 'stale': taken from another .wasm or other words, 'layout': the fresh instance is not the one the
 * snapshot was taken from, 'probe': the check cut differs). The caller then starts jieba-wasm the
 * ordinary way. Once per process: the instance is the web glue's own.
 */
export async function restoreSnapshot(dir: string, words: readonly string[]): Promise<Restored> {
  const { meta: metaPath, bin } = files(dir);
  if (!existsSync(metaPath) || !existsSync(bin)) return { refused: 'missing' };
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as SnapshotMeta;
  const wasm = wasmBytes();
  if (meta.key !== keyOf(wasm, words)) return { refused: 'stale' };
  const { glue, exports } = await freshInstance(wasm);
  const { memory, __wbindgen_export_2: table } = exports;
  const initial = memory.buffer.byteLength;
  // The table must end exactly where the saved free-slot list says it does.
  if (initial > meta.memoryBytes || table.length > meta.tableLength) return { refused: 'layout' };
  memory.grow((meta.memoryBytes - initial) / PAGE);
  table.grow(meta.tableLength - table.length);
  const mem = new Uint8Array(memory.buffer);
  // Pages the snapshot does not store are zero in it; grown pages are zero already, the first ones
  // (the module's data segments) may not be.
  const stored = new Set(meta.pages);
  for (let p = 0; p * PAGE < initial; p++) if (!stored.has(p)) mem.fill(0, p * PAGE, (p + 1) * PAGE);
  const fd = openSync(bin, 'r');
  try {
    // Runs of consecutive pages are read straight into the module's memory.
    for (let i = 0; i < meta.pages.length; ) {
      let j = i + 1;
      while (j < meta.pages.length && meta.pages[j] === meta.pages[j - 1] + 1) j++;
      const at = meta.pages[i] * PAGE;
      const len = (j - i) * PAGE;
      let done = 0;
      while (done < len) done += readSync(fd, mem, at + done, len - done, null);
      i = j;
    }
  } finally {
    closeSync(fd);
  }
  const seg = wasmSegmenter(glue);
  const probe = seg.cut(PROBE);
  if (probe.length !== meta.probe.length || probe.some((w, i) => w !== meta.probe[i])) return { refused: 'probe' };
  return { segmenter: seg };
}
