/**
 * Compile the command line ahead (part of `npm run build`): dist/dubao.mjs and its worker, with
 * no TypeScript compiler at run time. Packages stay in node_modules; the word-aware converter
 * (OpenCC's tables) and the HTML reader are separate chunks, loaded only when a command needs them.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { dubao: 'lib/cli/bin.ts', worker: 'lib/cli/worker.ts' },
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
