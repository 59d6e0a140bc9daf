import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../lib/articles/split-text';
import { findFormulas } from '../../lib/glossary/formulas';
import { addGlossaryWords, nodeGlossary } from '../../lib/glossary/node-glossary';
import { nodeSegmenter } from '../../lib/segment/node';
import { tokenize } from '../../lib/segment/segmenter';
import { summarizeArticle } from '../../lib/summary/summarize';
import { buildDigest } from '../../lib/summary/digest';
import { nodeIdfTable } from '../../lib/summary/node-idf';
import { splitSentences } from '../../lib/summary/sentences';
import { textModelFromString } from '../../lib/text/model';

// The seed as annotate() sees it: glossary words taught to the segmenter, terms matched.
const text = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;
const seg = nodeSegmenter();
const { entries, matcher } = nodeGlossary();
addGlossaryWords(seg, entries);
const tokens = tokenize(seg, text);
const terms = matcher.match(text, tokens);
const idf = nodeIdfTable();
const { articles } = splitArticles(text);
const summaries = articles.map((a) => summarizeArticle(text, a, tokens, terms, { idf }));

describe('summary of each article on the seed', () => {
  it('gives every article 2–3 key sentences, each a sentence of its own body', () => {
    expect(summaries).toHaveLength(5);
    summaries.forEach((s, i) => {
      const a = articles[i];
      expect(s.summary.length).toBeGreaterThanOrEqual(2);
      expect(s.summary.length).toBeLessThanOrEqual(3);
      s.sentences.forEach((x, k) => {
        expect(x.start).toBeGreaterThanOrEqual(a.bodyStart);
        expect(x.end).toBeLessThanOrEqual(a.bodyEnd);
        expect(text.slice(x.start, x.end)).toBe(x.text);
        expect(s.summary[k]).toBe(x.text);
        // Whole sentences: ends on terminal punctuation (or a closing quote after it).
        expect(x.text).toMatch(/[。！？!?][”’」』）)]*$/u);
      });
      // In reading order, no repeats.
      const starts = s.sentences.map((x) => x.start);
      expect([...starts].sort((p, q) => p - q)).toEqual(starts);
      expect(new Set(starts).size).toBe(starts.length);
    });
  });

  it('chooses by content, not just the first lines', () => {
    const leadDiffers = summaries.filter((s, i) => {
      const lead = splitSentences(text, articles[i].bodyStart, articles[i].bodyEnd).map((x) => x.end);
      return s.sentences.some((x) => !lead.slice(0, s.sentences.length + 1).includes(x.end));
    });
    expect(leadDiffers.length).toBeGreaterThanOrEqual(2);
  });

  it('removes the page pointer and the source lead from the first sentence', () => {
    expect(summaries[0].summary[0].startsWith('3月1日下午，全市机构改革动员部署会议召开')).toBe(true);
    for (const s of summaries) for (const line of s.summary) expect(line).not.toMatch(/^(?:\d+版>>|本报|■)/u);
  });

  it('names the people with their titles, reporters included', () => {
    const people = summaries[0].people;
    expect(people).toContainEqual({ name: '林红玉', title: '市委书记' });
    expect(people).toContainEqual({ name: '于永生', title: '市委副书记、市长' });
    expect(people).toContainEqual({ name: '庞建栋', title: '市委常委、组织部部长、统战部部长' });
    expect(people).toContainEqual({ name: '宋仪凯', title: '记者' });
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['霍媛媛', '王宏伟', '陈成华']));
    expect(summaries[1].people).toContainEqual({ name: '王洪正', title: '市教育局局长' });
    expect(summaries[3].people.find((p) => p.name === '孔凡亮')?.title).toMatch(/总经理$/);
    expect(summaries[3].people).toEqual(expect.arrayContaining([{ name: '鲍童', title: '记者' }, { name: '雷夫幸', title: '通讯员' }, { name: '谷雨阳', title: '通讯员' }]));
    expect(summaries[2].people).toContainEqual({ name: '满涛', title: null });
    expect(summaries[4].people).toContainEqual({ name: '李超', title: '通讯员' });
  });

  it('reads no false names: conjunctions, function words and forms of address are not people', () => {
    const all = summaries.flatMap((s) => s.people.map((p) => p.name));
    for (const bad of ['和编办', '关于', '关于深', '孙先生', '小顾']) expect(all).not.toContain(bad);
    for (const name of all) expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
  });

  it('lists places and organisations', () => {
    const places = summaries.flatMap((s) => s.places);
    expect(summaries[0].places).toContain('济宁');
    expect(places).toEqual(expect.arrayContaining(['嘉祥县', '曲阜市', '任城区观音阁街道', '邹城市']));
    expect(places.some((p) => p.includes('仲山镇'))).toBe(true);
    for (const generic of ['城区', '农村', '乡村', '全省', '外省', '社区', '老厂区', '现代化强市']) expect(places.join('|')).not.toMatch(new RegExp(`(^|\\|)${generic}(\\||$)`));
    const orgs = summaries.flatMap((s) => s.organisations);
    expect(orgs).toEqual(expect.arrayContaining(['山东麦乐宝有限公司', '山东东宏管业股份有限公司', '嘉祥县民政局', '县民政局', '市教育局', '省教育厅', '西安交通大学']));
    for (const bad of ['这所学校', '玩具开发公司', '市委常委', '中小学']) expect(orgs).not.toContain(bad);
  });

  it('gives key figures with what they count', () => {
    expect(summaries[1].figures).toEqual(expect.arrayContaining(['临时救助 2.49万人次', '临时救助金 2805万元', '覆盖率 70.25%']));
    expect(summaries[4].figures).toContain('总投资 154亿元');
    const f = summaries[1].figureDetails.find((x) => x.unit === '万人次');
    expect(f).toMatchObject({ value: 2.49, unit: '万人次', what: '临时救助' });
    // Times and ordinals are not figures (24小时, 第1位).
    expect(summaries.flatMap((s) => s.figures).some((x) => /小时|第/.test(x))).toBe(false);
  });

  it('keeps every person, figure and date inside its own article', () => {
    summaries.forEach((s, i) => {
      const own = text.slice(articles[i].start, articles[i].end);
      for (const p of s.people) expect(own).toContain(p.name);
      for (const f of s.figureDetails) {
        expect(f.start).toBeGreaterThanOrEqual(articles[i].bodyStart);
        expect(f.end).toBeLessThanOrEqual(articles[i].bodyEnd);
      }
      for (const d of s.dates) expect(own.replace(/\s+/g, '')).toContain(d);
      for (const p of s.places) expect(own).toContain(p);
      for (const o of s.organisations) expect(own).toContain(o);
    });
    // 林红玉 speaks only in the first article; the 154亿元 investment is only the fifth's.
    expect(summaries.slice(1).some((s) => s.people.some((p) => p.name === '林红玉'))).toBe(false);
    expect(summaries.slice(0, 4).some((s) => s.figures.some((x) => x.includes('154亿元')))).toBe(false);
  });

  it('lists dates as written', () => {
    expect(summaries[0].dates).toContain('3月1日下午');
    expect(summaries[1].dates).toEqual(expect.arrayContaining(['2023年', '2023年11月']));
    expect(summaries[3].dates).toEqual(expect.arrayContaining(['大年初六', '1月19日']));
  });

  it('counts the glossary terms inside each article', () => {
    summaries.forEach((s, i) => {
      const inside = terms.filter((m) => m.start >= articles[i].start && m.end <= articles[i].end);
      expect(s.terms.reduce((n, t) => n + t.count, 0)).toBe(inside.length);
      for (const t of s.terms) expect(inside.filter((m) => m.id === t.id)).toHaveLength(t.count);
      for (let k = 1; k < s.terms.length; k++) expect(s.terms[k - 1].count).toBeGreaterThanOrEqual(s.terms[k].count);
    });
  });
});

describe('page summary', () => {
  it('aggregates articles, all terms and the formulas the glossary lacks (the sidebar\'s digest)', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const inputs = articles.map((a) => ({ text: text.slice(a.bodyStart, a.bodyEnd), title: a.title, byline: a.byline }));
    const page = buildDigest(inputs, seg, matcher, byId, idf);
    expect(page.articles.map((a) => a.title)).toEqual(articles.map((a) => a.title));
    // The page's term counts are the articles' counts added up, and every article term is counted.
    const perArticle = new Map<string, number>();
    for (const a of page.articles) for (const t of a.terms) perArticle.set(t.id, (perArticle.get(t.id) ?? 0) + t.count);
    expect(new Map(page.terms.map((t) => [t.id, t.count]))).toEqual(perArticle);
    expect(page.terms.reduce((n, t) => n + t.count, 0)).toBeGreaterThan(50);
    // Formulas stand where they are said to, in their article's text.
    expect(page.formulas.map((f) => f.text)).toEqual(expect.arrayContaining(['六个三年行动计划', '三大行动']));
    for (const f of page.formulas) expect(inputs[f.article].text.slice(f.start, f.end)).toBe(f.text);
  });

  it('works on a span with no article structure (text found in a page)', () => {
    // As the DOM finder gives it: headline and byline lines first, no layout.
    const body = '我市召开优化营商环境推进会暨全市重点工作调度会议\n本报记者 张明远\n本报讯 3月5日上午，全市优化营商环境工作推进会召开。市委副书记、市长于永生出席会议并讲话。\n会议指出，优化营商环境是推动高质量发展的重要支撑。各级各部门要持续深化“放管服”改革，推进政务服务“一网通办”。\n会议要求，要压实工作责任，健全考核评价机制，为现代化强市建设提供有力保障。';
    const s = summarizeArticle(body, { start: 0, end: body.length, byline: '本报记者 张明远' }, tokenize(seg, body), [], { idf });
    expect(s.summary.length).toBe(2);
    expect(s.summary[0]).toBe('3月5日上午，全市优化营商环境工作推进会召开。');
    expect(s.people).toContainEqual({ name: '于永生', title: '市委副书记、市长' });
    expect(s.people).toContainEqual({ name: '张明远', title: '记者' });
    expect(s.dates).toEqual(['3月5日上午']);
  });
});
