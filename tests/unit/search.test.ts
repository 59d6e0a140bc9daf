import { describe, expect, it } from 'vitest';
import { nodeGlossary } from '../../lib/glossary/node-glossary';
import { buildSearchIndex } from '../../lib/glossary/search';

const index = buildSearchIndex(nodeGlossary().entries);
const top = (q: string, f?: Parameters<typeof index.search>[1]) => index.search(q, f).slice(0, 3).map((e) => e.term);

describe('glossary search', () => {
  it('finds 两个确立 from pinyin without tones, with or without spaces', () => {
    expect(top('liangge queli')[0]).toBe('两个确立');
    expect(top('lianggequeli')[0]).toBe('两个确立');
    expect(top('liǎng gè què lì')[0]).toBe('两个确立');
  });

  it('finds by characters, simplified or traditional, and by English', () => {
    expect(top('医共体')[0]).toBe(nodeGlossary().entries.find((e) => e.variants.includes('医共体') || e.term === '医共体')!.term);
    expect(top('兩個維護')[0]).toBe('两个维护');
    expect(index.search('new quality productive forces').map((e) => e.term)).toContain('新质生产力');
    // Another rendering in use (english_alt) finds its entry.
    expect(top('two affirmations')[0]).toBe('两个确立');
  });

  it('filters by category and scope', () => {
    expect(index.search('', { category: 'local' }).every((e) => e.category === 'local')).toBe(true);
    const local = index.search('', { scope: 'local' });
    expect(local.length).toBeGreaterThan(10);
    expect(local.every((e) => e.scope !== 'national')).toBe(true);
    expect(index.search('', { scope: '山东省' }).map((e) => e.term)).toContain('强镇筑基');
  });
});
