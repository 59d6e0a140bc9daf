/**
 * Pinyin accuracy and speed: bare pinyin-pro against Dubao's reader.
 *   - the CPP polyphone dev set (/work/shared/data/cpp-polyphones-dev, or $CPP_DIR), if present;
 *   - Dubao's own fixtures (tests/fixtures/pinyin/*.tsv);
 *   - speed on 30,000 characters of the seed text, both readers in the same run.
 * Run: npx tsx bench/pinyin-accuracy.ts. `npm run bench` calls runPinyinBench().
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bareRead, parseCpp, parseFixture, score, type Case } from '../lib/pinyin/eval';
import { readText } from '../lib/pinyin/reading';
import { nodeSegmenter } from '../lib/segment/node';
import { tokenize } from '../lib/segment/segmenter';
import { textModelFromString } from '../lib/text/model';
import type { BenchOptions } from './node';

const root = new URL('..', import.meta.url);
const CPP_DIR = process.env.CPP_DIR ?? '/work/shared/data/cpp-polyphones-dev';


export function dubaoRead(text: string): string[] {
  return readText(text, tokenize(nodeSegmenter(), text));
}

export function fixtureCases(): Case[] {
  const dir = fileURLToPath(new URL('tests/fixtures/pinyin/', root));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => parseFixture(readFileSync(dir + f, 'utf8')));
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: lexicons, jieba, pinyin-pro dictionaries
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t0) / runs;
}

/** Quick: the first 300 CPP cases, 3,000 characters for speed, one run. */
export async function runPinyinBench({ quick = false }: BenchOptions = {}): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const pct = (x: number) => Math.round(x * 10000) / 100;

  if (existsSync(`${CPP_DIR}/dev.sent`) && existsSync(`${CPP_DIR}/dev.lb`)) {
    const all = parseCpp(readFileSync(`${CPP_DIR}/dev.sent`, 'utf8'), readFileSync(`${CPP_DIR}/dev.lb`, 'utf8'));
    const cases = quick ? all.slice(0, 300) : all;
    out['cpp_dev_cases'] = cases.length;
    out['cpp_dev_bare_pinyin_pro_%'] = pct(score(cases, bareRead).accuracy);
    const d = score(cases, dubaoRead);
    out['cpp_dev_dubao_%'] = pct(d.accuracy);
    // The CPP labels write citation tones where dictionaries have a neutral tone (衣服 yī fu,
    // 知识 zhī shi, 弟弟 dì di): the same score, counting only those as right.
    const neutralOnly = d.misses.filter((m) => m.got.replace(/\d/g, '') === m.expected.replace(/\d/g, '') && m.got.endsWith('5')).length;
    out['cpp_dev_dubao_neutral_tone_tolerant_%'] = pct((d.correct + neutralOnly) / d.cases);
  } else {
    out['cpp_dev'] = `skipped: ${CPP_DIR}/dev.sent not found (the CPP set is not shipped with the repo)`;
  }

  const own = fixtureCases();
  out['fixtures_cases'] = own.length;
  out['fixtures_bare_pinyin_pro_%'] = pct(score(own, bareRead).accuracy);
  out['fixtures_dubao_%'] = pct(score(own, dubaoRead).accuracy);

  // Speed: 30,000 characters of the seed text; tokens are cut once (segmentation is not pinyin).
  const seed = textModelFromString(readFileSync(fileURLToPath(new URL('../shared/fixtures/jining-daily-front-page.txt', root)), 'utf8')).text;
  const chars = quick ? 3_000 : 30_000;
  const runs = quick ? 1 : 5;
  let text = '';
  while (text.length < chars) text += seed + '\n';
  text = text.slice(0, chars);
  const tokens = tokenize(nodeSegmenter(), text);
  const bareMs = time(() => bareRead(text), runs);
  const dubaoMs = time(() => readText(text, tokens), runs);
  out['speed_chars'] = text.length;
  out['speed_bare_pinyin_pro_ms'] = Math.round(bareMs * 10) / 10;
  out['speed_dubao_ms'] = Math.round(dubaoMs * 10) / 10;
  out['speed_ratio_dubao_vs_bare'] = Math.round((dubaoMs / bareMs) * 100) / 100;
  // For scale: jieba's segmentation of the same text (the engine does it once for all features).
  out['speed_nodejieba_tokenize_ms'] = Math.round(time(() => tokenize(nodeSegmenter(), text), quick ? 1 : 3) * 10) / 10;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runPinyinBench();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(40)} ${v}`);
}
