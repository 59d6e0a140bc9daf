// `dubao glossary --format json`: the built glossary, every authored field kept (the new
// english_sources, english_alt, quote included) plus the derived traditional forms.
// Reads public/data/glossary.json: run `npm run data` (or the build) first.
import { describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';
import { loadGlossaryFromDisk } from '../../lib/glossary/node-load';
import type { GlossaryEntry } from '../../lib/glossary/schema';

async function cliGlossary(): Promise<GlossaryEntry[]> {
  let text = '';
  const code = await run(['glossary', '--format', 'json'], (s) => void (text += s));
  expect(code).toBe(0);
  return JSON.parse(text) as GlossaryEntry[];
}

describe('dubao glossary --format json', () => {
  it('keeps the fields it always had and adds the new ones, as authored', async () => {
    const out = await cliGlossary();
    const authored = new Map(loadGlossaryFromDisk().entries.map((e) => [e.id, e]));
    expect(out.length, 'public/data/glossary.json is stale: run npm run data').toBe(authored.size);
    for (const e of out) {
      for (const k of ['id', 'term', 'variants', 'pinyin', 'english', 'english_official', 'category', 'summary_zh', 'summary_en', 'related', 'scope', 'traditional'])
        expect(e, `${e.id}.${k}`).toHaveProperty(k);
      const a = authored.get(e.id)!;
      // Every authored field, as written (only `traditional` is added).
      const { traditional, ...rest } = e;
      expect(Array.isArray(traditional)).toBe(true);
      expect(rest, e.id).toEqual(a);
    }
    const q = out.find((e) => e.term === '两个确立')!;
    expect(q.english_sources?.[0]).toMatchObject({ publisher: expect.any(String), title: expect.any(String), year: expect.any(Number) });
    expect(q.english_alt?.map((x) => x.text)).toEqual(expect.arrayContaining(['Two Affirmations', 'Two Establishes']));
    // since_basis: a year first attested in the reports travels with its since and detail.
    const attested = out.find((e) => e.id === 'dang-wei')!;
    expect(attested).toMatchObject({ since: 1959, since_basis: 'attested', detail: expect.stringContaining('1959年政府工作报告') });
    expect(out.filter((e) => e.since_basis === 'attested').every((e) => e.since !== undefined && e.detail)).toBe(true);
  });
});
