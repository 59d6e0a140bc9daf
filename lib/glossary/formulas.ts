/**
 * Numbered formulas by their shape: 六个三年行动计划, 三大行动, 双百工程, “六进”, 四个一批: a number,
 * a classifier or measure (个, 大) and a noun that names a list (行动, 工程); or a quoted short phrase.
 * Official language coins these all the time, most of them local; the glossary cannot hold them
 * all, so Dubao notices them and says what they are (a numbered formula) even when unexplained.
 */
import type { TermMatch } from './matcher';

export interface FormulaMatch {
  text: string;
  start: number;
  end: number;
}

const NUM = '一二三四五六七八九十两双百千万';
// What a counted list is called: 计划, 行动, 工程, 中心 …
const HEAD = '(?:行动计划|行动|计划|工程|战略|任务|体系|机制|目标|意识|自信|清单|专项|重点|中心|攻坚战|工作法|制度|原则|要求|理念|举措|措施|平台|品牌|服务|活动|建设|改革|保障|示范|一批)';

const SHAPES: RegExp[] = [
  // 六个三年行动计划, 四个一批, 三个务必, 五个一工程 (not 一个…: that is just "a")
  new RegExp(`(?:[${NUM.slice(1)}]|[${NUM}]{2})个[\\p{Script=Han}]{0,6}?${HEAD}`, 'gu'),
  // 三大行动, 六大中心, 三大攻坚战
  new RegExp(`[${NUM}]{1,2}大[\\p{Script=Han}]{0,3}?${HEAD}`, 'gu'),
  // 双百工程, 千万工程, 百千万工程
  new RegExp(`[双两三]?[百千万]{1,3}${HEAD}`, 'gu'),
];
// Not numeral + character pairs (六稳六保 / 三心二意): in the corpus reports that shape is mostly
// idioms (万众一心, 五湖四海, 一龙一蛇), numbers (九五七年, 一点二倍) and formulas the glossary holds
// (一国两制, 两学一做). News quotes a new formula of that shape (“六稳”“六保”): QUOTED finds it.
// “六进”, “三定”, “两个维护”: a short quoted phrase that starts with a small numeral
// (“百强中学” is a ranking, not a formula).
const QUOTED = new RegExp(`[“「『]([一二三四五六七八九十两双][\\p{Script=Han}]{1,6})[”」』]`, 'gu');

/** Formula-shaped phrases not already covered by a glossary match. */
export function findFormulas(text: string, terms: TermMatch[] = []): FormulaMatch[] {
  const found: FormulaMatch[] = [];
  for (const m of text.matchAll(QUOTED)) {
    // A quoted number (“一五一十”) or idiom-like pair of numerals is not a formula.
    if (/^[一二三四五六七八九十两双百千万]+$/.test(m[1])) continue;
    const start = (m.index ?? 0) + 1;
    found.push({ text: m[1], start, end: start + m[1].length });
  }
  for (const re of SHAPES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      found.push({ text: m[0], start, end: start + m[0].length });
    }
  }
  // Longest first; drop overlaps with each other and with glossary terms.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Array<[number, number]> = terms.map((t) => [t.start, t.end]);
  const out: FormulaMatch[] = [];
  for (const f of found) {
    if (taken.some(([s, e]) => f.start < e && s < f.end)) continue;
    // Plain counting (三个部门, 两大优势) never reaches here: a head word is required.
    taken.push([f.start, f.end]);
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}
