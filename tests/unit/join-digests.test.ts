// A page's digest asked in batches of articles and joined equals the digest of all of them at
// once (the sidebar of a long page asks in batches: no message of ~1 MB). Real text: the party
// congress reports read from ../shared, cut into articles of uneven length.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addGlossaryWords, nodeGlossary } from '../../lib/glossary/node-glossary';
import { nodeSegmenter } from '../../lib/segment/node';
import { buildDigest } from '../../lib/summary/digest';
import { nodeIdfTable } from '../../lib/summary/node-idf';
import { digestInBatches, joinDigests } from '../../lib/summary/join-digests';
import type { DigestInput } from '../../lib/messages';

describe('digest in batches', () => {
  const seg = nodeSegmenter();
  const { entries, matcher } = nodeGlossary();
  addGlossaryWords(seg, entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const idf = nodeIdfTable();
  const digest = (inputs: DigestInput[]) => buildDigest(inputs, seg, matcher, byId, idf);
  const reports = readFileSync(new URL('../../../shared/corpora/party-congress-reports.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { congress: number; title: string; text: string });
  // Two reports cut into articles of 3,000 to 12,000 characters, the first of each titled.
  const inputs: DigestInput[] = [];
  for (const r of reports.slice(-2)) {
    for (let at = 0, k = 0; at < Math.min(r.text.length, 60_000); k++) {
      const len = 3000 + ((k * 4111) % 9000);
      inputs.push({ text: r.text.slice(at, at + len), title: k === 0 ? r.title : null, byline: null });
      at += len;
    }
  }

  it('joins batches into the digest of the whole page: articles, term counts and order, formulas', async () => {
    const whole = digest(inputs);
    const asked: number[] = [];
    const joined = await digestInBatches(inputs, async (batch) => (asked.push(batch.length), digest(batch)), 20_000);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(asked.reduce((a, b) => a + b, 0)).toBe(inputs.length);
    // Terms of equal count are ordered by first appearance: the real text has such ties.
    expect(whole.terms.some((x, i) => i > 0 && whole.terms[i - 1].count === x.count)).toBe(true);
    expect(whole.formulas.length).toBeGreaterThan(0);
    expect(joined).toEqual(whole);
  });

  it('asks once for a page under the batch size, and once for a page without articles', async () => {
    let asked = 0;
    const few = inputs.slice(0, 2);
    expect(await digestInBatches(few, async (b) => (asked++, digest(b)))).toEqual(digest(few));
    expect(asked).toBe(1);
    expect(await digestInBatches([], async (b) => (asked++, digest(b)))).toEqual({ articles: [], terms: [], formulas: [] });
    expect(asked).toBe(2);
  });

  it('keeps a single digest as it is', () => {
    const d = digest(inputs.slice(0, 1));
    expect(joinDigests([d])).toBe(d);
  });
});
