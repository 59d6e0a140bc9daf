/**
 * Builds assets/lexicons/cedict-words.json: the CC-CEDICT words (2+ Han characters) whose
 * reading of a polyphonic character differs from what pinyin-pro gives for the word alone.
 * Only those are kept, so the file stays small; the rest pinyin-pro already reads right.
 * Neutral-tone-only differences (知识 zhī shi vs zhī shí) are not kept: Dubao shows the
 * citation tone there. Also kept: every word that reads a character of chars.json other than
 * that character's new default (什么 shén me, 肖像 xiào xiàng), so the default never reaches it. CC-CEDICT is © MDBG, CC BY-SA 4.0 (https://cc-cedict.org/wiki/).
 *
 * Run: npx tsx scripts/cedict-words.ts
 */
import { writeFileSync } from 'node:fs';
import { pinyin, polyphonic } from 'pinyin-pro';
import { syllableToMarks } from '../lib/dict/pinyin-marks';
import charsJson from '../assets/lexicons/chars.json';
import placesJson from '../assets/lexicons/places.json';
import wordsJson from '../assets/lexicons/words.json';
import surnamesJson from '../assets/lexicons/surnames.json';

type Row = [trad: string, simp: string, pinyin: string, ...rest: unknown[]];

const stripTone = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').replace(/ü/g, 'v');
const toneOf = (s: string) => {
  const m = s.normalize('NFD').match(/[\u0304\u0301\u030c\u0300]/);
  return m ? '\u0304\u0301\u030c\u0300'.indexOf(m[0]) + 1 : 5;
};

export async function buildCedictWords(): Promise<Record<string, string>> {
  const url = new URL('../node_modules/cc-cedict/data/all.js', import.meta.url).href;
  const rows = ((await import(url)) as { default: { all: Row[] } }).default.all;
  const readings = new Map<string, Set<string>>();
  for (const [, simp, py] of rows) {
    if (simp.length < 2 || !/^\p{Script=Han}+$/u.test(simp)) continue;
    const syl = py.toLowerCase().split(' ');
    if (syl.length !== [...simp].length) continue;
    const marked = syl.map(syllableToMarks).join(' ');
    (readings.get(simp) ?? readings.set(simp, new Set()).get(simp)!).add(marked);
  }
  const out: Record<string, string> = {};
  const agreed = new Map<string, string>();
  const hand = new Map<string, string>();
  const collect = (o: unknown) => {
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      if (k.startsWith('_')) continue;
      if (typeof v === 'string') { if ([...k].length === v.split(' ').length && /^\p{Script=Han}+$/u.test(k) && k.length === [...k].length) hand.set(k, v); }
      else if (v && typeof v === 'object') collect(v);
    }
  };
  collect(placesJson);
  collect((wordsJson as { words: unknown }).words);
  const defaults = (charsJson as { chars: Record<string, string> }).chars;
  const poly = new Map<string, string[]>();
  const readingsOf = (ch: string) => {
    let r = poly.get(ch);
    if (!r) poly.set(ch, (r = polyphonic(ch, { type: 'array' })[0] ?? []));
    return r;
  };
  for (const [word, set] of readings) {
    const chars = [...word];
    const base = pinyin(word, { type: 'array', toneSandhi: false });
    let merged: string[] | null = null;
    let ambiguous = false;
    for (const reading of set) {
      const syl = reading.split(' ');
      const fixed = base.slice();
      for (let i = 0; i < chars.length; i++) {
        const known = readingsOf(chars[i]);
        if (known.length < 2 || syl[i] === base[i]) continue;
        // Neutral tone in CEDICT where pinyin-pro has the same syllable with its tone: keep.
        if (toneOf(syl[i]) === 5 && stripTone(syl[i]) === stripTone(base[i])) continue;
        // A reading pinyin-pro does not know for this character is a variant or a typo.
        if (!known.some((k) => k === syl[i] || (toneOf(syl[i]) === 5 && stripTone(k) === stripTone(syl[i])))) continue;
        fixed[i] = syl[i];
      }
      if (merged && merged.join(' ') !== fixed.join(' ')) ambiguous = true;
      merged = fixed;
    }
    if (!merged || ambiguous || merged.some((x) => !/^\p{Script=Latin}+$/u.test(x))) continue;
    // Hand-kept readings win inside longer CEDICT words too (犍为县 follows 犍为 qián wéi).
    for (const [h, hr] of hand) {
      for (let at = word.indexOf(h); at >= 0; at = word.indexOf(h, at + 1)) {
        const hs = hr.split(' ');
        for (let k = 0; k < hs.length; k++) merged[at + k] = hs[k];
      }
    }
    // A character with a changed default, read otherwise here: the word must keep its reading.
    const keeps = chars.some((ch, i) => defaults[ch] !== undefined && merged![i] !== defaults[ch] && readingsOf(ch).includes(merged![i]));
    if (merged.join(' ') !== base.join(' ') || keeps) out[word] = merged.join(' ');
    else if (chars.length >= 3) agreed.set(word, merged.join(' '));
  }
  // Longer words that pinyin-pro reads right but that contain a kept word read otherwise there
  // (爆炸物 holds 炸物 zhá wù, 在劫难逃 holds 劫难 jié nàn): kept too, so the longer one wins.
  for (const [word, reading] of agreed) {
    const syl = reading.split(' ');
    for (let i = 0; i < word.length - 1; i++) {
      let hit = false;
      for (let len = 2; i + len <= word.length && len < word.length; len++) {
        const sub = out[word.slice(i, i + len)];
        if (sub && sub !== syl.slice(i, i + len).join(' ')) hit = true;
      }
      if (hit) {
        out[word] = reading;
        break;
      }
    }
  }
  return out;
}

/**
 * Two-character CC-CEDICT verbs, adverbs, conjunctions and prepositions that start with a common
 * surname character (解决, 关注, 于是): after a title they are what the person does, not a name.
 */
export async function buildNotNames(): Promise<string[]> {
  const url = new URL('../node_modules/cc-cedict/data/all.js', import.meta.url).href;
  const rows = ((await import(url)) as { default: { all: [string, string, string, string | string[]][] } }).default.all;
  const common = new Set([...(surnamesJson as { common: string }).common]);
  const out = new Set<string>();
  for (const [, simp, py, defs] of rows) {
    if (simp.length !== 2 || !/^\p{Script=Han}+$/u.test(simp) || !common.has(simp[0]) || /^[A-Z]/.test(py)) continue;
    const d = Array.isArray(defs) ? defs : [defs];
    if (d.some((x) => /^to |^\((?:adverb|conj|prep)|^(?:also|very|then|often|always)\b/.test(String(x)))) out.add(simp);
  }
  return [...out].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notNames = await buildNotNames();
  writeFileSync(new URL('../assets/lexicons/not-names.json', import.meta.url), JSON.stringify({
    _source: 'CC-CEDICT (c) MDBG, CC BY-SA 4.0 — two-character verbs/adverbs/conjunctions starting with a common surname character; built by scripts/cedict-words.ts',
    words: notNames.join(' '),
  }) + '\n');
  console.log(`not-names: ${notNames.length} words`);
  const words = await buildCedictWords();
  const sorted = Object.fromEntries(Object.entries(words).sort(([a], [b]) => (a < b ? -1 : 1)));
  const file = new URL('../assets/lexicons/cedict-words.json', import.meta.url);
  writeFileSync(file, JSON.stringify({
    _source: 'CC-CEDICT (c) MDBG, CC BY-SA 4.0, https://cc-cedict.org/wiki/ — words whose reading differs from pinyin-pro 3.29; built by scripts/cedict-words.ts',
    words: sorted,
  }, null, 0).replace(/","/g, '",\n"') + '\n');
  console.log(`cedict-words: ${Object.keys(sorted).length} words`);
}
