/**
 * Compile and copy the data the extension ships (run by `npm run build` before WXT):
 * - public/jieba/: jieba's wasm as its own file (the background fetches and compiles it once,
 *   instead of carrying 4 MB base64-inlined in background.js);
 * - public/data/glossary.json: assets/glossary/*.yaml with traditional forms derived by OpenCC (every
 *   authored field kept: english_sources, english_alt, quote …);
 * - public/data/cedict.tsv: CC-CEDICT in a compact form (CC BY-SA 4.0, credited in README);
 * - public/data/idf.tsv: jieba's IDF table, compact (keyword weights for the summary);
 * - public/data/g2pm.json + g2pm.bin: the g2pM polyphone model (Apache-2.0, credited in README),
 *   read from ../shared/data/g2pm (never kept in the repo) and packed with int8 matrices.
 * - public/pdfjs/: pdf.js's worker, cMaps (Chinese PDFs name their CID fonts' encodings by cMap)
 *   and standard fonts, fetched only by the PDF viewer page (entrypoints/pdf).
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodeGlossary } from '../lib/glossary/node-glossary';
import { loadSameEnglish } from '../lib/glossary/node-load';
import { validateGlossary } from '../lib/glossary/schema';
import { cutsOf } from '../lib/pipeline';
import { wasmSegmenter, type JiebaWasm } from '../lib/segment/wasm';
import { compileCedict } from './cedict';
import { compactIdf } from '../lib/summary/idf';
import { jiebaIdfFiles } from '../lib/summary/node-idf';
import { packG2pm } from '../lib/pinyin/g2pm/format';
import { G2PM_DIR, hasG2pmSource, readG2pmSource } from '../lib/pinyin/g2pm/node';

const require = createRequire(import.meta.url);

const jiebaDir = join(dirname(require.resolve('jieba-wasm')), '../web');
mkdirSync('public/jieba', { recursive: true });
copyFileSync(join(jiebaDir, 'jieba_rs_wasm_bg.wasm'), 'public/jieba/jieba_rs_wasm_bg.wasm');

const pdfjsDir = join(dirname(require.resolve('pdfjs-dist/package.json')));
mkdirSync('public/pdfjs', { recursive: true });
copyFileSync(join(pdfjsDir, 'build/pdf.worker.min.mjs'), 'public/pdfjs/pdf.worker.min.mjs');
cpSync(join(pdfjsDir, 'cmaps'), 'public/pdfjs/cmaps', { recursive: true });
cpSync(join(pdfjsDir, 'standard_fonts'), 'public/pdfjs/standard_fonts', { recursive: true });

mkdirSync('public/data', { recursive: true });
const { entries } = nodeGlossary();
// Strict since issue #14's writers finished: every official rendering names where it is used.
const problems = validateGlossary({ entries }, { sameEnglish: loadSameEnglish(), strictSources: true, strictSinceDetail: true });
if (problems.length) {
  console.error(`glossary: ${problems.length} problems, first: ${problems[0]}`);
  process.exit(1);
}
// Where jieba, not yet taught the glossary, cuts each form: conversion keeps phrase rules from
// crossing those cuts inside a taught term (lib/pipeline.ts glossaryCuts, lib/convert wordCuts).
const untaught = wasmSegmenter(require('jieba-wasm') as JiebaWasm);
for (const e of entries) {
  const cuts = cutsOf(untaught, e);
  if (cuts) e.cuts = cuts;
}
writeFileSync('public/data/glossary.json', JSON.stringify(entries));
console.log(`glossary: ${entries.length} entries`);

// jieba's IDF table, compact (lib/summary/idf.ts): keyword weights for key sentences.
const idfFiles = jiebaIdfFiles();
const idf = compactIdf(idfFiles.idf, idfFiles.stop, { cutoff: 11 });
writeFileSync('public/data/idf.tsv', idf);
console.log(`idf: ${(idf.length / 1e3).toFixed(0)} k chars`);

const cedict = await compileCedict();
writeFileSync('public/data/cedict.tsv', cedict.tsv);
console.log(`cedict: ${cedict.count} entries, ${(cedict.tsv.length / 1e6).toFixed(1)} M chars`);

// The polyphone model: without ../shared/data/g2pm the extension reads with lexicons and rules only.
if (hasG2pmSource()) {
  const g2pm = packG2pm(readG2pmSource(), 'i8');
  writeFileSync('public/data/g2pm.json', JSON.stringify(g2pm.meta));
  writeFileSync('public/data/g2pm.bin', g2pm.bin);
  console.log(`g2pm: ${(g2pm.bin.length / 1e3).toFixed(0)} kB of weights (int8), ${(JSON.stringify(g2pm.meta).length / 1e3).toFixed(0)} kB of vocabulary`);
} else {
  console.warn(`g2pm: ${G2PM_DIR} not found: built without the polyphone model`);
}
