/**
 * Scoring readers on labelled sentences: the CPP polyphone set (one marked character per
 * sentence, numbered tones) and Dubao's own fixtures (a span and its expected pinyin).
 * Pure: callers read the files (bench/pinyin-accuracy.ts, tests/unit/pinyin-accuracy.test.ts).
 */
import { pinyin } from 'pinyin-pro';
import { toNumbers } from './style';

export interface Case {
  text: string;
  start: number;
  end: number;
  /** Expected syllables in tone numbers ("jin4"; neutral "5"; ü as v). */
  expected: string[];
}

/** A reader gives a syllable (any style toNumbers understands) at each Han character's index. */
export type Reader = (text: string) => string[];

/** CPP: `dev.sent` marks the character between two ▁; `dev.lb` has its reading ("le5", "lu:4"). */
export function parseCpp(sent: string, lb: string): Case[] {
  const s = sent.split('\n');
  const l = lb.split('\n');
  const cases: Case[] = [];
  for (let k = 0; k < s.length; k++) {
    const a = s[k].indexOf('▁');
    const b = s[k].indexOf('▁', a + 1);
    if (a < 0 || b < 0 || !l[k]) continue;
    const text = s[k].slice(0, a) + s[k].slice(a + 1, b) + s[k].slice(b + 1);
    cases.push({ text, start: a, end: b - 1, expected: [l[k].trim().replace(/u:/g, 'v')] });
  }
  return cases;
}

/**
 * Dubao fixtures: `sentence \t span \t expected pinyin (tone marks, space-separated)`, '#' starts
 * a comment line. The span is its first occurrence in the sentence, or the n-th with `span#n`.
 */
export function parseFixture(tsv: string): Case[] {
  const cases: Case[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [text, spanSpec, reading] = line.split('\t');
    if (!text || !spanSpec || !reading) throw new Error(`fixture line without 3 fields: ${line}`);
    const [span, nth] = spanSpec.split('#');
    let start = -1;
    for (let k = 0; k < Number(nth ?? 1); k++) start = text.indexOf(span, start + 1);
    if (start < 0) throw new Error(`span ${spanSpec} not in: ${text}`);
    const expected = reading.trim().split(/\s+/).map(toNumbers);
    if (expected.length !== [...span].length) throw new Error(`${span}: ${reading} has the wrong number of syllables`);
    cases.push({ text, start, end: start + span.length, expected });
  }
  return cases;
}

export interface Score {
  cases: number;
  correct: number;
  accuracy: number;
  misses: Array<{ text: string; span: string; expected: string; got: string }>;
}

/** A case counts as correct when every syllable of its span matches. */
export function score(cases: readonly Case[], read: Reader): Score {
  let correct = 0;
  const misses: Score['misses'] = [];
  for (const c of cases) {
    const r = read(c.text);
    const got: string[] = [];
    for (let i = c.start; i < c.end; i++) if (r[i]) got.push(toNumbers(r[i]));
    if (got.join(' ') === c.expected.join(' ')) correct++;
    else misses.push({ text: c.text, span: c.text.slice(c.start, c.end), expected: c.expected.join(' '), got: got.join(' ') });
  }
  return { cases: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, misses };
}

/** pinyin-pro alone, whole text as context (what Dubao did before). */
export function bareRead(text: string): string[] {
  const out: string[] = new Array(text.length).fill('');
  let pos = 0;
  for (const item of pinyin(text, { type: 'all', nonZh: 'consecutive' })) {
    if (item.isZh) out[pos] = item.pinyin;
    pos += item.origin.length;
  }
  return out;
}
