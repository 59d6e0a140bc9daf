import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { loadGlossaryFromDisk, loadSameEnglish } from '../../lib/glossary/node-load';
import { validateGlossary } from '../../lib/glossary/schema';
import { nodeGlossary } from '../../lib/glossary/node-glossary';
import { allForms } from '../../lib/glossary/forms';

const raw = loadGlossaryFromDisk();
const { entries } = nodeGlossary();

// Tone marks off, for comparing a neutral-tone syllable (卡脖子 zi) with its toned reading.
const toneless = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/u\u0308/g, 'ü');

describe('the glossary', () => {
  it('passes schema validation: ids unique, related ids exist, forms claimed once, lengths, no placeholders, sources and alternatives well formed, one English per concept, every official rendering with its sources', () => {
    expect(validateGlossary(raw, { sameEnglish: loadSameEnglish(), strictSources: true, strictSinceDetail: true })).toEqual([]);
  });

  it('has at least 600 entries across every category the issue lists', () => {
    expect(raw.entries.length).toBeGreaterThanOrEqual(600);
    const cats = new Set(raw.entries.map((e) => e.category));
    for (const c of ['formulas', 'party', 'reform', 'economy', 'rural', 'welfare', 'governance', 'environment', 'regional', 'local']) expect(cats.has(c)).toBe(true);
  });

  it('has pinyin whose syllables are readings of their characters', () => {
    const bad: string[] = [];
    for (const e of raw.entries) {
      const syl = e.pinyin.split(/\s+/);
      [...e.term].forEach((ch, i) => {
        const readings = pinyin(ch, { multiple: true, type: 'array' });
        const ok = readings.includes(syl[i]) || readings.some((r) => toneless(r) === syl[i]);
        if (!ok) bad.push(`${e.id}: ${ch} ${syl[i]} (${readings.join('/')})`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('covers the seed page’s terms and scopes local programs', () => {
    const byTerm = new Map(entries.flatMap((e) => allForms(e).map((f) => [f, e] as const)));
    for (const t of ['两个确立', '两个维护', '三定', '高质量发展', '医共体', '异地就医直接结算', '双通道药店', '低保边缘家庭', '强镇筑基', '强校扩优', '编制', '领导职数', '议事协调机构', '编办']) {
      expect(byTerm.has(t), t).toBe(true);
    }
    expect(byTerm.get('强镇筑基')!.scope).toBe('山东省');
    expect(byTerm.get('两个确立')!).toMatchObject({ english: 'Two Establishments', english_official: true });
    expect(byTerm.get('两个确立')!.components).toHaveLength(2);
  });

  it('derives traditional forms, and no traditional form is claimed by two entries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const f of allForms(e)) {
        const prev = owner.get(f);
        if (prev && prev !== e.id) clashes.push(`${f}: ${prev} / ${e.id}`);
        owner.set(f, e.id);
      }
    }
    expect(clashes).toEqual([]);
    const e = entries.find((x) => x.term === '两个确立')!;
    expect(e.traditional).toContain('兩個確立');
  });

  it('writes distinct summaries, without praise words', () => {
    const termNames = raw.entries.flatMap((x) => [x.term, ...x.variants]).filter((f) => f.length > 3);
    const seen = new Set<string>();
    for (const e of raw.entries) {
      expect(seen.has(e.summary_en), e.id).toBe(false);
      seen.add(e.summary_en);
      // Praise words only where the formula itself is made of them (四个伟大 quotes 伟大斗争 …).
      // Names of glossary terms (中华民族伟大复兴) are quoted, not praise.
      const quoted = [e.term, ...(e.components ?? [])].join('');
      let zh = e.summary_zh;
      for (const name of termNames) zh = zh.split(name).join('');
      for (const w of ['伟大', '英明', '光辉', '丰功伟绩']) if (!quoted.includes(w)) expect(zh, e.id).not.toContain(w);
      expect(e.summary_en).not.toMatch(/\b(great achievement|glorious|brilliant)\b/i);
    }
  });
});
