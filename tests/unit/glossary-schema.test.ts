import { describe, expect, it } from 'vitest';
import {
  entryProblems,
  officialWithoutSources,
  parseSameEnglish,
  validateGlossary,
  type GlossaryEntry,
} from '../../lib/glossary/schema';
import { describeFigures, glossaryFigures } from '../../lib/glossary/coverage';

const xinhua = { publisher: 'Xinhua', title: 'Resolution of the CPC Central Committee (English text)', year: 2021 };

function entry(over: Partial<GlossaryEntry> & Record<string, unknown> = {}): GlossaryEntry {
  return {
    id: 'liang-ge-que-li',
    term: '两个确立',
    variants: [],
    pinyin: 'liǎng gè què lì',
    english: 'Two Establishments',
    english_official: true,
    english_sources: [xinhua],
    category: 'formulas',
    summary_zh: '党的十九届六中全会决议提出的论断，讲的是领导核心和指导思想两件事。',
    summary_en: 'A formula from the 2021 resolution on the Party’s history naming two things it says were established.',
    related: [],
    scope: 'national',
    ...over,
  } as GlossaryEntry;
}

describe('glossary schema: sources, alternatives, quotes, since', () => {
  it('accepts an entry with sources, alternatives and a quote', () => {
    const e = entry({
      since: 2021,
      detail: '2021年党的十九届六中全会决议',
      english_alt: [
        { text: 'Two Affirmations', official: true, source: { publisher: 'CGTN', title: 'usage in English reports', year: 2022 } },
        { text: 'Two Establishes', official: false, source: { publisher: 'foreign media', title: 'usage in news reports', year: 2022, url: 'https://example.org/a' } },
      ],
      quote: { text: '两个确立', source: xinhua },
    });
    expect(entryProblems(e)).toEqual([]);
  });

  it('rejects sources without publisher, title or a year in range, and unknown fields', () => {
    const bad = entry({ english_sources: [{ publisher: '', title: 'x', year: 2021 }, { publisher: 'Xinhua', title: 'y', year: 1899 }, { publisher: 'Xinhua', title: 'z', year: 2021, page: 3 } as never] });
    const p = entryProblems(bad);
    expect(p).toContain('english_sources[0]: publisher missing');
    expect(p.some((x) => x.startsWith('english_sources[1]: year 1899'))).toBe(true);
    expect(p).toContain("english_sources[2]: unknown field 'page'");
    expect(entryProblems(entry({ english_sources: [] }))).toContain('english_sources must be a non-empty list');
    expect(entryProblems(entry({ english_sources: [{ ...xinhua, url: 'xinhua.net' }] }))).toContain('english_sources[0]: url is not a web address');
  });

  it('rejects sources on an unofficial rendering', () => {
    expect(entryProblems(entry({ english_official: false }))[0]).toMatch(/english_sources given but english_official is false/);
  });

  it('rejects alternatives without official flag or source, or repeating the main English', () => {
    const p = entryProblems(entry({ english_alt: [{ text: 'two establishments', official: true, source: xinhua }, { text: 'Two Affirmations' } as never] }));
    expect(p).toContain("english_alt[0]: 'two establishments' repeats the main or another rendering");
    expect(p).toContain('english_alt[1]: official must be true or false');
    expect(p).toContain('english_alt[1].source must be { publisher, title, year }');
  });

  it('rejects a quote without text or source', () => {
    expect(entryProblems(entry({ quote: { text: '', source: xinhua } }))).toEqual(['quote: text missing']);
    expect(entryProblems(entry({ quote: { text: '……' } as never }))).toEqual(['quote.source must be { publisher, title, year }']);
  });

  it('keeps since within 1921–2026', () => {
    expect(entryProblems(entry({ since: 1921 }))).toEqual([]);
    expect(entryProblems(entry({ since: 2026 }))).toEqual([]);
    expect(entryProblems(entry({ since: 1911 }))).toEqual(['since 1911 is not a year in 1921–2026']);
    expect(entryProblems(entry({ since: 2027 }))).toEqual(['since 2027 is not a year in 1921–2026']);
  });

  it('finds two entries with the same English unless allow-listed', () => {
    const a = entry();
    const b = entry({ id: 'liang-ge-que-li-2', term: '两个确定', pinyin: 'liǎng gè què dìng', english: 'the two establishments', summary_en: a.summary_en + ' Another.' });
    expect(validateGlossary({ entries: [a, b] })).toEqual([
      "liang-ge-que-li, liang-ge-que-li-2: same English 'two establishments' for different entries (merge them, or list them in same-english.tsv)",
    ]);
    const allow = parseSameEnglish('# comment\nTwo Establishments\tliang-ge-que-li liang-ge-que-li-2\tsaid on purpose\n');
    expect(validateGlossary({ entries: [a, b] }, { sameEnglish: allow })).toEqual([]);
  });

  it('the strict rule: english_official needs english_sources', () => {
    const without = entry({ english_sources: undefined });
    expect(officialWithoutSources([entry(), without, entry({ english_official: false, english_sources: undefined })])).toEqual([without]);
    expect(validateGlossary({ entries: [without] }, { strictSources: true })).toEqual(['liang-ge-que-li: english_official without english_sources']);
    expect(validateGlossary({ entries: [without] })).toEqual([]);
  });

  it('the since rule: a year needs its event in detail', () => {
    const bare = entry({ since: 2021 });
    expect(validateGlossary({ entries: [bare] }, { strictSinceDetail: true })).toEqual(['liang-ge-que-li: since 2021 without the event in detail']);
    expect(validateGlossary({ entries: [entry({ since: 2021, detail: '十九届六中全会决议' })] }, { strictSinceDetail: true })).toEqual([]);
    expect(validateGlossary({ entries: [bare] })).toEqual([]);
  });

  it('since_basis: only "attested", only with since, and with the report named in detail', () => {
    const attested = { since: 1982, since_basis: 'attested' as const, detail: '所收报告中最早见于1982年政府工作报告。' };
    expect(entryProblems(entry(attested))).toEqual([]);
    expect(entryProblems(entry({ ...attested, detail: undefined }))).toEqual(['since_basis attested without detail (name the earliest report)']);
    expect(entryProblems(entry({ ...attested, detail: '  ' }))).toEqual(['since_basis attested without detail (name the earliest report)']);
    expect(entryProblems(entry({ ...attested, since: undefined }))).toEqual(['since_basis without since']);
    expect(entryProblems(entry({ ...attested, since_basis: 'origin' as never }))).toEqual(["since_basis 'origin' is not 'attested' (leave it out for the origin year)"]);
    // Absent means origin: no detail demanded by the entry check (the strict since rule asks it).
    expect(entryProblems(entry({ since: 2021 }))).toEqual([]);
  });

  it('counts the figures: since, sources, alternatives, quotes', () => {
    const f = glossaryFigures([
      entry({ since: 2021, detail: '十九届六中全会' }),
      entry({ id: 'b', since: 2013 }),
      entry({ id: 'c', english_sources: undefined, since: 1982, since_basis: 'attested', detail: '所收报告中最早见于1982年政府工作报告。' }),
      entry({ id: 'd', english_official: false, english_sources: undefined, english_alt: [{ text: 'X', official: false, source: xinhua }], quote: { text: 'q', source: xinhua } }),
    ]);
    expect(f).toEqual({ entries: 4, withSince: 3, sinceOrigin: 2, sinceAttested: 1, sinceWithDetail: 2, official: 3, officialWithSources: 2, withAlt: 1, withQuote: 1 });
    expect(describeFigures(f)).toContain('since on 3 (75.0 %: origin 2 (50.0 %), first attested in the reports 1 (25.0 %))');
  });
});
