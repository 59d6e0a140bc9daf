// Display styles of a tone-marked syllable: marks (as is), numbers (zhong1) or zhuyin (ㄓㄨㄥ).
import type { PinyinStyle } from '../settings/model';

const TONED: Record<string, [string, number]> = {};
for (const [base, marks] of Object.entries({ a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' })) {
  [...marks].forEach((m, i) => (TONED[m] = [base, i + 1]));
}

/** Tone number 1–4, or 5 for the neutral tone. */
export function toneOf(syllable: string): number {
  for (const ch of syllable) if (TONED[ch]) return TONED[ch][1];
  return 5;
}

export function toNumbered(syllable: string): string {
  let tone = 5;
  let base = '';
  for (const ch of syllable) {
    const t = TONED[ch];
    if (t) {
      base += t[0];
      tone = t[1];
    } else base += ch;
  }
  return base.replace(/ü/g, 'v') + tone;
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's'];
const ZI: Record<string, string> = { b: 'ㄅ', p: 'ㄆ', m: 'ㄇ', f: 'ㄈ', d: 'ㄉ', t: 'ㄊ', n: 'ㄋ', l: 'ㄌ', g: 'ㄍ', k: 'ㄎ', h: 'ㄏ', j: 'ㄐ', q: 'ㄑ', x: 'ㄒ', zh: 'ㄓ', ch: 'ㄔ', sh: 'ㄕ', r: 'ㄖ', z: 'ㄗ', c: 'ㄘ', s: 'ㄙ' };
const FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ', eng: 'ㄥ', ong: 'ㄨㄥ', er: 'ㄦ',
  i: 'ㄧ', ia: 'ㄧㄚ', ie: 'ㄧㄝ', iao: 'ㄧㄠ', iu: 'ㄧㄡ', ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ',
  u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', ui: 'ㄨㄟ', uan: 'ㄨㄢ', un: 'ㄨㄣ', uang: 'ㄨㄤ', ueng: 'ㄨㄥ',
  ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ', r: 'ㄦ',
};
const TONE_MARK = ['', '', 'ˊ', 'ˇ', 'ˋ', '˙'];

export function toZhuyin(syllable: string): string {
  const numbered = toNumbered(syllable.toLowerCase());
  const tone = Number(numbered.slice(-1));
  let s = numbered.slice(0, -1).replace(/v/g, 'ü');
  // Spelling rules of pinyin undone: y/w initials, ju/qu/xu = ü, zhi/chi/shi/ri/zi/ci/si have no final.
  if (/^(zh|ch|sh|r|z|c|s)i$/.test(s)) return ZI[s.slice(0, -1)] + (tone === 5 ? '˙' : TONE_MARK[tone]);
  s = s.replace(/^yu/, 'ü').replace(/^yi/, 'i').replace(/^y/, 'i').replace(/^wu/, 'u').replace(/^w/, 'u');
  s = s.replace(/^([jqx])u/, '$1ü');
  let initial = '';
  for (const i of INITIALS) if (s.startsWith(i) && s.length > i.length) {
    initial = i;
    break;
  }
  let fin = s.slice(initial.length);
  if (fin === 'i' && !initial) fin = 'i';
  if (initial && fin === 'ui') fin = 'uei';
  if (initial && fin === 'iu') fin = 'iou';
  if (initial && fin === 'un') fin = 'uen';
  const f = FINALS[fin] ?? (fin === 'uei' ? 'ㄨㄟ' : fin === 'iou' ? 'ㄧㄡ' : fin === 'uen' ? 'ㄨㄣ' : fin);
  const body = (initial ? ZI[initial] : '') + f;
  return tone === 5 ? '˙' + body : body + TONE_MARK[tone];
}

export function styleSyllable(syllable: string, style: PinyinStyle): string {
  if (style === 'numbers') return toNumbered(syllable);
  if (style === 'zhuyin') return toZhuyin(syllable);
  return syllable;
}
