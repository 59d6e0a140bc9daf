/**
 * Glossary coverage on the corpus's recent decade (issue #14). Mines candidates
 * (lib/glossary/mine.ts) from ../shared/corpora, gives each its glossary status
 * (lib/glossary/coverage.ts) and prints the figures.
 *   build set: 2014–2022 work reports + 18th/19th congress reports (what the entry writers see);
 *   held out:  the 2023 work report (text the glossary was not built from).
 * Usage: tsx scripts/glossary-coverage.ts [--candidates FILE] [--missing]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mineCandidates, reportBody, type Candidate, type CorpusDoc } from '../lib/glossary/mine';
import { candidateLine, candidateStatus, coverageFigures, describeFigures, glossaryFigures, nearDuplicates, parseExclusions, type CoverageFigures } from '../lib/glossary/coverage';
import { nodeWasmSegmenter } from '../lib/segment/wasm-node';
import { nodeFullIdfTable } from '../lib/summary/node-idf';
import { nodeGlossary } from '../lib/glossary/node-glossary';
import { GLOSSARY_DIR } from '../lib/glossary/node-load';

const CORPORA = resolve(import.meta.dirname, '../../shared/corpora');
const EXCLUSIONS = resolve(GLOSSARY_DIR, 'coverage-exclusions.tsv');
const HELD_OUT_YEAR = 2023;

// Glosses that mark a political or policy sense in CC-CEDICT (改革开放 "…Deng Xiaoping's policies").
const POLITICAL_GLOSS = /\b(?:PRC|CCP|CPC|Communist|Party|polic(?:y|ies)|slogan|campaign|politic|socialis|Marxis|Mao|Deng|Jiang Zemin|Hu Jintao|Xi Jinping|government|initiative|reform|Taiwan|Hong Kong|Macau|consensus|doctrine|ideolog|plan\b|program|strategy|principle)/i;

function readCedictGlosses(): Map<string, string> {
  const file = resolve(import.meta.dirname, '../public/data/cedict.tsv');
  const out = new Map<string, string>();
  if (!existsSync(file)) throw new Error('public/data/cedict.tsv missing: run npm run data first');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [simp, , , defs] = line.split('\t');
    if (defs) out.set(simp, (out.get(simp) ?? '') + '/' + defs);
  }
  return out;
}

function readDocs(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  const lines = (f: string) => readFileSync(`${CORPORA}/${f}`, 'utf8').split('\n').filter((l) => l.trim());
  for (const line of lines('government-work-reports.jsonl')) {
    const d = JSON.parse(line) as { year: number | string | null; text: string };
    // Lines without a year are the congress's short resolutions on the report: not reports.
    if (d.year != null) docs.push({ id: String(d.year), year: Number(d.year), text: d.text });
  }
  const congressYear: Record<number, number> = { 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017 };
  for (const line of lines('party-congress-reports.jsonl')) {
    const d = JSON.parse(line) as { congress: number | string; text: string };
    const c = Number(d.congress);
    if (congressYear[c]) docs.push({ id: `CR${c}`, year: congressYear[c], text: d.text });
  }
  return docs;
}

const args = process.argv.slice(2);
const outFile = args.includes('--candidates') ? args[args.indexOf('--candidates') + 1] : null;

const idf = nodeFullIdfTable();
const seg = nodeWasmSegmenter();
const docs = readDocs();
const cedict = readCedictGlosses();
const opts = {
  minCount: 3,
  minDocs: 4,
  compoundKeyness: Number(process.argv.find((a) => a.startsWith('--ck='))?.slice(5) ?? 5),
  cut: (t: string) => seg.cut(t),
  // General language: jieba's stop words and words common in its (general) IDF corpus.
  isOrdinary: (w: string) => w.length < 2 || idf.isStop(w) || idf.idf(w) < 8.5,
  // A dictionary word whose CC-CEDICT glosses show no political sense (养老保险 "old-age insurance").
  isOrdinaryTerm: (t: string) => cedict.has(t) && !POLITICAL_GLOSS.test(cedict.get(t)!),
  // The officialese of earlier decades: 1978–2013 work reports, 12th–17th congress reports.
  reference: docs.filter((d) => d.year >= 1978 && (d.id.startsWith('CR') ? d.year < 2012 : d.year < 2014)).map((d) => reportBody(d.text)),
};
const recentCongress = (d: CorpusDoc) => d.id === 'CR18' || d.id === 'CR19';
const buildSet = docs.filter((d) => recentCongress(d) || (!d.id.startsWith('CR') && d.year >= 2014 && d.year < HELD_OUT_YEAR));
const heldOut = docs.filter((d) => !d.id.startsWith('CR') && d.year === HELD_OUT_YEAR);
const decade = [...buildSet, ...heldOut];

const { entries, matcher } = nodeGlossary();
const exclusions = existsSync(EXCLUSIONS) ? parseExclusions(readFileSync(EXCLUSIONS, 'utf8')) : new Map<string, string>();

function measure(name: string, cands: Candidate[]): { figures: CoverageFigures; lines: string[] } {
  const statuses = cands.map((c) => candidateStatus(c.term, entries, matcher, exclusions));
  const figures = coverageFigures(statuses);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(
    `${name}: ${figures.candidates} candidates; in glossary ${figures.inGlossary} (term/variant) + ${figures.matched} matched; ` +
      `excluded ${figures.excluded}; missing ${figures.missing}; coverage ${pct(figures.share)} ` +
      `(${pct((figures.inGlossary + figures.matched) / Math.max(1, figures.candidates))} counting the excluded as missing)`,
  );
  return { figures, lines: cands.map((c, i) => candidateLine(c, statuses[i])) };
}

console.log(describeFigures(glossaryFigures(entries)));
const dups = nearDuplicates(entries);
console.log(`near-duplicates (a form of one entry is a form of another plus framing words): ${dups.length}`);
for (const [a, b, why] of dups) console.log(`  ${a} / ${b}: ${why}`);
// Exclusions: by reason, and those an entry now covers (stale: the entry wins, the line can go).
const byReason = new Map<string, number>();
for (const r of exclusions.values()) byReason.set(r, (byReason.get(r) ?? 0) + 1);
const stale = [...exclusions.keys()].filter((t) => candidateStatus(t, entries, matcher, new Map()).kind !== 'missing');
console.log(`exclusions: ${exclusions.size} (${[...byReason].map(([r, n]) => `${n} ${r.split(/[:(;,]/)[0].trim()}`).join('; ')}); now covered by an entry: ${stale.length}`);
const built = mineCandidates(buildSet, opts);
const built0 = measure('build set (2014–2022 work reports + 18th/19th congress reports)', built);
// Held out: the same miner on the 2023 report alone (one document: recurrence within it).
const held = mineCandidates(heldOut, { ...opts, minDocs: 1, minCount: 3 });
measure(`held out (${HELD_OUT_YEAR} work report, not shown to the entry writers)`, held);
const builtTerms = new Set(built.map((c) => c.term));
// Not quite blind: from 13:52 to 14:16 UTC on 30 Nov 2026 the candidates file's head listed the
// decade's missing terms, five of which were candidates only with the 2023 report counted.
const SHOWN_EARLY = ['百年奋斗目标', '战略科技力量', '易地搬迁', '开放型世界经济', '爱国者治澳'];
const shownHeld = held.filter((c) => SHOWN_EARLY.includes(c.term)).map((c) => c.term);
if (shownHeld.length) console.log(`  (held-out candidates the writers saw listed for a while: ${shownHeld.join(' ')})`);
measure(`held out, terms new in ${HELD_OUT_YEAR} (not candidates of the build set)`, held.filter((c) => !builtTerms.has(c.term)));
const decadeCands = mineCandidates(decade, opts);
measure('recent decade (2014–2023 work reports + 18th/19th congress reports)', decadeCands);

const decadeMissing = decadeCands.filter((c) => candidateStatus(c.term, entries, matcher, exclusions).kind === 'missing');
if (args.includes('--decade-missing')) for (const c of decadeMissing) console.log(`${c.term}\t${c.count}\t${c.docs.join(',')}`);

const builtMissing = built.filter((c) => candidateStatus(c.term, entries, matcher, exclusions).kind === 'missing');
if (outFile) {
  const head = [
    '# Glossary candidates mined from the 2014–2022 government work reports and the 18th/19th congress reports',
    '# (scripts/glossary-coverage.ts; the 2023 report is held out). Most recent, then most frequent first.',
    // Build-set terms only: the held-out report's terms are not shown to the writers.
    `# Missing from the glossary and not excluded (build set): ${builtMissing.length}`,
    `#   ${builtMissing.map((c) => c.term).join(' ')}`,
    '# Excluded terms and their reasons: assets/glossary/coverage-exclusions.tsv (an entry beats an exclusion).',
    '# term<TAB>count<TAB>documents (year or CR18/CR19)<TAB>how found<TAB>glossary status',
  ];
  writeFileSync(outFile, [...head, ...built0.lines].join('\n') + '\n');
  console.log(`candidates -> ${outFile}`);
}
if (args.includes('--missing')) for (const l of built0.lines) if (l.includes('\tMISSING')) console.log(l);
if (args.includes('--held-out-missing'))
  for (const c of held) {
    const s = candidateStatus(c.term, entries, matcher, exclusions);
    if (s.kind === 'missing' || s.kind === 'excluded') console.log(`${c.term}\t${c.count}\t${s.kind === 'excluded' ? `excluded: ${s.reason}` : 'MISSING'}`);
  }
