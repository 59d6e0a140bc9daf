// Numbered pinyin (CC-CEDICT's "zhong1 guo2") to tone marks ("zhōng guó").
const MARKS: Record<string, string[]> = {
  a: ['ā', 'á', 'ǎ', 'à'], e: ['ē', 'é', 'ě', 'è'], i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'], u: ['ū', 'ú', 'ǔ', 'ù'], ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

export function syllableToMarks(syl: string): string {
  const m = /^([a-zü:]+?)([1-5])$/i.exec(syl.replace(/u:|v/gi, 'ü'));
  if (!m) return syl.replace(/u:/g, 'ü');
  const [, base, toneStr] = m;
  const tone = Number(toneStr);
  if (tone === 5) return base;
  const lower = base.toLowerCase();
  // The mark goes on a or e; on the o of ou; otherwise on the last vowel.
  let idx = lower.search(/[ae]/);
  if (idx < 0) idx = lower.indexOf('ou');
  if (idx < 0) {
    for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i])) { idx = i; break; }
  }
  if (idx < 0) return base;
  const v = lower[idx];
  const marked = MARKS[v]?.[tone - 1] ?? v;
  const out = base.slice(0, idx) + (base[idx] === v ? marked : marked.toUpperCase()) + base.slice(idx + 1);
  return out;
}

export function numberedToMarks(pinyin: string): string {
  return pinyin.split(' ').map(syllableToMarks).join(' ');
}
