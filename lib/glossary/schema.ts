import { isAllHan } from '../text/han';

/** A glossary entry, as written in assets/glossary/*.yaml (see its README). */
export interface GlossaryEntry {
  id: string;
  term: string;
  variants: string[];
  pinyin: string;
  english: string;
  english_official: boolean;
  literal?: string;
  category: string;
  summary_zh: string;
  summary_en: string;
  detail?: string;
  components?: string[];
  since?: number;
  related: string[];
  scope: string;
  /** Match even inside a longer word the segmenter found (rare; for terms jieba swallows). */
  match_inside_words?: boolean;
  /** Derived at build time: traditional forms of term and variants (not typed by authors). */
  traditional?: string[];
}

export interface Glossary {
  entries: GlossaryEntry[];
}

const TONE_SYLLABLE = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+$/;

/** Problems with one entry (empty when it is valid). Cross-entry checks are in validateGlossary. */
export function entryProblems(e: GlossaryEntry): string[] {
  const p: string[] = [];
  const req = ['id', 'term', 'pinyin', 'english', 'category', 'summary_zh', 'summary_en', 'scope'] as const;
  for (const k of req) if (typeof e[k] !== 'string' || !e[k].trim()) p.push(`${k} missing`);
  if (typeof e.english_official !== 'boolean') p.push('english_official must be true or false');
  if (!Array.isArray(e.variants)) p.push('variants must be a list');
  if (!Array.isArray(e.related)) p.push('related must be a list');
  if (p.length) return p;
  if (!isAllHan(e.term)) p.push(`term '${e.term}' is not Han-only`);
  for (const v of e.variants) if (!isAllHan(v)) p.push(`variant '${v}' is not Han-only`);
  const syl = e.pinyin.trim().split(/\s+/);
  if (syl.length !== [...e.term].length) p.push(`pinyin has ${syl.length} syllables for ${[...e.term].length} characters`);
  for (const s of syl) if (!TONE_SYLLABLE.test(s)) p.push(`pinyin syllable '${s}' is not tone-marked pinyin`);
  const zh = [...e.summary_zh].length;
  if (zh < 15 || zh > 200) p.push(`summary_zh length ${zh} outside 15–200`);
  if (e.summary_en.length < 40 || e.summary_en.length > 600) p.push(`summary_en length ${e.summary_en.length} outside 40–600`);
  if (e.english.length > 160) p.push('english longer than 160 characters');
  const text = `${e.summary_zh} ${e.summary_en} ${e.english} ${e.detail ?? ''}`;
  if (/TODO|TBD|lorem|placeholder|待补充|\?\?\?|\.\.\.$/i.test(text)) p.push('placeholder text');
  if (e.since !== undefined && (!Number.isInteger(e.since) || e.since < 1900 || e.since > 2030)) p.push(`since ${e.since} is not a year`);
  if (e.components && (!Array.isArray(e.components) || e.components.some((c) => typeof c !== 'string' || !c))) p.push('components must be a list of strings');
  return p;
}

/** All problems of a glossary: per entry, unique ids, related ids exist, forms claimed once. */
export function validateGlossary(g: Glossary): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const e of g.entries) {
    for (const p of entryProblems(e)) problems.push(`${e.id ?? e.term}: ${p}`);
    if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
    ids.add(e.id);
    for (const form of [e.term, ...(e.variants ?? [])]) {
      const prev = owner.get(form);
      if (prev && prev !== e.id) problems.push(`${e.id}: form '${form}' is also claimed by ${prev}`);
      owner.set(form, e.id);
    }
  }
  for (const e of g.entries) for (const r of e.related ?? []) if (!ids.has(r)) problems.push(`${e.id}: related id '${r}' does not exist`);
  return problems;
}
