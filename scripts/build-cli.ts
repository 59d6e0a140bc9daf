/**
 * Compile the command line ahead (part of `npm run build`): dist/dubao.mjs, its batch worker and
 * its pinyin thread (lib/cli/pinyin-thread.ts), with no TypeScript compiler at run time. Packages stay in node_modules; the word-aware converter
 * (OpenCC's tables) and the HTML reader are separate chunks, loaded only when a command needs them.
 * And a snapshot of the started segmenter (lib/segment/wasm-snapshot.ts), so that a command need not
 * build jieba's dictionary again.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import type { GlossaryEntry } from '../lib/glossary/schema';
import { glossaryForms } from '../lib/pipeline';
import { takeSnapshot } from '../lib/segment/wasm-snapshot';

// Chunk names change with their content: clear the last build's modules (not the snapshot).
for (const f of existsSync('dist') ? readdirSync('dist') : []) if (f.endsWith('.mjs')) rmSync(`dist/${f}`);

await build({
  entryPoints: { dubao: 'lib/cli/bin.ts', worker: 'lib/cli/worker.ts', 'pinyin-worker': 'lib/cli/pinyin-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  minify: false,
  logLevel: 'warning',
});
console.log('cli: dist/dubao.mjs');

// jieba-wasm's memory after its dictionary is built and the glossary taught: a command starts from it.
const glossaryPath = 'public/data/glossary.json';
if (existsSync(glossaryPath)) {
  const entries = JSON.parse(readFileSync(glossaryPath, 'utf8')) as GlossaryEntry[];
  const { bytes } = await takeSnapshot('dist', glossaryForms(entries));
  console.log(`cli: dist/jieba-memory.bin (${(bytes / 2 ** 20).toFixed(1)} MiB, segmenter start snapshot)`);
} else console.log('cli: no public/data/glossary.json (run `npm run data`): no segmenter snapshot, commands start jieba-wasm the usual way');
