/**
 * Who wins where the reader and the polyphone model disagree, learned from labelled data:
 * the model's reading replaces the reader's when the model's probability (among the character's
 * own readings) reaches a threshold, chosen per deciding step (lib/pinyin/sources.ts) and, where
 * the data has enough cases, per character and step. A step with too few disagreements in the data
 * (names, places, character defaults) keeps its own reading: no evidence, no override.
 * Learned on the CPP set (Wikipedia sentences), the model's habits do not all carry over to
 * news (为 is wéi there, wèi 'for' in news): a character the model got wrong where the reader was
 * right in Dubao's news sentences is left to the reader everywhere (`never`).
 * A word read from a dictionary is settled and never reread; a word no dictionary lists is not
 * (`unlisted`, below).
 * scripts/g2pm-policy.ts learns it into assets/lexicons/g2pm-policy.json.
 */
import { isAllHan } from '../../text/han';
import type { SourceName } from '../sources';
import type { TokenIndex } from '../spans';

/**
 * What the policy is keyed on: the step that decided a reading (lib/pinyin/sources.ts), with
 * `unlisted` split from `token`: a character of a multi-character jieba word that no word of
 * CC-CEDICT covers there (加劲梁, 铣削, 郑覃: not 切身利益, where 切身 is listed), which pinyin-pro
 * then reads with its character defaults. Such a word is no dictionary's evidence; a listed word
 * (切实 qiè, 了解 liǎo) is.
 */
export type PolicyStep = SourceName | 'unlisted';

/**
 * The policy step of the character at `i`: `token` becomes `unlisted` where no part of the
 * covering token (2+ Han characters) that holds `i` is in `listed` (CC-CEDICT's words, or at run
 * time those of them that hold a character the policy may switch: enough, since no other
 * character is asked).
 */
export function stepOf(src: SourceName, text: string, i: number, tokens: TokenIndex, listed: (word: string) => boolean): PolicyStep {
  if (src !== 'token') return src;
  const start = tokens.startAt[i];
  const end = tokens.endAt[i];
  if (end - start < 2 || !isAllHan(text.slice(start, end))) return src;
  for (let s = start; s <= i; s++) for (let e = Math.max(i + 1, s + 2); e <= end; e++) if (listed(text.slice(s, e))) return src;
  return 'unlisted';
}

export interface Policy {
  /** Deciding step → the model's probability from which its reading wins (absent: never). */
  sources: Partial<Record<PolicyStep, number>>;
  /** Character → step → threshold, where the character's own cases chose another one. */
  chars: Record<string, Partial<Record<PolicyStep, number>>>;
  /** Characters the model never rereads (it misread them in news sentences the reader got right). */
  never: string[];
  /**
   * Character → the switches ("fen4>fen1": reader's reading > model's, numbered) that the data
   * shows the model winning more often than losing; no other switch is made. Keeps the model to
   * what the data has evidence for (a model trained on Wikipedia is sure of 充分 fēn in news).
   */
  pairs: Record<string, string[]>;
  /**
   * Step → the probability from which the model wins a switch the data has no evidence on (in
   * neither `pairs` nor `denied`: rare characters, 樘 酢 浜 轧). Learned on the switches seen once
   * in the training cases, which stand for the unseen ones.
   */
  fallback: Partial<Record<PolicyStep, number>>;
  /**
   * The fallback is for rare characters only: those whose id in the model's vocabulary (g2pM
   * numbers characters by their frequency in its training text) is at least this. Common ones
   * are in most sentences, and asking the model there costs more than the data shows it gains.
   */
  fallbackRank: number;
  /** Character → the switches the data shows the model losing (or news objects to): never made. */
  denied: Record<string, string[]>;
  /**
   * CC-CEDICT's words (2+ characters, simplified and traditional) that hold a character of
   * `pairs`: a token among them is a listed word, never `unlisted` (empty when that step has no
   * threshold). With a `fallback` for `unlisted`, every polyphone's words are needed: they ship
   * with the model (PackedMeta.listed), not here.
   */
  listed: string[];
}

/** The threshold for a character decided by `src`, or undefined: the model is not asked. */
export function thresholdOf(policy: Policy, ch: string, src: PolicyStep): number | undefined {
  if (!policy.pairs[ch] || policy.never.includes(ch)) return undefined;
  return policy.chars[ch]?.[src] ?? policy.sources[src];
}

/** May the model's reading replace the reader's for `ch` decided by `src` (is it worth asking)? */
export function mayWin(policy: Policy, ch: string, src: PolicyStep, rank: number): boolean {
  if (policy.never.includes(ch)) return false;
  const t = thresholdOf(policy, ch, src);
  return (t !== undefined && t <= 1) || (policy.fallback[src] !== undefined && rank >= policy.fallbackRank);
}

/** Does the model's reading replace the reader's? (Readings numbered: "fen4".) */
export function modelWins(policy: Policy, o: Pick<Observation, 'ch' | 'src' | 'reader' | 'model' | 'prob' | 'rank'>): boolean {
  if (o.model === o.reader || policy.never.includes(o.ch)) return false;
  const pair = `${o.reader}>${o.model}`;
  if (policy.pairs[o.ch]?.includes(pair)) {
    const t = thresholdOf(policy, o.ch, o.src);
    return t !== undefined && o.prob >= t;
  }
  if (policy.denied[o.ch]?.includes(pair) || o.rank < policy.fallbackRank) return false;
  const t = policy.fallback[o.src];
  return t !== undefined && o.prob >= t;
}

/**
 * Characters the model misread where the reader was right, in `news` observations, counting only
 * the steps the model may override (a misread dictionary word is never switched anyway).
 */
export function vetoed(news: readonly Observation[], sources: readonly PolicyStep[] = UNSETTLED): string[] {
  return [...new Set(news.filter((o) => sources.includes(o.src) && o.reader === o.expected && o.model !== o.expected).map((o) => o.ch))].sort();
}

/** One labelled polyphone: what the reader said (and which step), what the model said. */
export interface Observation {
  ch: string;
  src: PolicyStep;
  expected: string;
  reader: string;
  model: string;
  prob: number;
  /** The character's id in the model's vocabulary (by frequency in its training text). */
  rank: number;
}

/** The rarest characters' ranks from which the fallback applies (see Policy.fallbackRank). */
export const FALLBACK_RANK = 1000;

/** Thresholds tried (above 1: never). */
export const THRESHOLDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999];

/**
 * The steps that leave a character unsettled by any lexicon: pinyin-pro's guess in the sentence
 * (a one-character word), a context rule, a character default, a word no dictionary lists. A word
 * read from a dictionary (a listed jieba word through pinyin-pro, CC-CEDICT, hand-kept words,
 * places, names) is settled: on news the model overrode such words wrongly (切实 qiē, 奔波 bèn,
 * 充分 fēn) while gaining on CPP mostly through CPP's citation tones for neutral ones (知识 shí).
 */
export const UNSETTLED: readonly PolicyStep[] = ['sentence', 'rule', 'default', 'unlisted'];

export interface LearnOptions {
  /** Steps the model may override (default UNSETTLED). */
  sources?: readonly PolicyStep[];
  /** Disagreements a step needs before the model may override it (default 10). */
  minPerSource?: number;
  /** Disagreements a character needs for a threshold of its own (default 5). */
  minPerChar?: number;
  /** Labelled news observations: a switch the model loses there at least as often as it wins is not made. */
  news?: readonly Observation[];
  /** Learn `fallback` thresholds for switches without evidence (default true)... */
  fallback?: boolean;
  /** ...for characters of at least this rank (default FALLBACK_RANK). */
  fallbackRank?: number;
}

const rightWith = (o: Observation, t: number | undefined) => (t !== undefined && o.prob >= t ? o.model : o.reader) === o.expected;
const pairKey = (o: Observation) => `${o.ch}\t${o.reader}>${o.model}`;
// Thresholds are learned where the pairs allow a switch at all.
const switchable = (policy: Policy, o: Observation) => !!policy.pairs[o.ch]?.includes(`${o.reader}>${o.model}`);
const count = (os: readonly Observation[], t: number | undefined) => os.reduce((n, o) => n + (rightWith(o, t) ? 1 : 0), 0);

/** The threshold that gets most of `os` right (undefined, "never", on ties with it). */
function bestThreshold(os: readonly Observation[]): { t: number | undefined; right: number } {
  let best: { t: number | undefined; right: number } = { t: undefined, right: count(os, undefined) };
  for (const t of THRESHOLDS) {
    const right = count(os, t);
    if (right > best.right) best = { t, right };
  }
  return best;
}

/** The policy from labelled observations, leaving the `never` characters to the reader. */
export function learnPolicy(observations: readonly Observation[], opts: LearnOptions = {}, never: string[] = []): Policy {
  const minSource = opts.minPerSource ?? 10;
  const minChar = opts.minPerChar ?? 5;
  const eligible = opts.sources ?? UNSETTLED;
  const disagree = observations.filter((o) => o.model !== o.reader && !never.includes(o.ch) && eligible.includes(o.src));
  const group = (key: (o: Observation) => string) => {
    const m = new Map<string, Observation[]>();
    for (const o of disagree) {
      const k = key(o);
      const list = m.get(k);
      if (list) list.push(o);
      else m.set(k, [o]);
    }
    return m;
  };
  const fallbackRank = opts.fallbackRank ?? FALLBACK_RANK;
  const policy: Policy = { sources: {}, chars: {}, never, pairs: {}, fallback: {}, fallbackRank, denied: {}, listed: [] };
  // News sentences may object to a switch: where the model loses it there at least as often as it
  // wins it (占有率 shuài, 诱供 gōng), it is not made, whatever CPP says.
  const objected = new Set<string>();
  const newsBy = new Map<string, { won: number; lost: number }>();
  for (const o of opts.news ?? []) {
    if (o.model === o.reader || !eligible.includes(o.src)) continue;
    const k = `${o.ch}\t${o.reader}>${o.model}`;
    const e = newsBy.get(k) ?? { won: 0, lost: 0 };
    if (o.model === o.expected) e.won++;
    else if (o.reader === o.expected) e.lost++;
    newsBy.set(k, e);
  }
  for (const [k, e] of newsBy) if (e.lost > 0 && e.lost >= e.won) objected.add(k);
  for (const [key, os] of group((o) => `${o.ch}\t${o.reader}>${o.model}`)) {
    const won = os.filter((o) => o.model === o.expected).length;
    const lost = os.filter((o) => o.reader === o.expected).length;
    const [ch, pair] = key.split('\t');
    if (won > lost && !objected.has(key)) (policy.pairs[ch] ??= []).push(pair);
    else (policy.denied[ch] ??= []).push(pair);
  }
  for (const key of objected) {
    const [ch, pair] = key.split('\t');
    if (!policy.denied[ch]?.includes(pair)) (policy.denied[ch] ??= []).push(pair);
  }
  // Switches seen once stand for the ones never seen: at run time a switch outside pairs and
  // denied is one the data has no evidence on, and its fallback threshold is learned on these.
  if (opts.fallback ?? true) {
    const seen = new Map<string, number>();
    for (const o of disagree) seen.set(pairKey(o), (seen.get(pairKey(o)) ?? 0) + 1);
    for (const [src, all] of group((o) => o.src)) {
      const os = all.filter((o) => seen.get(pairKey(o)) === 1 && !objected.has(pairKey(o)) && o.rank >= fallbackRank);
      if (os.length < minSource) continue;
      const { t } = bestThreshold(os);
      if (t !== undefined) policy.fallback[src as PolicyStep] = t;
    }
  }
  const allowed = (os: Observation[]) => os.filter((o) => switchable(policy, o));
  for (const [src, all] of group((o) => o.src)) {
    const os = allowed(all);
    if (os.length < minSource) continue;
    const { t } = bestThreshold(os);
    if (t !== undefined) policy.sources[src as PolicyStep] = t;
  }
  for (const [key, all] of group((o) => `${o.ch}\t${o.src}`)) {
    const os = allowed(all);
    if (os.length < minChar) continue;
    const [ch, src] = key.split('\t') as [string, PolicyStep];
    const own = bestThreshold(os);
    // A character's own threshold only where it beats its step's on its own cases.
    if (own.right > count(os, policy.sources[src])) (policy.chars[ch] ??= {})[src] = own.t ?? 2;
  }
  return policy;
}

/** Is the combined reading right, under `policy`? */
export function rightUnder(policy: Policy, o: Observation): boolean {
  return (modelWins(policy, o) ? o.model : o.reader) === o.expected;
}

/**
 * Cross-fitting: every observation is judged by a policy learned on the other folds (fold = index
 * mod k), so the figure is out of sample even though one set serves to choose and to measure.
 */
export function crossFit(observations: readonly Observation[], k = 5, opts: LearnOptions = {}, never: string[] = []): { right: number; total: number } {
  let right = 0;
  for (let f = 0; f < k; f++) {
    const policy = learnPolicy(observations.filter((_, i) => i % k !== f), opts, never);
    observations.forEach((o, i) => {
      if (i % k === f && rightUnder(policy, o)) right++;
    });
  }
  return { right, total: observations.length };
}
