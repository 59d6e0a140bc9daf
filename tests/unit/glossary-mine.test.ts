import { describe, expect, it } from 'vitest';
import { hanForm, isFragment, keyness, mineCandidates, numberedFormulas, quotedTerms, reportBody, type CorpusDoc } from '../../lib/glossary/mine';
import { candidateLine, candidateStatus, coverageFigures, nearDuplicates, parseExclusions } from '../../lib/glossary/coverage';
import { buildMatcher } from '../../lib/glossary/matcher';
import type { GlossaryEntry } from '../../lib/glossary/schema';

// A tiny word cutter for the tests: known words longest first, else one character.
const WORDS = ['两个', '确立', '乡村', '振兴', '战略', '实施', '坚持', '推进', '我们', '今年', '工作', '继续', '放管服', '改革', '经济', '发展', '稳中求进', '总基调', '三个', '方面'];
function cut(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const w = WORDS.filter((x) => text.startsWith(x, i)).sort((a, b) => b.length - a.length)[0] ?? text[i];
    out.push(w);
    i += w.length;
  }
  return out;
}
const ORDINARY = new Set(['我们', '今年', '工作', '继续', '经济', '发展', '实施', '坚持', '推进', '改革', '乡村', '振兴', '战略']);
const isOrdinary = (w: string) => w.length < 2 || ORDINARY.has(w);

const docs: CorpusDoc[] = [
  { id: '2021', year: 2021, text: '我们坚持稳中求进工作总基调，深化“放管服”改革。做到两个确立。实施乡村振兴战略，经济发展。\n本作品是中华人民共和国的法律' },
  { id: '2022', year: 2022, text: '今年继续深化“放管服”改革，坚持稳中求进，两个确立。乡村振兴战略全面推进，经济发展。' },
  { id: 'CR19', year: 2017, text: '乡村振兴战略，稳中求进，三个方面，经济发展。' },
];

describe('glossary candidate miner', () => {
  it('reads quoted policy words, not quoted sentences, and their Han-only form', () => {
    expect(quotedTerms('深化“放管服”改革，推进“互联网+”，他说：“我们要努力。”“不忘初心、牢记使命”')).toEqual(['放管服', '互联网+', '不忘初心、牢记使命']);
    expect(hanForm('互联网+')).toBe('互联网');
    expect(hanForm('不忘初心、牢记使命')).toBe('不忘初心牢记使命');
    expect(hanForm('互联网+政务服务')).toBe('互联网');
  });

  it('finds numbered formulas, not plain counting', () => {
    expect(numberedFormulas(cut('做到两个确立，三个方面'))).toEqual(['两个确立']);
  });

  it('tells a fragment (always the same Han neighbour) from a free term', () => {
    const texts = ['培育社会主义核心价值观，践行社会主义核心价值观。', '弘扬社会主义核心价值观'];
    expect(isFragment('社会主义核心', texts)).toBe(true);
    expect(isFragment('社会主义核心价值观', texts)).toBe(false);
    expect(isFragment('稳中求进', ['坚持稳中求进工作总基调', '稳中求进。', '要稳中求进，'])).toBe(false);
  });

  it('drops the licence footer', () => {
    expect(reportBody(docs[0].text)).not.toContain('本作品');
  });

  it('keeps recurring terms with their documents and years, and drops ordinary words', () => {
    const cands = mineCandidates(docs, { cut, isOrdinary, minDocs: 2, minCount: 2, compoundKeyness: 0 });
    const byTerm = new Map(cands.map((c) => [c.term, c]));
    expect(byTerm.get('放管服')).toMatchObject({ count: 2, docs: ['2022', '2021'], years: [2022, 2021] });
    expect(byTerm.get('放管服')!.written).toBeUndefined();
    expect(byTerm.get('放管服')!.kinds).toEqual(['ngram', 'quoted']);
    expect(byTerm.get('两个确立')!.kinds).toContain('formula');
    expect(byTerm.get('稳中求进')).toMatchObject({ count: 3, docs: ['2022', '2021', 'CR19'] });
    // Made only of ordinary words: kept as a compound (any keyness here, no reference texts).
    expect(byTerm.has('乡村振兴战略')).toBe(true);
    expect(byTerm.has('我们')).toBe(false);
    expect(byTerm.has('本作品')).toBe(false);
    // Without compounds, n-grams made only of ordinary words are dropped.
    const strict = mineCandidates(docs, { cut, isOrdinary, minDocs: 2, minCount: 2 });
    expect(strict.map((c) => c.term)).not.toContain('乡村振兴战略');
    expect(strict.map((c) => c.term)).toContain('稳中求进');
  });

  it('drops what is as frequent in the older reference texts (officialese of every decade)', () => {
    const old = ['经济发展'.repeat(50), '稳中求进'];
    expect(keyness('经济发展', 3 / 100, old, 200)).toBeLessThan(1);
    const cands = mineCandidates(docs, { cut, isOrdinary, minDocs: 2, minCount: 2, compoundKeyness: 0, reference: old, minKeyness: 1.5 });
    expect(cands.map((c) => c.term)).not.toContain('经济发展');
    expect(cands.map((c) => c.term)).toContain('稳中求进');
  });
});

describe('coverage of mined candidates', () => {
  const g = (id: string, term: string, variants: string[] = []) => ({ id, term, variants, related: [] }) as unknown as GlossaryEntry;
  const entries = [g('wen-zhong-qiu-jin', '稳中求进'), g('xiang-cun-zhen-xing', '乡村振兴', ['乡村振兴战略']), g('fang-guan-fu', '放管服')];
  const matcher = buildMatcher(entries);
  const exclusions = parseExclusions('# why\n经济发展\tordinary phrase\n');

  it('gives each candidate its status', () => {
    expect(candidateStatus('稳中求进', entries, matcher, exclusions)).toEqual({ kind: 'term', id: 'wen-zhong-qiu-jin' });
    expect(candidateStatus('乡村振兴战略', entries, matcher, exclusions)).toEqual({ kind: 'variant', id: 'xiang-cun-zhen-xing' });
    // A term plus the words that frame it: the term's card explains the phrase.
    expect(candidateStatus('稳中求进工作总基调', entries, matcher, exclusions)).toEqual({ kind: 'matched', ids: ['wen-zhong-qiu-jin'] });
    expect(candidateStatus('经济发展', entries, matcher, exclusions)).toEqual({ kind: 'excluded', reason: 'ordinary phrase' });
    expect(candidateStatus('两个确立', entries, matcher, exclusions)).toEqual({ kind: 'missing' });
    // A term inside a longer name that is not just framing words is not coverage.
    expect(candidateStatus('放管服改革试点城市名单', entries, matcher, exclusions).kind).toBe('missing');
  });

  it('computes the share over candidates not excluded', () => {
    const statuses = ['稳中求进', '乡村振兴战略', '稳中求进工作总基调', '经济发展', '两个确立'].map((t) => candidateStatus(t, entries, matcher, exclusions));
    expect(coverageFigures(statuses)).toEqual({ candidates: 5, inGlossary: 2, matched: 1, excluded: 1, missing: 1, share: 3 / 4 });
    const line = candidateLine({ term: '放管服', count: 2, docs: ['2022', '2021'], years: [2022, 2021], kinds: ['quoted'] }, { kind: 'missing' });
    expect(line).toBe('放管服\t2\t2022,2021\tquoted\tMISSING');
  });
});

describe('near-duplicate entries', () => {
  const g = (id: string, term: string, variants: string[] = []) => ({ id, term, variants, related: [] }) as unknown as GlossaryEntry;
  it('pairs a form with the same form plus framing words in another entry, once', () => {
    const entries = [g('a', '乡村振兴'), g('b', '乡村振兴战略'), g('c', '党和国家机构改革'), g('d', '深化党和国家机构改革', ['深化机构改革']), g('e', '放管服')];
    expect(nearDuplicates(entries)).toEqual([
      ['a', 'b', '乡村振兴 / 乡村振兴战略'],
      ['c', 'd', '党和国家机构改革 / 深化党和国家机构改革'],
    ]);
    // Merged (the longer form a variant): no pair left.
    expect(nearDuplicates([g('a', '乡村振兴', ['乡村振兴战略'])])).toEqual([]);
  });
});
