/**
 * Key figures: a number with its unit and what it counts (临时救助 2.49万人次, 总投资 154亿元,
 * 覆盖率 70.25%). What it counts is read from the words just before the number (共实施临时救助
 * 2.49万人次), or after it where the number is a count of the following noun (31条生产线,
 * 8800元的临时救助) or follows a preposition or 等. Times, ages, ordinals and dates are not figures.
 */
import type { Token } from '../segment/segmenter';
import { isAllHan, isHan, isHanAt } from '../text/han';
import { tokensIn, tokenStartingAt } from './keywords';

export interface Figure {
  /** The numeral as written, as a number (2.49 in 2.49万人次). */
  value: number;
  /** Multiplier and unit as written (万人次, 亿元, %); with 多/余 or 近/约 kept in `text`. */
  unit: string;
  /** What it counts (临时救助), or '' when the sentence does not say. */
  what: string;
  /** "临时救助 2.49万人次": what, a space, the figure as written (spaces inside removed). */
  text: string;
  start: number;
  end: number;
}

// Units, longest first. Time units (小时, 天, 年, 岁 …) are left out: they time things, not count them.
const UNITS = ['平方公里', '平方米', '万人次', '人次', '千瓦时', '千瓦', '公里', '千米', '公顷', '立方米', '吨', '亩', '元', '人', '户', '个', '所', '家', '条', '套', '辆', '间', '项', '批', '名', '位', '次', '台', '座', '栋', '张', '件', '份', '处', '场', '篇', '株', '头', '只', '架', '艘', '倍', '%', '％'];
// Measure words: "31条生产线" counts the noun after it.
const MEASURE = new Set(['个', '所', '家', '条', '套', '辆', '间', '项', '批', '名', '位', '次', '台', '座', '栋', '张', '件', '份', '处', '场', '篇', '株', '头', '只', '架', '艘']);
const FIGURE_RE = new RegExp(
  `(近|约|超过|超|逾)?(\\d+(?:\\.\\d+)?)\\s*(多|余)?\\s*(万|亿|千|百)?\\s*(多|余)?\\s*(${UNITS.join('|')})`,
  'gu',
);
// Words that link a subject to its number, dropped from "what" (覆盖率达 → 覆盖率).
const LINK = new Set(['达', '达到', '为', '约', '近', '超', '超过', '逾', '共', '共计', '累计', '合计', '是', '有', '突破', '了', '在', '平均', '至', '到', '由', '从', '增至', '的', '已', '已经', '就', '均', '各', '仅', '高达', '总计', '计']);
// Verbs that open the clause before "what" (共实施临时救助 → 临时救助).
const CUT = /^(?:实施|发放|比对|募集|资助|帮扶|开展|提供|完成|配备|实现|投入|建成|覆盖|服务|集中|开工|涉及|选出|评选出|入选|接到|租赁|达成|签约|引进|培训|走访|排查|解决|争取|带动|吸纳|安置|发生|产生|送去|共享|运转|建设|组建|成立|举办|举行|参加|参与|拥有|新增)$/u;
// Where the noun after a count ends: an adverb, a verb of state, a locative (县市区均建成…, 31条生产线满负荷运转).
const AFTER_STOP = /^(?:均|都|全部|已|已经|正|正在|就|也|还|将|可|满负荷|省内|市内|县内|区内|国内|以上|以下|左右|共享|运转|建成|完成|实现|参加|参与|提供|开展|达到|赶)$/u;
const PUNCT = /[，。；：！？、,;:!?（）()《》\n]/u;

export function figuresIn(text: string, start: number, end: number, tokens: ReadonlyArray<Token>): Figure[] {
  const out: Figure[] = [];
  const span = text.slice(start, end);
  for (const m of span.matchAll(FIGURE_RE)) {
    const at = start + (m.index ?? 0);
    const numAt = at + (m[1]?.length ?? 0);
    const figEnd = at + m[0].length;
    const unitWord = m[6];
    // An ordinal (第1位), a page (2版), part of a longer number or of a Latin word (5G) is not a figure.
    if (text[numAt - 1] === '第' || /[\d.]/.test(text[numAt - 1] ?? '')) continue;
    if (/^[A-Za-z]/.test(text[figEnd] ?? '')) continue;
    // 个 in 个人, 人 in 人员: the unit must not be the start of a word.
    const tokenAtUnit = tokenStartingAt(tokens, figEnd - unitWord.length);
    if (tokenAtUnit && tokenAtUnit.end > figEnd && !MEASURE.has(unitWord)) continue;
    const value = Number(m[2]);
    const unit = (m[4] ?? '') + unitWord;
    const written = text.slice(at, figEnd).replace(/\s+/g, '');
    const what = whatItCounts(text, start, end, at, figEnd, unitWord, tokens);
    out.push({ value, unit, what, text: what ? `${what} ${written}` : written, start: at, end: figEnd });
  }
  return out;
}

function whatItCounts(text: string, lo: number, hi: number, at: number, figEnd: number, unit: string, tokens: ReadonlyArray<Token>): string {
  // The clause before: back to punctuation.
  let c = at;
  while (c > lo && !PUNCT.test(text[c - 1])) c--;
  // Quote marks become a break ('|'): “百强中学”“百强小学”143所 counts 百强小学 only.
  const before = tokensIn(tokens, c, at)
    .map((t) => text.slice(t.start, t.end))
    .filter((w) => w.trim())
    .map((w) => (/^[“”"‘’「」]+$/.test(w) ? '|' : w));
  while (before[before.length - 1] === '|') before.pop();
  while (before.length && LINK.has(before[before.length - 1])) before.pop();
  const prep = /[为对向给等]$/.test(text.slice(c, at).trim());
  // The phrase after: to punctuation.
  let d = figEnd;
  if (text[d] === '的') d++;
  const afterStart = d;
  while (d < hi && !PUNCT.test(text[d]) && d - afterStart < 12) d++;
  const after: string[] = [];
  for (const t of tokensIn(tokens, afterStart, d)) {
    const w = text.slice(t.start, t.end).replace(/[“”"‘’「」\s]/g, '');
    if (!w) continue;
    if (!isAllHan(w) || AFTER_STOP.test(w) || LINK.has(w)) break;
    if (after.join('').length + w.length > 8) break;
    after.push(w);
  }
  const followsNoun = after.length > 0 && isHanAt(after[0], 0) && !LINK.has(after[0]) && !/^(?:以上|以下|左右|之多|多|余)/.test(after[0]);
  const countsNext = text[figEnd] === '的' || (MEASURE.has(unit) && followsNoun) || prep;
  if (countsNext && followsNoun) return after.join('');
  // Last words of the clause before, after the verb that opens it (at most two words).
  const tail: string[] = [];
  for (let i = before.length - 1; i >= 0 && tail.length < 3; i--) {
    const w = before[i];
    if (CUT.test(w) || !isHan(w) || LINK.has(w)) break;
    if (tail.length && tail.join('').length + w.length > 8) break;
    tail.unshift(w);
  }
  // A lone character opening the tail is a preposition or a verb's half (比/对群众信息).
  while (tail.length > 1 && /^[比对向给为在的了把被将从与和及等是有也都就还又]$/.test(tail[0])) tail.shift();
  if (tail.length) return tail.join('');
  return followsNoun ? after.join('') : '';
}

/** One entry a figure text, in order. */
export function uniqueFigures(figs: Figure[]): Figure[] {
  const seen = new Set<string>();
  return figs.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)));
}
