// The command line gives the extension's answer: the seed and the 52 real pages through
// `dubao annotate` (compiled, as shipped) and through the extension's background in each browser
// (the messages a page's content script sends), compared token for token, syllable for
// syllable and term for term. The articles of the real pages are compared in real-pages.e2e.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/report';
import { useBrowser } from './suite';
import { BROWSERS } from './browsers';
import { toBackground } from './page-helpers';
import { realPages } from '../fixtures/real-pages';
import { foldTitle } from '../../lib/articles/meta';

const BIN = new URL('../../bin/dubao.mjs', import.meta.url).pathname;
const SEED = new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url).pathname;
const REAL = new URL('../../../shared/fixtures/real-pages/', import.meta.url).pathname;

const files = [SEED, ...readdirSync(REAL).filter((f) => f.endsWith('.html')).sort().map((f) => REAL + f)];
const reports = execFileSync('node', [BIN, 'annotate', ...files, '--format', 'jsonl', '--jobs', '2'], { encoding: 'utf8', maxBuffer: 512 << 20 })
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Report & { file: string });

/** The text as the extension reads it (joined line breaks out) and a map from report offsets to it. */
function reading(r: Report): { text: string; at: (i: number) => number } {
  const cuts = r.joinedBreaks ?? [];
  let text = '';
  let pos = 0;
  for (const [a, b] of cuts) {
    text += r.text.slice(pos, a);
    pos = b;
  }
  text += r.text.slice(pos);
  const at = (i: number) => {
    let removed = 0;
    for (const [a, b] of cuts) if (b <= i) removed += b - a;
    return i - removed;
  };
  return { text, at };
}

describe('the command line on the real pages', () => {
  it('finds the gold articles and headlines, as the browsers do (real-pages.e2e.ts)', () => {
    const gold = realPages();
    for (const p of gold) {
      const r = reports.find((x) => x.file === REAL + p.gold.page)!;
      expect(r.articles.map((a) => foldTitle(a.title ?? '')), p.gold.page).toEqual(p.gold.articles.map((a) => foldTitle(a.headline)));
    }
  });
});

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('gives the tokens, readings and terms of `dubao annotate` for the seed and the 52 real pages', async () => {
    expect(reports).toHaveLength(53);
    expect(reports[0].tokens.length).toBeGreaterThan(3000);
    const misses: string[] = [];
    for (const r of reports) {
      const { text, at } = reading(r);
      const [tokens, pinyin, ann] = await Promise.all([
        toBackground<{ tokens: number[][] }>(s, { type: 'tokens', data: { texts: [text] } }),
        toBackground<{ readings: string[][] }>(s, { type: 'pinyin', data: { texts: [text] } }),
        toBackground<{ texts: Array<{ terms: number[] }>; termIds: string[] }>(s, { type: 'annotate', data: { texts: [text], wait: true } }),
      ]);
      const cliTokens = r.tokens.flatMap((t) => [at(t.start), at(t.end)]);
      const cliReadings = r.tokens.flatMap((t) => t.pinyin);
      const cliTerms = r.terms.map((t) => `${at(t.start)}-${at(t.end)}:${t.id}`);
      const t = ann.texts[0].terms;
      const browserTerms: string[] = [];
      for (let k = 0; k < t.length; k += 3) browserTerms.push(`${t[k]}-${t[k + 1]}:${ann.termIds[t[k + 2]]}`);
      const name = r.file.split('/').pop();
      if (JSON.stringify(tokens.tokens[0]) !== JSON.stringify(cliTokens)) misses.push(`${name}: tokens differ`);
      if (JSON.stringify(pinyin.readings[0].filter(Boolean)) !== JSON.stringify(cliReadings.filter(Boolean))) misses.push(`${name}: readings differ`);
      if (JSON.stringify(browserTerms) !== JSON.stringify(cliTerms)) misses.push(`${name}: terms differ`);
    }
    expect(misses).toEqual([]);
  }, 600_000);
});
