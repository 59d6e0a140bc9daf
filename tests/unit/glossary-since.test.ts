// `since_basis: attested` (issue #14): the entry's detail names the earliest report in
// ../shared/corpora (read in place) that uses the term, and that report does use it — the term, a
// variant, or the form the detail quotes (作“…”). The 2023 work report is held out and never cited.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { reportBody } from '../../lib/glossary/mine';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';

const CORPORA = new URL('../../../shared/corpora/', import.meta.url);
const NUMERAL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九'];
const CONGRESS_YEAR: Record<number, number> = { 1: 1921, 3: 1923, 7: 1945, 9: 1969, 10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017 };
const HELD_OUT = '2023年政府工作报告';

// The 1954 report is in traditional characters; quotation marks, enumeration commas and the
// spaces of some transcriptions (4 0 个) are dropped on both sides (“三农”问题, 煤改气、煤改电).
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const plain = (s: string) => t2s(s).replace(/[“”‘’「」『』"、\s]/g, '');

function jsonl(name: string): Record<string, unknown>[] {
  return readFileSync(new URL(name, CORPORA), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}
/** The reports by the name a detail gives them: 1982年政府工作报告, 1987年党的十三大报告. */
const reports = new Map<string, string>();
for (const d of jsonl('government-work-reports.jsonl')) {
  if (d.year) reports.set(`${String(d.year)}年政府工作报告`, plain(reportBody(String(d.text))));
}
for (const d of jsonl('party-congress-reports.jsonl')) {
  const n = Number(d.congress);
  const name = `${CONGRESS_YEAR[n]}年党的${NUMERAL[n]}大报告`;
  reports.set(name, (reports.get(name) ?? '') + plain(reportBody(String(d.text))));
}

const CITE = /所收报告中(?:在此义上)?最早见于((\d{4})年(?:政府工作报告|党的[一二三四五六七八九十]+大报告))/;
/** The written forms a detail says the report used: （作“新型职业农民”）, （作“A”、“B”）. */
function quotedForms(detail: string): string[] {
  const m = /（作((?:“[^”]+”[、和]?)+)）/.exec(detail);
  return m ? [...m[1].matchAll(/“([^”]+)”/g)].map((x) => x[1]) : [];
}

const attested = loadGlossaryFromDisk().entries.filter((e) => e.since_basis === 'attested');

describe('since first attested in the corpora', () => {
  it('reads the corpora it cites', () => {
    expect(reports.get('1982年政府工作报告')?.length).toBeGreaterThan(10000);
    expect(reports.get('1954年政府工作报告')).toContain('国家');
    expect(attested.length).toBeGreaterThan(0);
  });

  it('names, in every attested entry, a report of the year of `since`, never the held-out 2023 report', () => {
    const wrong = attested.flatMap((e) => {
      const m = CITE.exec(e.detail ?? '');
      if (!m) return [`${e.id}: detail names no report`];
      if (Number(m[2]) !== e.since) return [`${e.id}: since ${e.since} but detail cites ${m[1]}`];
      if (m[1] === HELD_OUT) return [`${e.id}: cites the held-out ${HELD_OUT}`];
      if (!reports.has(m[1])) return [`${e.id}: ${m[1]} is not in the corpora`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('cites a report that uses the term, a variant, or the form the detail quotes', () => {
    const unused = attested.flatMap((e) => {
      const m = CITE.exec(e.detail ?? '');
      const text = m ? reports.get(m[1]) : undefined;
      if (!text) return [];
      const forms = [e.term, ...e.variants, ...quotedForms(e.detail ?? '')].map(plain);
      return forms.some((f) => text.includes(f)) ? [] : [`${e.id} (${e.term}): not in ${m![1]}`];
    });
    expect(unused).toEqual([]);
  });
});
