/**
 * Mining glossary candidates from official reports: policy words in quotation marks, numbered
 * formulas (两个X, 三大X …) and word n-grams that recur across several reports. An n-gram is kept
 * when it recurs (minDocs documents, minCount times), stands free (varied neighbouring words, not
 * mostly glued to one Han character), does not open or close like a phrase (实施…, …提高), holds a
 * word that is not ordinary (or, made of ordinary words, is a coinage of the period: keyness
 * against older reports), is not a dictionary word of ordinary sense, and is not an amount.
 * Pure: the caller supplies the segmenter's cut and the ordinary-word tests
 * (scripts/glossary-coverage.ts: jieba, its IDF table, CC-CEDICT glosses, the 1978–2013 reports).
 */

export interface CorpusDoc {
  /** Short label: the year of a work report ('2019'), or 'CR19' for the 19th congress report. */
  id: string;
  year: number;
  text: string;
}

export type CandidateKind = 'quoted' | 'formula' | 'ngram';

export interface Candidate {
  /** The form a glossary would hold: Han characters only (互联网+ → 互联网, 、 dropped). */
  term: string;
  /** The form as written, when it differs (互联网+, 不忘初心、牢记使命). */
  written?: string;
  count: number;
  docs: string[];
  years: number[];
  kinds: CandidateKind[];
}

export interface MineOptions {
  cut(text: string): string[];
  /** A word of general language (not a policy term): jieba IDF below a threshold, stop words. */
  isOrdinary(word: string): boolean;
  /** An n-gram must occur in at least this many documents. */
  minDocs?: number;
  minCount?: number;
  /** Longest n-gram, in words. */
  maxWords?: number;
  /** A whole candidate that is a general-language word (a dictionary word with no political sense). */
  isOrdinaryTerm?(term: string): boolean;
  /**
   * Older official text (earlier reports): an n-gram found only as such must be at least
   * `minKeyness` times as frequent (per character) in the documents as there, i.e. a term of
   * these years, not the officialese of every decade (坚定不移, 深入开展).
   */
  reference?: string[];
  minKeyness?: number;
  /**
   * Keep n-grams made only of ordinary words (乡村振兴 = 乡村 + 振兴, 获得感 = 获得 + 感) when they
   * are at least this key (see `reference`): new coinages of the period, not old collocations.
   */
  compoundKeyness?: number;
  /** Distinct words an n-gram must have on each side (accessor variety). */
  minVariety?: number;
}

const HAN = /^\p{Script=Han}+$/u;

/** The report without Wikisource's licence footer (本作品是…, 本作品来自…). */
export function reportBody(text: string): string {
  const at = text.search(/\n(?:本作品(?:是|在|来自)|注：中文维基文库)/);
  return at < 0 ? text : text.slice(0, at);
}
const NUM = '两三四五六七八九十双';

/** Words that never start or end a term: particles, pronouns, auxiliaries, connectives, time. */
const EDGE_STOP = new Set(
  ('的 了 和 与 及 等 是 在 要 把 对 为 以 上 中 下 里 和 或 并 而 也 都 又 更 很 将 已 从 向 被 让 使 由 于 之 其 各 这 那 ' +
    '我们 我国 今年 去年 明年 全年 同时 进一步 继续 不断 大力 切实 积极 着力 努力 加快 加强 推进 推动 坚持 实施 ' +
    '深入 持续 更加 更好 扎实 促进 提高 提升 完善 健全 支持 发展 建设 工作 问题 方面 重要 主要 一批 一些 ' +
    '各类 各项 各级 有关 相关 重点 进行 开展 实现 形成 保持 落实 做好 抓好 增强 扩大 加大 强化 改善 优化 稳定 ' +
    '有效 合理 基本 主动 充分 认真 必须 不能 没有 可以 能够 需要 应当 已经 正在 一定 一个 这个 这些 所有 个 年 月 日 ' +
    '地 得 着 过 走 拟 按 给 同 跟 比 应 可 能 会 该 需 带头 起 中起 ' +
    '新 大 多 好 高 低 要求 政策 力度 水平 能力 作用 地方 部门 领域 方式 体制 机制 制度 措施').split(' '),
);
/**
 * Character-level edges of officialese phrases rather than terms: a candidate that opens with an
 * action or manner word (实施乡村振兴战略, 深入开展, 明显提高) names the action, not the thing; the
 * thing is its own candidate (乡村振兴战略).
 */
const PHRASE_START = /^(?:仍|深入|明显|大力|努力|坚决|继续|进一步|切实|积极|着力|加快|加强|推进|推动|坚持|实施|取得|表示|提请|接受|依法接受|自觉|激发|弘扬|践行|构建|打造|营造|贯彻|守住|遏制|团结在|高举|不断|更加|持续|扎实|认真|对|要|把|在|和|与|地|的|让|使|为)/;
const PHRASE_END = /(?:实施|开展|提高|完成|执行|支持|发生|衔接|下降|增长|进展|成效|感谢|落实|推进|加强|改善|提升|扩大|守住|带头|拟按|为核心|的|和|与|及|等|中起)$/;

/** Counted things that are plain counting, not formulas (三个方面, 两个百分点). */
const PLAIN_COUNT = /^(?:方面|百分点|月|年|多|以上|部分|阶段|问题|层次|环节|重点|领域|地区|国家|省|市|县|人|项|条|次|倍|万|亿|千|百|小时|星期|季度|世纪)/;

/** The Han-only form of a written term: 互联网+ → 互联网, 不忘初心、牢记使命 → 不忘初心牢记使命. */
export function hanForm(written: string): string {
  // 互联网+政务服务: the glossary's term is the head (互联网, its entry explains the "+" action).
  const head = written.split(/[+＋]/)[0];
  return [...head].filter((c) => HAN.test(c)).join('');
}

/** Short phrases in Chinese quotation marks (“放管服”, “互联网+”): policy words are quoted when coined. */
export function quotedTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“「]([^”」\n]{2,16})[”」]/g)) {
    const w = m[1];
    // A quoted sentence or clause is speech, not a term.
    if (/[，。；：！？,.;:!?（）()《》]/.test(w)) continue;
    const han = hanForm(w);
    if (han.length < 2 || han.length > 14) continue;
    // Only Han, the enumeration comma, digits and + (中国制造2025, 互联网+).
    if (!/^[\p{Script=Han}、+＋0-9·]+$/u.test(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * Numbered formulas: a small numeral + 个 or 大 + one or two following words (两个确立, 四个意识,
 * 三大攻坚战, 两个一百年), from the segmenter's words. Plain counting (三个方面) is left out.
 */
export function numberedFormulas(words: string[]): string[] {
  const out: string[] = [];
  // Join the text back, with word starts, to read numeral + 个 wherever jieba put it.
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    starts.push(text.length);
    text += w;
  }
  const startSet = new Map(starts.map((s, i) => [s, i]));
  const re = new RegExp(`(?<![一二三四五六七八九十两双百千万第])[${NUM}](?:个|大|项)`, 'g');
  for (const m of text.matchAll(re)) {
    const head = m[0];
    let at = (m.index ?? 0) + head.length;
    // The counted words start at a word boundary, or inside the word jieba made of 个 + noun.
    let i = startSet.get(at);
    let first = '';
    if (i === undefined) {
      const wi = starts.findIndex((s, k) => s < at && at < s + words[k].length);
      if (wi < 0) continue;
      first = words[wi].slice(at - starts[wi]);
      i = wi + 1;
    } else {
      first = words[i];
      i++;
    }
    if (!HAN.test(first) || PLAIN_COUNT.test(first)) continue;
    const one = head + first;
    if (first.length >= 2) out.push(one);
    const second = words[i];
    if (second && HAN.test(second) && !EDGE_STOP.has(second)) out.push(one + second);
  }
  return out;
}

/**
 * A piece of a longer phrase: mostly (≥ 80 %) the same Han character follows it (社会主义核心 → 价,
 * 一百年 → 奋) or precedes it (振兴战略 ← 村). Punctuation and varied neighbours mark a free term.
 */
export function isFragment(term: string, texts: string[], share = 0.8): boolean {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  let n = 0;
  for (const t of texts) {
    for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + term.length)) {
      n++;
      const b = t[at - 1];
      const a = t[at + term.length];
      if (b && HAN.test(b)) before.set(b, (before.get(b) ?? 0) + 1);
      if (a && HAN.test(a)) after.set(a, (after.get(a) ?? 0) + 1);
    }
  }
  if (n < 2) return false;
  const top = (m: Map<string, number>) => Math.max(0, ...m.values());
  return top(before) >= share * n || top(after) >= share * n;
}

/** How many times more frequent (per character) a term is than in the reference texts. */
export function keyness(term: string, rate: number, reference: string[], refChars: number): number {
  let n = 0;
  for (const t of reference) for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + term.length)) n++;
  // Add-one smoothing: a term absent from the reference is as key as its own count makes it.
  return rate / ((n + 1) / refChars);
}

/** Han runs of a document as lists of words (punctuation and non-Han words split runs). */
function wordRuns(words: string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const w of words) {
    if (HAN.test(w)) run.push(w);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

interface Tally {
  /** An n-gram of ordinary words only (held to compoundKeyness). */
  ordinary?: boolean;
  count: number;
  docs: Set<string>;
  kinds: Set<CandidateKind>;
  written?: string;
}

/**
 * Candidates recurring in the documents. An n-gram (1 to maxWords words, 3–16 characters) is
 * kept when it occurs in ≥ minDocs documents and ≥ minCount times, neither edge is a function
 * or generic word, at least one of its words is not ordinary, and it is not just a part of one
 * longer kept n-gram (same count). Quoted phrases and numbered formulas are kept when they occur
 * twice or in two documents.
 */
export function mineCandidates(docs: CorpusDoc[], opts: MineOptions): Candidate[] {
  const minDocs = opts.minDocs ?? 3;
  const minCount = opts.minCount ?? 4;
  const maxWords = opts.maxWords ?? 6;
  const year = new Map(docs.map((d) => [d.id, d.year]));
  const tallies = new Map<string, Tally>();
  const add = (term: string, doc: string, kind: CandidateKind, written?: string) => {
    let t = tallies.get(term);
    if (!t) tallies.set(term, (t = { count: 0, docs: new Set(), kinds: new Set() }));
    t.count++;
    t.docs.add(doc);
    t.kinds.add(kind);
    if (written && written !== term) t.written ??= written;
  };
  const grams = new Map<string, Tally & { words: number; ordinary: boolean; left: Set<string>; right: Set<string> }>();
  let edge = 0;
  for (const d of docs) {
    const text = reportBody(d.text);
    for (const w of quotedTerms(text)) add(hanForm(w), d.id, 'quoted', w);
    const words = opts.cut(text);
    for (const f of numberedFormulas(words)) add(f, d.id, 'formula');
    for (const run of wordRuns(words)) {
      for (let i = 0; i < run.length; i++) {
        let s = '';
        let ordinary = true;
        for (let n = 1; n <= maxWords && i + n <= run.length; n++) {
          const w = run[i + n - 1];
          s += w;
          if (!opts.isOrdinary(w)) ordinary = false;
          if (s.length > 16) break;
          // 的 inside a term only as 党的… (党的领导, 党的建设); elsewhere it joins a phrase.
          if (n > 1 && w === '的' && run[i + n - 2] !== '党') break;
          if (s.length < 3 || EDGE_STOP.has(run[i]) || EDGE_STOP.has(w) || PHRASE_START.test(s) || PHRASE_END.test(s)) continue;
          let g = grams.get(s);
          if (!g) grams.set(s, (g = { count: 0, docs: new Set(), kinds: new Set(['ngram']), words: n, ordinary, left: new Set(), right: new Set() }));
          g.count++;
          g.docs.add(d.id);
          // Neighbouring words; a run's edge (punctuation) is a fresh neighbour each time.
          g.left.add(run[i - 1] ?? `#${edge++}`);
          g.right.add(run[i + n] ?? `#${edge++}`);
        }
      }
    }
  }
  // A term stands free: different words precede and follow it (accessor variety ≥ 2), which
  // drops fragments such as 习近平同志为核心 (always followed by 的党中央).
  const minVariety = opts.minVariety ?? 2;
  const kept = [...grams].filter(
    ([, g]) => g.docs.size >= minDocs && g.count >= minCount && !(g.ordinary && (g.words === 1 || opts.compoundKeyness === undefined)) && g.left.size >= minVariety && g.right.size >= minVariety,
  );
  // Closed n-grams only: drop one that occurs (nearly) only inside a longer kept one.
  const longer = kept.map(([s, g]) => ({ s, g })).sort((a, b) => b.s.length - a.s.length);
  for (const { s, g } of longer) {
    const inside = longer.some((o) => o.s.length > s.length && o.s.includes(s) && o.g.count >= g.count * 0.8);
    if (inside) continue;
    const t = tallies.get(s);
    if (t) {
      t.kinds.add('ngram');
      for (const doc of g.docs) t.docs.add(doc);
      t.count = Math.max(t.count, g.count);
    } else tallies.set(s, { count: g.count, docs: new Set(g.docs), kinds: new Set(['ngram']), ordinary: g.ordinary });
  }
  const texts = docs.map((d) => reportBody(d.text));
  const docChars = docs.reduce((n, d) => n + d.text.length, 0);
  const refChars = (opts.reference ?? []).reduce((n, t) => n + t.length, 0);
  const out: Candidate[] = [];
  for (const [term, t] of tallies) {
    if (term.length < 2) continue;
    const coined = t.kinds.has('quoted') || t.kinds.has('formula');
    // Recurring: twice at least, quoted and numbered coinages too.
    if (t.count < 2) continue;
    if (!coined && isFragment(term, texts)) continue;
    if (!coined && opts.isOrdinaryTerm?.(term)) continue;
    if (!coined && /以上|以下|[万亿]|[提上]升?到|提高到|增加到|下降到|达到/.test(term)) continue; // amounts, not terms
    const minKey = t.ordinary ? (opts.compoundKeyness ?? Infinity) : (opts.minKeyness ?? 1.5);
    if (!coined && refChars && keyness(term, t.count / docChars, opts.reference!, refChars) < minKey) continue;
    const ds = [...t.docs].sort((a, b) => (year.get(b) ?? 0) - (year.get(a) ?? 0) || a.localeCompare(b));
    const years = [...new Set(ds.map((x) => year.get(x) ?? 0))].sort((a, b) => b - a);
    out.push({ term, ...(t.written ? { written: t.written } : {}), count: t.count, docs: ds, years, kinds: [...t.kinds].sort() });
  }
  // Most recent first, then most frequent.
  return out.sort((a, b) => (b.years[0] ?? 0) - (a.years[0] ?? 0) || b.count - a.count || a.term.localeCompare(b.term));
}
