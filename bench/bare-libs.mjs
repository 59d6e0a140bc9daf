// The bare libraries in one script, as the CLI's baseline: jieba-wasm cuts, opencc-js converts
// (cn → tw), pinyin-pro reads the file. Usage: node bench/bare-libs.mjs FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const text = readFileSync(process.argv[2], 'utf8');
const require = createRequire(import.meta.url);
const jieba = require('jieba-wasm');
const words = jieba.cut(text, true);
const OpenCC = await import('opencc-js');
const converted = OpenCC.Converter({ from: 'cn', to: 'tw' })(text);
const { pinyin } = await import('pinyin-pro');
const readings = pinyin(text, { type: 'array' });
process.stdout.write(JSON.stringify({ words: words.length, converted: converted.length, readings: readings.length }) + '\n');
