import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTextModel, rawSpan, textModelFromString, toSource } from '../../lib/text/model';

const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');

describe('text model on the seed', () => {
  const m = textModelFromString(seed);

  it('reads words broken across hard line breaks as one word', () => {
    expect(m.text).toContain('3月1日下午，全市机构改革');
    expect(m.text).toContain('强调要深入学习贯彻');
    expect(m.text).toContain('围绕金融、科技创新、数据管理、绿色低碳高质量发展');
    // A column break (blank line) inside a word: 迫切需 / (blank) / 要
    expect(m.text).toContain('实现高质量发展的迫切需要，是践行');
    expect(m.text).toContain('深入推进“技能济宁”建设');
  });

  it('keeps headlines, bylines and captions on their own lines', () => {
    expect(m.text).toContain('\n全市机构改革动员部署会议召开\n');
    expect(m.text).toContain('■本报记者 梁琨\n');
    expect(m.text).toContain('新春开工忙\n奋进正当时');
    expect(m.text).toContain('省内首家县域算力中心\n落户嘉祥');
    expect(m.text).toMatch(/■本报记者 鲍童 本报通讯员 雷夫幸 谷雨阳\n+龙腾春风起/);
    expect(m.text).toMatch(/深入贯彻市两会精神\n坚定不移推进高质量发展/);
  });

  it('maps every reading offset back to the source', () => {
    for (let i = 0; i < m.text.length; i++) expect(seed[m.toRaw[i]]).toBe(m.text[i]);
    const at = m.text.indexOf('高质量发展提供强有力');
    const [s, e] = rawSpan(m, at, at + 5);
    expect(seed.slice(s, e)).toBe('高质量发展');
    const broken = m.text.indexOf('下午，全市');
    const [s2, e2] = rawSpan(m, broken, broken + 2);
    expect(seed.slice(s2, e2)).toBe('下\n午');
  });
});

describe('text model over chunks (DOM text nodes)', () => {
  it('maps offsets to chunks across separators and in-node newlines', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const m = buildTextModel([
      { text: '推进高质量发', node: a, collapse: true },
      { text: '\n', node: null },
      { text: '展，建设\n  现代化', node: b, collapse: true },
    ]);
    // The <br> between 发 and 展 is not joined here (the line is not a full column line),
    // but the in-node newline between two Han characters is dropped.
    expect(m.text).toContain('建设现代化');
    const i = m.text.indexOf('现代化');
    expect(toSource(m, i)).toEqual({ node: b, offset: 7 });
    expect(toSource(m, 0)).toEqual({ node: a, offset: 0 });
    expect(toSource(m, m.text.indexOf('展'))).toEqual({ node: b, offset: 0 });
  });
});

describe('text model on a file of one sentence per line', () => {
  // Sentences of a real report (not written for this test), one per line, without their final
  // punctuation, with a blank line now and then: no line is a column line, so none is joined.
  const reports = readFileSync(new URL('../../../shared/corpora/government-work-reports.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { year: number; text: string });
  for (const year of [1983, 2005, 2023]) {
    it(`keeps every line of the ${year} report's sentences`, () => {
      const text = reports.find((r) => String(r.year) === String(year))!.text;
      const sentences = text
        .split(/[。！？]/)
        .map((s) => s.replace(/\s+/g, ''))
        .filter((s) => s.length >= 4)
        .slice(0, 300);
      const file = sentences.map((s, i) => (i % 7 === 6 ? s + '\n' : s)).join('\n') + '\n';
      const m = textModelFromString(file);
      expect(m.text).toBe(file);
    });
  }

  it('still joins a printed column (the seed) where a word is broken', () => {
    const m = textModelFromString(seed);
    expect(m.text).toContain('为济宁争先进位和高质量发展提供强有力');
  });
});
