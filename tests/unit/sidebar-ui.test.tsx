// The sidebar's chip groups on a long report: the first CHIPS_SHOWN of a group, the rest behind a
// toggle (a panel of every term and figure of a long report was ~22,000 elements). The digest is
// the engine's, of the 19th party congress report read from ../shared; rendered by Preact into a
// linkedom document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePreactDocument } from '../support/preact-dom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CHIPS_SHOWN, Sidebar } from '../../lib/ui/sidebar/Sidebar';
import { setUiLanguage } from '../../lib/ui/i18n';
import { addGlossaryWords, nodeGlossary } from '../../lib/glossary/node-glossary';
import { nodeSegmenter } from '../../lib/segment/node';
import { buildDigest } from '../../lib/summary/digest';
import { nodeIdfTable } from '../../lib/summary/node-idf';
import type { PageDigest } from '../../lib/messages';

const doc = usePreactDocument();

function congressDigest(): PageDigest {
  const lines = readFileSync(new URL('../../../shared/corpora/party-congress-reports.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
  const report = lines.map((l) => JSON.parse(l) as { congress: number; title: string; text: string }).find((r) => r.congress === 19)!;
  const seg = nodeSegmenter();
  const { entries, matcher } = nodeGlossary();
  addGlossaryWords(seg, entries);
  return buildDigest([{ text: report.text, title: report.title, byline: null }], seg, matcher, new Map(entries.map((e) => [e.id, e])), nodeIdfTable());
}

function renderSidebar(digest: PageDigest): Element {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const noop = () => undefined;
  act(() => render(<Sidebar digest={digest} onGo={noop} onExport={noop} onSaveTerms={async () => ({ added: 0, updated: 0, removed: 0, total: 0 })} onClose={noop} />, root));
  return root as unknown as Element;
}

describe('sidebar chip groups on a long report', () => {
  const digest = congressDigest();
  const terms = digest.articles[0].terms;

  it('shows the first chips of a long group and a toggle for the rest, keyboard-reachable', () => {
    expect(terms.length).toBeGreaterThan(CHIPS_SHOWN * 5); // a long report: hundreds of terms
    setUiLanguage('en');
    const root = renderSidebar(digest);
    const group = () => [...root.querySelectorAll('.group')].find((g) => g.querySelector('.label')?.textContent === 'Terms on this page')!;
    expect(group().querySelectorAll('.chip')).toHaveLength(CHIPS_SHOWN);
    const more = group().querySelector('button.more')!;
    expect(more.textContent).toBe(`${terms.length - CHIPS_SHOWN} more`);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => (more as unknown as HTMLButtonElement).click());
    expect(group().querySelectorAll('.chip')).toHaveLength(terms.length);
    expect(group().querySelector('button.more')!.textContent).toBe('Show fewer');
    expect(group().querySelector('button.more')!.getAttribute('aria-expanded')).toBe('true');
    act(() => (group().querySelector('button.more') as unknown as HTMLButtonElement).click());
    expect(group().querySelectorAll('.chip')).toHaveLength(CHIPS_SHOWN);
  });

  it('keeps the panel small: no group renders more than its first chips until opened', () => {
    const root = renderSidebar(digest);
    const all = digest.articles.reduce((n, a) => n + a.people.length + a.places.length + a.figures.length + a.terms.length, 0) + digest.formulas.length;
    const groups = root.querySelectorAll('.chips').length;
    expect(root.querySelectorAll('.chip').length).toBeLessThanOrEqual(groups * CHIPS_SHOWN);
    expect(all).toBeGreaterThan(groups * CHIPS_SHOWN);
  });

  it('says it in Chinese too', () => {
    setUiLanguage('zh');
    const root = renderSidebar(digest);
    expect(root.querySelector('button.more')!.textContent).toMatch(/^还有 \d+ 项$/);
  });
});
