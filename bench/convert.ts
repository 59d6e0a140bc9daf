/**
 * Word-aware conversion against bare opencc-js: speed on a 50,000-character text (same run,
 * ratio = ours / opencc-js), and the sentences where the two differ on the evaluation texts.
 *   npx tsx bench/convert.ts          figures
 *   npx tsx bench/convert.ts --diff   every differing sentence, per mode (for the README)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { nodeSegmenter } from '../lib/segment/node';
import { tokenize } from '../lib/segment/segmenter';
import { convertText, convertWith, segmentationText, warmUp } from '../lib/convert';
import type { ScriptMode } from '../lib/settings/model';
import { openccOptions } from '../lib/convert/dicts';
import { loadGlossaryFromDisk } from '../lib/glossary/node-load';
import { SEED, time } from './texts';
import type { BenchOptions } from './node';

/** Official-style text written by the project (see tests/fixtures/convert/README.md). */
export const OFFICIAL = readFileSync(new URL('../tests/fixtures/convert/official-style.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n');

/**
 * The glossary's Chinese summaries and notes: ~50,000 Han characters of policy prose that the
 * project wrote for readers, not with conversion in mind.
 */
export const GLOSSARY_PROSE = loadGlossaryFromDisk()
  .entries.flatMap((e) => [e.summary_zh, e.detail ?? ''])
  .filter((t) => /\p{Script=Han}/u.test(t))
  .join('\n');

export const EVAL_TEXTS = { seed: SEED, glossary: GLOSSARY_PROSE, official: OFFICIAL };

const S_TO_T: ScriptMode[] = ['t', 'tw', 'hk', 'twp'];

/** Sentences: up to and including 。！？；, or a line. */
export function sentences(text: string): string[] {
  return text.match(/[^。！？；\n]+[。！？；]?[”’」』）]?/g)?.map((s) => s.trim()).filter((s) => /\p{Script=Han}/u.test(s)) ?? [];
}

export interface SentenceDiff {
  text: string;
  mode: ScriptMode;
  source: string;
  dubao: string;
  opencc: string;
}

/** Sentences of the evaluation texts whose conversion differs from opencc-js's. */
export function diffSentences(modes: ScriptMode[] = S_TO_T): { total: number; diffs: SentenceDiff[] } {
  const seg = nodeSegmenter();
  const diffs: SentenceDiff[] = [];
  let total = 0;
  for (const mode of modes) {
    const oc = OpenCC.Converter(openccOptions(mode));
    for (const [name, text] of Object.entries(EVAL_TEXTS)) {
      for (const s of sentences(text)) {
        total++;
        const dubao = convertWith(seg, s, mode).text;
        const opencc = oc(s);
        if (dubao !== opencc) diffs.push({ text: name, mode, source: s, dubao, opencc });
      }
    }
  }
  return { total, diffs };
}

function longText(chars: number): string {
  const unit = SEED + '\n\n' + OFFICIAL + '\n\n';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Quick: 5,000 characters, one run, the sentence comparison in mode t only. */
export async function runConvertBench({ quick = false }: BenchOptions = {}): Promise<Record<string, number | string>> {
  const text = longText(quick ? 5_000 : 50_000);
  const runs = quick ? 1 : 5;
  const few = quick ? 1 : 3;
  const seg = nodeSegmenter();
  const out: Record<string, number | string> = { 'convert: text chars': text.length };

  let t0 = performance.now();
  warmUp('twp');
  out['convert: build dictionaries s→twp, cold (ms)'] = performance.now() - t0;
  t0 = performance.now();
  const ocTwp = OpenCC.Converter(openccOptions('twp'));
  ocTwp('预热');
  out['convert: opencc-js build s2twp, cold (ms)'] = performance.now() - t0;

  const tokens = tokenize(seg, text);
  out['convert: jieba tokenize (ms)'] = time(() => tokenize(seg, text), few);
  for (const mode of ['t', 'twp'] as const) {
    const oc = OpenCC.Converter(openccOptions(mode));
    const ours = time(() => convertText(text, tokens, mode), runs);
    const base = time(() => oc(text), runs);
    out[`convert ${mode}: word-aware, tokens given (ms)`] = ours;
    out[`convert ${mode}: word-aware incl. jieba (ms)`] = time(() => convertWith(seg, text, mode), few);
    out[`convert ${mode}: opencc-js (ms)`] = base;
    out[`convert ${mode}: ratio word-aware / opencc-js`] = ours / base;
  }
  const trad = convertText(text, tokens, 'tw').text;
  const ocS = OpenCC.Converter(openccOptions('s'));
  const sOurs = time(() => convertText(trad, tokenize(seg, segmentationText(trad, 's')), 's'), few);
  const sBase = time(() => ocS(trad), runs);
  out['convert s (tw→s): word-aware incl. draft + jieba (ms)'] = sOurs;
  out['convert s (tw→s): opencc-js (ms)'] = sBase;
  out['convert s: ratio word-aware / opencc-js'] = sOurs / sBase;

  const modes: ScriptMode[] = quick ? ['t'] : S_TO_T;
  const { total, diffs } = diffSentences(modes);
  out[`convert: eval sentences × modes (${modes.join(', ')})`] = total;
  out['convert: of them differing from opencc-js'] = diffs.length;
  out['convert: see'] = 'tests/fixtures/convert/README.md for fixes vs regressions';
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--diff')) {
    const { total, diffs } = diffSentences();
    for (const d of diffs) console.log(`[${d.mode}] ${d.text}\n  src    ${d.source}\n  dubao  ${d.dubao}\n  opencc ${d.opencc}`);
    console.log(`${diffs.length} of ${total} sentence conversions differ`);
  } else {
    for (const [k, v] of Object.entries(await runConvertBench())) console.log(k.padEnd(56), typeof v === 'number' ? v.toFixed(2) : v);
  }
}
