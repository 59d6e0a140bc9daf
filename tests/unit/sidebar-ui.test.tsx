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

const noop = () => undefined;
const sidebar = (digest: PageDigest, shown?: number) => <Sidebar digest={digest} shown={shown} onGo={noop} onExport={noop} onSaveTerms={async () => ({ added: 0, updated: 0, removed: 0, total: 0 })} onClose={noop} />;

function renderSidebar(digest: PageDigest, shown?: number): Element {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  act(() => render(sidebar(digest, shown), root));
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

describe('sidebar filled a few articles at a time (a long page)', () => {
  // Four articles of the report's text, as the digest of a page's parts.
  const seg = nodeSegmenter();
  const { entries, matcher } = nodeGlossary();
  addGlossaryWords(seg, entries);
  const lines = readFileSync(new URL('../../../shared/corpora/party-congress-reports.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
  const text = (JSON.parse(lines[lines.length - 1]) as { text: string }).text;
  const inputs = [0, 1, 2, 3].map((k) => ({ text: text.slice(k * 5000, (k + 1) * 5000), title: `第${k + 1}部分`, byline: null }));
  const digest = buildDigest(inputs, seg, matcher, new Map(entries.map((e) => [e.id, e])), nodeIdfTable());
  const titles = (root: Element) => [...root.querySelectorAll('li.article > .title')].map((b) => b.textContent);

  it('shows the first articles, marks the list busy, and adds the rest in order as they come', () => {
    setUiLanguage('en');
    const root = doc.createElement('div');
    doc.body.appendChild(root);
    act(() => render(sidebar(digest, 2), root));
    expect(titles(root as unknown as Element)).toEqual(['第1部分', '第2部分']);
    expect(root.querySelector('ol.articles')!.getAttribute('aria-busy')).toBe('true');
    // The heading counts every article from the start.
    expect(root.querySelector('h3')!.textContent).toContain('(4)');
    const firstItem = root.querySelector('li.article');
    act(() => render(sidebar(digest, 4), root));
    expect(titles(root as unknown as Element)).toEqual(['第1部分', '第2部分', '第3部分', '第4部分']);
    expect(root.querySelector('ol.articles')!.hasAttribute('aria-busy')).toBe(false);
    // The articles already in are kept, not built again.
    expect(root.querySelector('li.article')).toBe(firstItem);
  });

  it('shows every article when not told how many', () => {
    expect(titles(renderSidebar(digest))).toHaveLength(4);
  });

  it('says the articles already in again in the new language when the reader changes it', () => {
    setUiLanguage('en');
    const root = renderSidebar(digest);
    const labels = () => [...new Set([...root.querySelectorAll('li.article .group > .label')].map((l) => l.textContent))];
    expect(labels()).toContain('Places');
    setUiLanguage('zh');
    act(() => render(sidebar(digest), root as unknown as HTMLElement));
    expect(labels()).toContain('地点');
    expect(labels()).not.toContain('Places');
    setUiLanguage('en');
  });
});
