import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../lib/segment/node';
import { tokenize } from '../../lib/segment/segmenter';
import { datesIn } from '../../lib/summary/dates';
import { figuresIn } from '../../lib/summary/figures';
import { compactIdf, parseIdfTable } from '../../lib/summary/idf';
import { jiebaIdfFiles, nodeFullIdfTable, nodeIdfTable } from '../../lib/summary/node-idf';
import { peopleIn } from '../../lib/summary/people';
import { placesIn } from '../../lib/summary/places';
import { splitSentences } from '../../lib/summary/sentences';

const seg = nodeSegmenter();
const idf = nodeIdfTable();

describe('sentence splitting', () => {
  const texts = (s: string) => splitSentences(s).map((x) => x.text);

  it('ends at 。！？ and keeps closing quotes and brackets with the sentence', () => {
    expect(texts('会议召开。他强调：“要落实。”随后散会！真的吗？')).toEqual(['会议召开。', '他强调：“要落实。”', '随后散会！', '真的吗？']);
  });

  it('keeps a quotation of several sentences whole, and a short attribution with it', () => {
    const s = '“订单增加了30%左右。我们正准备扩大生产。”孔凡亮表示。该公司位于曲阜。';
    expect(texts(s)).toEqual(['“订单增加了30%左右。我们正准备扩大生产。”孔凡亮表示。', '该公司位于曲阜。']);
    // A long clause after the quote is a sentence of its own.
    expect(texts('“节后开工，员工已到岗。”山东麦乐宝有限公司总经理孔凡亮介绍，该公司年产玩具528万套。')).toHaveLength(2);
  });

  it('does not let an unclosed quote swallow the line', () => {
    expect(texts('他说“要落实。随后散会。')).toEqual(['他说“要落实。', '随后散会。']);
  });

  it('ends sentences at line breaks and keeps exact offsets', () => {
    const s = '  第一段没有句号\n第二段。第三句。\n';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual(['第一段没有句号', '第二段。', '第三句。']);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
    expect(out.map((x) => x.paragraph)).toEqual([0, 1, 1]);
  });
});

describe('compact IDF table', () => {
  it('keeps common words to within half a bucket, reads rare ones as the mean, stop words as 0', () => {
    const src = ['发展 3.57', '工作 4.20', '临时 6.01', '嘉祥县 13.2', '奥萨贝尔 13.9', ''].join('\n');
    const table = parseIdfTable(compactIdf(src, '的\n了\n，\n', { cutoff: 10, step: 0.25 }));
    expect(Math.abs(table.idf('发展') - 3.57)).toBeLessThanOrEqual(0.125);
    expect(Math.abs(table.idf('临时') - 6.01)).toBeLessThanOrEqual(0.125);
    const mean = (3.57 + 4.2 + 6.01 + 13.2 + 13.9) / 5;
    expect(table.idf('嘉祥县')).toBeCloseTo(mean, 2);
    expect(table.idf('从未见过的词')).toBeCloseTo(mean, 2);
    expect(table.idf('的')).toBe(0);
    expect(table.isStop('了')).toBe(true);
    expect(table.size).toBe(3);
  });

  it('matches the full jieba table on the words it keeps', () => {
    const full = nodeFullIdfTable();
    const { idf: src } = jiebaIdfFiles();
    let checked = 0;
    for (const line of src.split('\n').slice(0, 200_000).filter((_, i) => i % 997 === 0)) {
      const [w, v] = line.split(' ');
      if (!w || Number(v) >= 10) continue;
      expect(Math.abs(idf.idf(w) - full.idf(w))).toBeLessThanOrEqual(0.125 + 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(idf.fallback).toBeCloseTo(full.fallback, 2);
  });

  it('rejects text that is not a table', () => {
    expect(() => parseIdfTable('发展 3.57\n')).toThrow(/not a dubao-idf/);
  });
});

function run<T>(fn: (text: string, start: number, end: number, tokens: ReturnType<typeof tokenize>) => T, text: string): T {
  return fn(text, 0, text.length, tokenize(seg, text));
}

describe('people', () => {
  const people = (text: string, byline: string | null = null) => run((t, s, e, tok) => peopleIn(t, s, e, tok, idf, byline), text).map(({ name, title }) => ({ name, title }));

  it('reads a name after its title and decides its length by what follows', () => {
    expect(people('据了解，郭里中学校长周健代表全市参加座谈会。')).toEqual([{ name: '周健', title: '郭里中学校长' }]);
    expect(people('会上，市委常委、组织部部长庞建栋传达了方案。')).toEqual([{ name: '庞建栋', title: '市委常委、组织部部长' }]);
  });

  it('does not read function words, conjunctions or forms of address as names', () => {
    expect(people('深入学习贯彻习近平总书记关于深化改革的重要论述。')).toEqual([{ name: '习近平', title: '总书记' }]);
    expect(people('各县市区组织部部长和编办主任参加会议。')).toEqual([]);
    expect(people('任城区观音阁街道的居民孙先生说。')).toEqual([]);
  });

  it('reads names and roles from a byline', () => {
    expect(people('正文。', '本报记者 鲍童 本报通讯员 雷夫幸 谷雨阳')).toEqual([
      { name: '鲍童', title: '记者' },
      { name: '雷夫幸', title: '通讯员' },
      { name: '谷雨阳', title: '通讯员' },
    ]);
  });
});

describe('places, figures, dates', () => {
  it('joins adjacent administrative units and skips everyday words with a suffix', () => {
    const names = run((t, s, e, tok) => placesIn(t, s, e, tok, idf), '任城区观音阁街道的居民在城区和社区就医，再回任城区报销，全省推广。').map((p) => p.name);
    expect(names).toEqual(['任城区观音阁街道', '任城区']);
  });

  it('reads what a figure counts, before or after it', () => {
    const figs = run(figuresIn, '共实施临时救助2.49万人次，31条生产线满负荷运转，送去了8800元的临时救助，24小时先行救助，入选数量全省第1位，覆盖率达70.25%。').map((f) => f.text);
    expect(figs).toEqual(['临时救助 2.49万人次', '生产线 31条', '临时救助 8800元', '覆盖率 70.25%']);
  });

  it('finds dates but not durations', () => {
    const d = datesIn('3月1日下午开会，2023年11月完成，三年行动，1996 年出生，大年初六复工。', 0, 40).map((x) => x.text);
    expect(d).toEqual(['3月1日下午', '2023年11月', '1996年', '大年初六']);
  });
});

describe('character ROUGE used by the summary bench', async () => {
  const { rougeN, rougeL } = await import('../../bench/summary-rouge');
  it('scores identical text 1, disjoint text 0, and ignores punctuation', () => {
    expect(rougeN('临时救助金。', '临时救助金', 1)).toBe(1);
    expect(rougeL('临时救助', '总投资')).toBe(0);
    // cand 甲乙丙丁, ref 甲丙: R-1 P=2/4 R=2/2 → F=2/3; bigrams share none; LCS 2 → F=2/3.
    expect(rougeN('甲乙丙丁', '甲丙', 1)).toBeCloseTo(2 / 3, 6);
    expect(rougeN('甲乙丙丁', '甲丙', 2)).toBe(0);
    expect(rougeL('甲乙丙丁', '甲丙')).toBeCloseTo(2 / 3, 6);
  });
});
