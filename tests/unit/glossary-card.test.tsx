// The hover card's English lines: main rendering, "also: …" from english_alt, the official
// rendering's source in small type. Rendered by Preact into a linkedom document.
import { describe, expect, it } from 'vitest';
import { usePreactDocument } from '../support/preact-dom';
import { render } from 'preact';
import { Card } from '../../lib/ui/card/Card';
import { setUiLanguage } from '../../lib/ui/i18n';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import type { GlossaryEntry } from '../../lib/glossary/schema';

const doc = usePreactDocument();

function cardOf(entry: GlossaryEntry): HTMLElement {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const noop = () => {};
  render(<Card content={{ kind: 'term', info: { entry, related: [] }, count: 1, pageForm: entry.term }} onRelated={noop} onMore={noop} onClose={noop} />, root);
  return root as unknown as HTMLElement;
}

const given: GlossaryEntry = {
  id: 'liang-ge-que-li',
  term: '两个确立',
  variants: [],
  pinyin: 'liǎng gè què lì',
  english: 'Two Establishments',
  english_official: true,
  english_sources: [{ publisher: 'Xinhua', title: 'English reports on the 20th National Congress', year: 2022 }],
  english_alt: [
    { text: 'Two Affirmations', official: true, source: { publisher: 'CGTN / China Daily', title: 'usage in English-language reports', year: 2022 } },
    { text: 'Two Establishes', official: false, source: { publisher: 'foreign media', title: 'usage in news reports', year: 2022 } },
  ],
  category: 'formulas',
  summary_zh: '……',
  summary_en: '……',
  related: [],
  scope: 'national',
};

describe('the hover card shows other renderings and sources', () => {
  it('en: main rendering, "also:" with each alternative (its source in the tooltip), the source line', () => {
    setUiLanguage('en');
    const card = cardOf(given);
    expect(card.querySelector('.english')!.textContent).toContain('Two Establishments');
    expect(card.querySelector('.also')!.textContent).toBe('also: Two Affirmations, Two Establishes');
    const spans = [...card.querySelectorAll('.also span')];
    expect(spans.map((s) => s.getAttribute('title'))).toEqual([
      'official rendering · CGTN / China Daily: usage in English-language reports (2022)',
      'in use · foreign media: usage in news reports (2022)',
    ]);
    expect(card.querySelector('.source')!.textContent).toBe('source: Xinhua 2022');
    expect(card.querySelector('.source')!.getAttribute('title')).toBe('Xinhua: English reports on the 20th National Congress (2022)');
  });

  it('zh: 又译：… with the enumeration comma, 来源：', () => {
    setUiLanguage('zh');
    const card = cardOf(given);
    expect(card.querySelector('.also')!.textContent).toBe('又译：Two Affirmations、Two Establishes');
    expect(card.querySelector('.source')!.textContent).toBe('来源：Xinhua 2022');
  });

  it('no "also" line without alternatives, no source line for our own translation', () => {
    setUiLanguage('en');
    const card = cardOf({ ...given, english_official: false, english_sources: undefined, english_alt: undefined });
    expect(card.querySelector('.also')).toBeNull();
    expect(card.querySelector('.source')).toBeNull();
    expect(card.querySelector('.english')!.textContent).toContain('our translation');
  });

  it('the glossary’s own 两个确立 card lists Two Affirmations and Two Establishes', () => {
    setUiLanguage('en');
    const e = loadGlossaryFromDisk().entries.find((x) => x.term === '两个确立')!;
    const also = cardOf(e).querySelector('.also')!.textContent!;
    expect(also).toContain('Two Affirmations');
    expect(also).toContain('Two Establishes');
  });

  it('since: the origin year as "since", a first attestation as "in the reports since", in both languages', () => {
    const origin = { ...given, since: 2021, detail: '2021年党的十九届六中全会决议' };
    const attested = { ...given, since: 1982, since_basis: 'attested' as const, detail: '所收报告中最早见于1982年政府工作报告。' };
    setUiLanguage('en');
    expect(cardOf(origin).querySelector('.since')!.textContent).toBe('since 2021');
    expect(cardOf(attested).querySelector('.since')!.textContent).toBe('in the reports since 1982');
    expect(cardOf(given).querySelector('.since')).toBeNull();
    setUiLanguage('zh');
    expect(cardOf(origin).querySelector('.since')!.textContent).toBe('始于 2021 年');
    expect(cardOf(attested).querySelector('.since')!.textContent).toBe('1982 年起见于报告');
  });
});
