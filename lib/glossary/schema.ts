import { isAllHan } from '../text/han';

/** Where an English rendering or a quoted definition is published. */
export interface GlossarySource {
  /** Who published it: Xinhua, State Council Information Office, China Daily … */
  publisher: string;
  /** The document or page (title as published, or a plain description of the page). */
  title: string;
  year: number;
  url?: string;
}

/** Another English rendering in use, and where. */
export interface EnglishAlt {
  text: string;
  /** Used by official English-language media or documents (true), or by others (false). */
  official: boolean;
  source: GlossarySource;
}

/** An official definition quoted word for word (summaries stay in the project's own words). */
export interface GlossaryQuote {
  text: string;
  source: GlossarySource;
}

/** A glossary entry, as written in assets/glossary/*.yaml (see its README). */
export interface GlossaryEntry {
  id: string;
  term: string;
  variants: string[];
  pinyin: string;
  english: string;
  english_official: boolean;
  /** Where the official rendering is used; required when english_official is true (strict check). */
  english_sources?: GlossarySource[];
  english_alt?: EnglishAlt[];
  quote?: GlossaryQuote;
  literal?: string;
  category: string;
  summary_zh: string;
  summary_en: string;
  detail?: string;
  components?: string[];
  since?: number;
  /**
   * What `since` is: absent = the term's origin (the event of that year in `detail`); 'attested' =
   * the year of the earliest report in ../shared/corpora that uses the term in this sense, where the
   * origin is not known (`detail` says which report). Only with `since`, and `detail` required.
   */
  since_basis?: 'attested';
  related: string[];
  scope: string;
  /** Match even inside a longer word the segmenter found (rare; for terms jieba swallows). */
  match_inside_words?: boolean;
  /** Derived at build time: traditional forms of term and variants (not typed by authors). */
  traditional?: string[];
  /**
   * Derived at build time: for a simplified form of three or more characters that jieba, not
   * taught the glossary, cuts into several words, the offsets of those cuts (一个中国原则: [2, 4]).
   * Conversion keeps phrase rules from crossing them (lib/convert: wordCuts).
   */
  cuts?: Record<string, number[]>;
}

export interface Glossary {
  entries: GlossaryEntry[];
}

/** `since` bounds: the Party's founding (no term in its official sense predates it) to this year. */
export const SINCE_MIN = 1921;
export const SINCE_MAX = 2026;

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
  if (e.since !== undefined && (!Number.isInteger(e.since) || e.since < SINCE_MIN || e.since > SINCE_MAX)) p.push(`since ${e.since} is not a year in ${SINCE_MIN}–${SINCE_MAX}`);
  if (e.since_basis !== undefined) {
    if (e.since_basis !== 'attested') p.push(`since_basis '${String(e.since_basis)}' is not 'attested' (leave it out for the origin year)`);
    if (e.since === undefined) p.push('since_basis without since');
    if (!(typeof e.detail === 'string' && e.detail.trim())) p.push('since_basis attested without detail (name the earliest report)');
  }
  p.push(...englishProblems(e));
  if (e.components && (!Array.isArray(e.components) || e.components.some((c) => typeof c !== 'string' || !c))) p.push('components must be a list of strings');
  return p;
}

/** Problems with a source: publisher, title, year present; url, if any, a web address. */
export function sourceProblems(s: unknown, where: string): string[] {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return [`${where} must be { publisher, title, year }`];
  const o = s as Record<string, unknown>;
  const p: string[] = [];
  for (const k of ['publisher', 'title'] as const) if (typeof o[k] !== 'string' || !(o[k] as string).trim()) p.push(`${where}: ${k} missing`);
  if (!Number.isInteger(o.year) || (o.year as number) < SINCE_MIN || (o.year as number) > SINCE_MAX) p.push(`${where}: year ${String(o.year)} is not a year in ${SINCE_MIN}–${SINCE_MAX}`);
  if (o.url !== undefined && (typeof o.url !== 'string' || !/^https?:\/\/\S+$/.test(o.url))) p.push(`${where}: url is not a web address`);
  for (const k of Object.keys(o)) if (!['publisher', 'title', 'year', 'url'].includes(k)) p.push(`${where}: unknown field '${k}'`);
  return p;
}

/** Shape of english_sources, english_alt and quote (the "official ⇒ sources" rule is separate). */
export function englishProblems(e: GlossaryEntry): string[] {
  const p: string[] = [];
  if (e.english_sources !== undefined) {
    if (!Array.isArray(e.english_sources) || !e.english_sources.length) p.push('english_sources must be a non-empty list');
    else e.english_sources.forEach((s, i) => p.push(...sourceProblems(s, `english_sources[${i}]`)));
    if (e.english_official === false && Array.isArray(e.english_sources) && e.english_sources.length)
      p.push('english_sources given but english_official is false (sources name where an official rendering is used)');
  }
  if (e.english_alt !== undefined) {
    if (!Array.isArray(e.english_alt)) p.push('english_alt must be a list');
    else {
      const seen = new Set([normEnglish(e.english)]);
      e.english_alt.forEach((a, i) => {
        const where = `english_alt[${i}]`;
        if (!a || typeof a !== 'object') return void p.push(`${where} must be { text, official, source }`);
        if (typeof a.text !== 'string' || !a.text.trim()) p.push(`${where}: text missing`);
        else if (seen.has(normEnglish(a.text))) p.push(`${where}: '${a.text}' repeats the main or another rendering`);
        else seen.add(normEnglish(a.text));
        if (typeof a.official !== 'boolean') p.push(`${where}: official must be true or false`);
        p.push(...sourceProblems(a.source, `${where}.source`));
      });
    }
  }
  if (e.quote !== undefined) {
    const q = e.quote as unknown as Record<string, unknown> | null;
    if (!q || typeof q !== 'object') p.push('quote must be { text, source }');
    else {
      if (typeof q.text !== 'string' || !q.text.trim()) p.push('quote: text missing');
      p.push(...sourceProblems(q.source, 'quote.source'));
    }
  }
  return p;
}

/** English compared across entries: case, articles and punctuation ignored. */
export function normEnglish(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/^(?:the|a|an) /, '').trim();
}

/** same-english.tsv: `English<TAB>id id …<TAB>why they share it` a line; # comments. */
export function parseSameEnglish(tsv: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const raw of tsv.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [english, ids = ''] = line.split('\t');
    out.set(normEnglish(english), new Set(ids.split(/[\s,]+/).filter(Boolean)));
  }
  return out;
}

/** The strict rule of issue #14: every official rendering names where it is used. */
export function officialWithoutSources(entries: GlossaryEntry[]): GlossaryEntry[] {
  return entries.filter((e) => e.english_official === true && !(Array.isArray(e.english_sources) && e.english_sources.length));
}

export interface ValidateOptions {
  /** Normalised English → ids allowed to share it (assets/glossary/same-english.tsv). */
  sameEnglish?: Map<string, Set<string>>;
  /** Require english_sources on every english_official entry. */
  strictSources?: boolean;
  /** Require `detail` (the event of that year) wherever `since` is given. */
  strictSinceDetail?: boolean;
}

/**
 * All problems of a glossary: per entry, unique ids, related ids exist, forms claimed once, one
 * English rendering per concept (two entries share a main English only when allow-listed).
 */
export function validateGlossary(g: Glossary, opts: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  const byEnglish = new Map<string, string[]>();
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
  for (const e of g.entries) {
    if (typeof e.english !== 'string') continue;
    const k = normEnglish(e.english);
    byEnglish.set(k, [...(byEnglish.get(k) ?? []), e.id]);
  }
  for (const [k, list] of byEnglish) {
    if (list.length < 2) continue;
    const allowed = opts.sameEnglish?.get(k);
    const unlisted = list.filter((id) => !allowed?.has(id));
    if (unlisted.length)
      problems.push(`${list.join(', ')}: same English '${k}' for different entries (merge them, or list them in same-english.tsv)`);
  }
  if (opts.strictSources) for (const e of officialWithoutSources(g.entries)) problems.push(`${e.id}: english_official without english_sources`);
  if (opts.strictSinceDetail)
    for (const e of g.entries) if (e.since !== undefined && !(typeof e.detail === 'string' && e.detail.trim())) problems.push(`${e.id}: since ${e.since} without the event in detail`);
  return problems;
}
