/**
 * Output styles for one syllable read as tone marks (pinyin-pro's and Dubao's internal form):
 * tone marks ("lǜ"), tone numbers ("lv4", neutral tone 5, as CC-CEDICT and the CPP set write
 * it) and zhuyin/bopomofo ("ㄌㄩˋ", first tone unmarked, neutral tone "˙" in front).
 */
export type PinyinStyle = 'marks' | 'numbers' | 'zhuyin';

const TONE_MARKS = '\u0304\u0301\u030c\u0300';

/** Split a tone-marked syllable into its bare letters (ü kept) and tone 1–4, or 5 for neutral. */
export function splitTone(syllable: string): { base: string; tone: number } {
  const nfd = syllable.normalize('NFD');
  let tone = 5;
  let base = '';
  for (const ch of nfd) {
    const t = TONE_MARKS.indexOf(ch);
    if (t >= 0) tone = t + 1;
    else base += ch;
  }
  return { base: base.normalize('NFC').toLowerCase(), tone };
}

/** "lǜ" → "lv4"; "le" → "le5". ü is written v (as pinyin-pro's num style and IME input). */
export function toNumbers(syllable: string): string {
  if (!syllable) return '';
  const { base, tone } = splitTone(syllable);
  return base.replace(/ü/g, 'v') + tone;
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's'];
const ZY_INITIAL: Record<string, string> = {
  b: 'ㄅ', p: 'ㄆ', m: 'ㄇ', f: 'ㄈ', d: 'ㄉ', t: 'ㄊ', n: 'ㄋ', l: 'ㄌ', g: 'ㄍ', k: 'ㄎ', h: 'ㄏ',
  j: 'ㄐ', q: 'ㄑ', x: 'ㄒ', zh: 'ㄓ', ch: 'ㄔ', sh: 'ㄕ', r: 'ㄖ', z: 'ㄗ', c: 'ㄘ', s: 'ㄙ',
};
const ZY_FINAL: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ',
  ang: 'ㄤ', eng: 'ㄥ', ong: 'ㄨㄥ', er: 'ㄦ', i: 'ㄧ', ia: 'ㄧㄚ', ie: 'ㄧㄝ', iao: 'ㄧㄠ', iu: 'ㄧㄡ',
  ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ', io: 'ㄧㄛ', u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ',
  uai: 'ㄨㄞ', ui: 'ㄨㄟ', uan: 'ㄨㄢ', un: 'ㄨㄣ', uang: 'ㄨㄤ', ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ',
  ue: 'ㄩㄝ', ueng: 'ㄨㄥ', m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ',
};
const ZY_TONE = ['', 'ˊ', 'ˇ', 'ˋ'];

/** "zhōng" → "ㄓㄨㄥ", "lǜ" → "ㄌㄩˋ", "zi" (neutral) → "˙ㄗ". Unknown input comes back as is. */
export function toZhuyin(syllable: string): string {
  if (!syllable) return '';
  const { base, tone } = splitTone(syllable);
  let s = base.replace(/v/g, 'ü');
  if (s.endsWith('r') && s !== 'er' && s.length > 1) s = s.slice(0, -1); // erhua: drop for zhuyin
  // Zero initials: y/w spellings back to their finals.
  if (s.startsWith('yu')) s = 'ü' + s.slice(2);
  else if (s.startsWith('yi')) s = s.slice(1);
  else if (s.startsWith('y')) s = 'i' + s.slice(1);
  else if (s.startsWith('wu')) s = s.slice(1);
  else if (s.startsWith('w')) s = 'u' + s.slice(1);
  // y/w spellings hide the full finals: you = iou, wei = uei, wen = uen.
  s = s.replace(/^iou$/, 'iu').replace(/^uei$/, 'ui').replace(/^uen$/, 'un');
  let initial = '';
  for (const i of INITIALS) if (s.startsWith(i) && s.length > i.length) { initial = i; break; }
  let final = s.slice(initial.length);
  if (/^[jqx]$/.test(initial) && final.startsWith('u')) final = 'ü' + final.slice(1);
  let zy: string;
  if (final === 'i' && /^(zh|ch|sh|r|z|c|s)$/.test(initial)) zy = ZY_INITIAL[initial]; // zhi, ci: initial alone
  else {
    const f = ZY_FINAL[final];
    if (f === undefined || (initial && !ZY_INITIAL[initial])) return syllable;
    zy = (initial ? ZY_INITIAL[initial] : '') + f;
  }
  return tone === 5 ? '˙' + zy : zy + ZY_TONE[tone - 1];
}

/** One syllable in the wanted style ('' stays ''). */
export function styleSyllable(syllable: string, style: PinyinStyle): string {
  if (!syllable || style === 'marks') return syllable;
  return style === 'numbers' ? toNumbers(syllable) : toZhuyin(syllable);
}
