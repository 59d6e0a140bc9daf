/**
 * How much of a list of mined candidates the glossary covers, and the glossary's own figures
 * (since, sources). Pure: the coverage script and the tests supply entries, matcher, exclusions.
 */
import type { Candidate } from './mine';
import type { Matcher } from './matcher';
import { allForms } from './all-forms';
import { officialWithoutSources, type GlossaryEntry } from './schema';

/** How a candidate stands: a term or variant of an entry, mostly covered by entries, excluded, or missing. */
export type CandidateStatus =
  | { kind: 'term' | 'variant'; id: string }
  | { kind: 'matched'; ids: string[] }
  | { kind: 'excluded'; reason: string }
  | { kind: 'missing' };

/** Share of a candidate's characters glossary matches must cover to count as "matched". */
export const MATCHED_SHARE = 0.75;

/** Words that only frame a term: its kind (战略, 工作总基调) or the action on it (全面, 深化, 实施). */
const GENERIC = /^(?:战略|工作总基调|总基调|工作|行动|工程|体系|建设|改革|政策|制度|机制|精神|战|试点|示范|全面|深化|深入|推进|实施|坚持|加强|推动|构建|完善|健全|发展|思想|理念|目标|任务|要求|原则|方针|格局|主线|为主线|为指导|为核心)+$/;

export function candidateStatus(term: string, entries: GlossaryEntry[], matcher: Matcher, exclusions: Map<string, string>): CandidateStatus {
  for (const e of entries) {
    if (e.term === term) return { kind: 'term', id: e.id };
  }
  for (const e of entries) if (allForms(e).includes(term)) return { kind: 'variant', id: e.id };
  // Glossary terms inside the candidate (深化党和国家机构改革 ⊃ 党和国家机构改革): matched when they
  // cover most of it, so a reader sees the term's card on the phrase.
  // The rest may also be a generic head or action word around a term (乡村振兴战略 ⊃ 乡村振兴,
  // 稳中求进工作总基调 ⊃ 稳中求进): the term's card explains the phrase.
  const ms = matcher.match(term);
  const covered = ms.reduce((n, m) => n + (m.end - m.start), 0);
  let rest = '';
  let at = 0;
  for (const m of ms) (rest += term.slice(at, m.start) + ' '), (at = m.end);
  rest = (rest + term.slice(at)).trim();
  const generic = rest.split(/\s+/).every((r) => !r || GENERIC.test(r));
  if (ms.length && (covered >= MATCHED_SHARE * term.length || generic)) return { kind: 'matched', ids: [...new Set(ms.map((m) => m.id))] };
  const reason = exclusions.get(term);
  if (reason !== undefined) return { kind: 'excluded', reason };
  return { kind: 'missing' };
}

export interface CoverageFigures {
  candidates: number;
  inGlossary: number;
  matched: number;
  excluded: number;
  missing: number;
  /** (term + variant + matched) / (candidates − excluded). */
  share: number;
}

export function coverageFigures(statuses: CandidateStatus[]): CoverageFigures {
  const n = (k: CandidateStatus['kind']) => statuses.filter((s) => s.kind === k).length;
  const inGlossary = n('term') + n('variant');
  const matched = n('matched');
  const excluded = n('excluded');
  const counted = statuses.length - excluded;
  return {
    candidates: statuses.length,
    inGlossary,
    matched,
    excluded,
    missing: n('missing'),
    share: counted ? (inGlossary + matched) / counted : 1,
  };
}

/** Exclusions file: `term<TAB>reason` a line; # comments and blank lines ignored. */
export function parseExclusions(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of tsv.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [term, ...rest] = line.split('\t');
    out.set(term.trim(), rest.join(' ').trim());
  }
  return out;
}

/** One line of candidates.txt: term, count, years, kinds, glossary status. */
export function candidateLine(c: Candidate, s: CandidateStatus): string {
  const status =
    s.kind === 'term' || s.kind === 'variant' ? `${s.kind} of ${s.id}`
    : s.kind === 'matched' ? `matched by ${s.ids.join('+')}`
    : s.kind === 'excluded' ? `excluded: ${s.reason}`
    : 'MISSING';
  const written = c.written ? ` (written ${c.written})` : '';
  return `${c.term}\t${c.count}\t${c.docs.join(',')}\t${c.kinds.join('+')}\t${status}${written}`;
}

export interface GlossaryFigures {
  entries: number;
  withSince: number;
  /** Of those, `since` as the origin year (no since_basis) and as first attested in the corpora. */
  sinceOrigin: number;
  sinceAttested: number;
  /** Entries with `since` whose `detail` names the event. */
  sinceWithDetail: number;
  official: number;
  officialWithSources: number;
  withAlt: number;
  withQuote: number;
}

/** The figures about the glossary itself: since, sources, alternatives, quotes. */
export function glossaryFigures(entries: GlossaryEntry[]): GlossaryFigures {
  const withSince = entries.filter((e) => e.since !== undefined);
  const official = entries.filter((e) => e.english_official === true);
  return {
    entries: entries.length,
    withSince: withSince.length,
    sinceOrigin: withSince.filter((e) => e.since_basis === undefined).length,
    sinceAttested: withSince.filter((e) => e.since_basis === 'attested').length,
    sinceWithDetail: withSince.filter((e) => typeof e.detail === 'string' && e.detail.trim()).length,
    official: official.length,
    officialWithSources: official.length - officialWithoutSources(official).length,
    withAlt: entries.filter((e) => e.english_alt?.length).length,
    withQuote: entries.filter((e) => e.quote).length,
  };
}

export function describeFigures(f: GlossaryFigures): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
  return (
    `glossary: ${f.entries} entries; since on ${f.withSince} (${pct(f.withSince, f.entries)}: origin ${f.sinceOrigin} (${pct(f.sinceOrigin, f.entries)}), ` +
    `first attested in the reports ${f.sinceAttested} (${pct(f.sinceAttested, f.entries)})), ${f.sinceWithDetail} of them with detail; ` +
    `official renderings ${f.official}, with sources ${f.officialWithSources} (${pct(f.officialWithSources, f.official)}); ` +
    `english_alt on ${f.withAlt}; quote on ${f.withQuote}`
  );
}

/** Framing words that make a near-duplicate: 乡村振兴 / 乡村振兴战略, 党和国家机构改革 / 深化党和国家机构改革. */
const FRAME_PREFIX = ['全面深化', '全面', '深化', '深入', '推进', '实施', '加强', '坚持', '中央'];
const FRAME_SUFFIX = ['战略', '工作', '行动', '工程', '政策', '制度', '机制', '精神', '改革', '建设', '体系'];

/**
 * Pairs of entries where a form of one is a form of the other plus framing words: probably one
 * concept in two entries (issue #14: merge, the longer form becoming a variant).
 */
export function nearDuplicates(entries: GlossaryEntry[]): Array<[string, string, string]> {
  const owner = new Map<string, string>();
  for (const e of entries) for (const f of [e.term, ...e.variants]) owner.set(f, e.id);
  const out: Array<[string, string, string]> = [];
  const seen = new Set<string>();
  for (const e of entries) {
    for (const f of [e.term, ...e.variants]) {
      const cores = [
        ...FRAME_PREFIX.filter((p) => f.startsWith(p)).map((p) => f.slice(p.length)),
        ...FRAME_SUFFIX.filter((x) => f.endsWith(x)).map((x) => f.slice(0, -x.length)),
      ];
      for (const core of cores) {
        const other = owner.get(core);
        if (!other || other === e.id || core.length < 2) continue;
        const key = [other, e.id].sort().join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([other, e.id, `${core} / ${f}`]);
      }
    }
  }
  return out;
}
