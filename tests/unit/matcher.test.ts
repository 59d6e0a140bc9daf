import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { nodeGlossary, addGlossaryWords } from '../../lib/glossary/node-glossary';
import { findFormulas } from '../../lib/glossary/formulas';
import { nodeSegmenter } from '../../lib/segment/node';
import { tokenize } from '../../lib/segment/segmenter';
import { textModelFromString } from '../../lib/text/model';

const raw = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const model = textModelFromString(raw);
const seed = model.text;
const { entries, matcher } = nodeGlossary();
const seg = nodeSegmenter();
addGlossaryWords(seg, entries);
const terms = matcher.match(seed, tokenize(seg, seed));
const found = (t: string) => terms.filter((m) => m.term === t);

describe('term matching on the seed', () => {
  it('finds 两个确立, 两个维护 and 三定 inside quotation marks', () => {
    for (const t of ['两个确立', '两个维护', '三定']) {
      expect(found(t)).toHaveLength(1);
      const m = found(t)[0];
      expect(seed[m.start - 1]).toBe('“');
      expect(seed[m.end]).toBe('”');
    }
  });

  it('finds 高质量发展 across its line break, mapping back to the broken source', () => {
    const hits = found('高质量发展');
    expect(hits.length).toBeGreaterThanOrEqual(8);
    const spans = hits.map((m) => raw.slice(model.toRaw[m.start], model.toRaw[m.end - 1] + 1));
    // The seed breaks it as 高 / 质量发展 (line 41–42).
    expect(spans).toContain('高\n质量发展');
  });

  it('prefers the longest form', () => {
    expect(found('紧密型县域医共体')).toHaveLength(1);
    expect(terms.some((m) => m.term === '县域医共体' && seed.slice(m.start - 3, m.start) === '紧密型')).toBe(false);
  });

  it('does not match inside a longer word the segmenter found', () => {
    const text = '落实三定向培养计划';
    const tokens = [{ start: 0, end: 2 }, { start: 2, end: 3 }, { start: 3, end: 5 }, { start: 5, end: 7 }, { start: 7, end: 9 }];
    expect(matcher.match(text, [{ start: 0, end: 2 }, { start: 2, end: 5 }, ...tokens.slice(3)]).map((m) => m.term)).not.toContain('三定');
    expect(matcher.match('做好三定工作', [{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 6 }]).map((m) => m.term)).toContain('三定');
  });

  it('matches traditional text', () => {
    const toT = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const trad = toT(seed);
    const hits = matcher.match(trad, tokenize(seg, trad));
    const ids = new Set(hits.map((m) => m.id));
    for (const id of new Set(['两个确立', '两个维护', '三定', '高质量发展', '医共体'].map((t) => entries.find((e) => e.term === t || e.variants.includes(t))!.id))) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(hits.some((m) => m.term === '兩個確立')).toBe(true);
  });
});

describe('numbered formulas by shape', () => {
  it('notices the seed’s formulas that are not in the glossary', () => {
    const f = findFormulas(seed, terms).map((x) => x.text);
    for (const t of ['六个三年行动计划', '三大行动', '双百工程', '六进']) expect(f).toContain(t);
    for (const t of ['六个三年行动计划', '三大行动', '双百工程', '六进', '四个一批']) {
      expect(entries.some((e) => e.term === t), `${t} must stay out of the glossary`).toBe(false);
    }
  });

  it('finds 四个一批 and leaves plain counting alone', () => {
    expect(findFormulas('扎实推进“四个一批”人才工程').map((x) => x.text)).toContain('四个一批');
    expect(findFormulas('三个部门联合发文，两大优势明显，一个县级城市建设')).toEqual([]);
  });
});

describe('numbered formulas are not idioms', () => {
  it('leaves idioms and set phrases alone and keeps the shapes news writing uses', () => {
    const text = '他一龙一蛇，做事三心二意，后来一五一十地讲了。全市实施六个三年行动计划，开展三大行动，推进双百工程。';
    expect(findFormulas(text).map((f) => f.text)).toEqual(['六个三年行动计划', '三大行动', '双百工程']);
  });
});
