/**
 * Write generated/idf.tsv: jieba's IDF table in the compact form lib/summary/idf.ts reads
 * (words below the cut-off, quantised; the rest read as the table's mean). The extension loads
 * it for the summary sidebar's keyword weights. Usage: tsx scripts/build-idf.ts [cutoff] [out]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compactIdf } from '../lib/summary/idf';
import { jiebaIdfFiles } from '../lib/summary/node-idf';

const cutoff = Number(process.argv[2] ?? 10);
const out = process.argv[3] ?? 'generated/idf.tsv';
const { idf, stop } = jiebaIdfFiles();
const table = compactIdf(idf, stop, { cutoff });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, table);
const words = table.split('\n').slice(2).reduce((n, l) => n + (l ? l.split('\t')[1].split(' ').length : 0), 0);
console.log(`idf: ${words} words below ${cutoff}, ${(Buffer.byteLength(table) / 1e3).toFixed(0)} kB -> ${out}`);
