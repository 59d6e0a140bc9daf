/**
 * The engine as the background hosts it: built once from data the extension ships (jieba's
 * wasm, the compiled glossary, CC-CEDICT), then answering requests. Kept free of browser APIs:
 * the background passes in loaders, so this runs in Node tests too.
 */
import { buildMatcher, type Matcher } from '../glossary/matcher';
import type { GlossaryEntry } from '../glossary/schema';
import { parseCedict, type Dictionary } from '../dict/cedict';
import { tokenize, type Segmenter } from '../segment/segmenter';
import { readText, type PolyphoneReader } from '../pinyin/reading';
import { polyphoneModel, type PackedMeta } from '../pinyin/g2pm';
import { glossaryCuts, segment, syllablesOf, teachGlossary, termsOf } from '../pipeline';
import { readingsOf } from '../readings';
import { isHanAt } from '../text/han';
import type { DigestInput, PageDigest, TermInfo, TextAnnotation, WordInfo } from '../messages';
import type { ScriptMode } from '../settings/model';
import { convertPieces } from '../convert';
import { buildDigest } from '../summary/digest';
import { parseIdfTable, type IdfTable } from '../summary/idf';

export interface EngineLoaders {
  segmenter(): Promise<Segmenter>;
  glossary(): Promise<GlossaryEntry[]>;
  cedict(): Promise<string>;
  /** jieba's IDF table in the compact form (generated/idf.tsv), for key sentences. */
  idf(): Promise<string>;
  /** The polyphone model's packed weights (public/data/g2pm.json + .bin); null if not shipped. */
  g2pm?(): Promise<{ meta: PackedMeta; bin: ArrayBuffer } | null>;
}

export class EngineHost {
  private core: Promise<{ seg: Segmenter; entries: GlossaryEntry[]; byId: Map<string, GlossaryEntry>; matcher: Matcher }> | null = null;
  private dict: Promise<Dictionary> | null = null;
  private idf: Promise<IdfTable> | null = null;
  private polyphones: Promise<PolyphoneReader | null> | null = null;
  /** Where the taught glossary forms are cut for conversion (lib/pipeline.ts glossaryCuts). */
  private wordCuts: Map<string, number[]> | null = null;

  constructor(private loaders: EngineLoaders) {}

  private glossaryCore: Promise<{ entries: GlossaryEntry[]; byId: Map<string, GlossaryEntry>; matcher: Matcher }> | null = null;
  private segReady = false;

  /** The glossary and its matcher: quick to load (no segmenter needed). */
  glossary() {
    this.glossaryCore ??= this.loaders.glossary().then((entries) => ({ entries, byId: new Map(entries.map((e) => [e.id, e])), matcher: buildMatcher(entries) }));
    return this.glossaryCore;
  }

  /** Segmenter and glossary, loaded in parallel; glossary forms become user words. */
  ready() {
    this.core ??= Promise.all([this.loaders.segmenter(), this.glossary()]).then(async ([seg, g]) => {
      // Let requests waiting on the glossary answer first (provisionally): what follows holds
      // the thread for a few hundred milliseconds.
      await new Promise((r) => setTimeout(r, 0));
      teachGlossary(seg, g.entries);
      // Warm jieba's lazily built dictionary now (≈250 ms) rather than on a page's request.
      seg.cut('预热');
      this.segReady = true;
      return { seg, ...g };
    });
    return this.core;
  }

  /**
   * Terms and formulas of each text. While jieba is still building its dictionary (the first
   * request after the background started), and unless `wait` is set, the answer comes at once
   * from the glossary alone (longest matches without the word-boundary rule, kept only where
   * they stand between non-Han characters, and no formulas), marked provisional; the page shows
   * it and asks again with `wait`.
   */
  async annotate(texts: string[], wait = false): Promise<{ texts: TextAnnotation[]; termIds: string[]; provisional?: boolean }> {
    const full = this.ready();
    const provisional = !wait && !this.segReady;
    const seg = provisional ? null : (await full).seg;
    const { matcher } = await this.glossary();
    const termIds: string[] = [];
    const idIndex = new Map<string, number>();
    const out = texts.map((text) => {
      const found = termsOf(matcher, text, seg ? segment(seg, text) : undefined);
      // Without word boundaries, only terms that stand between non-Han characters (“三定”, a term
      // at a line's end) are sure to be words: the word-aware answer keeps them, so nothing shown
      // now is taken away a moment later (no flicker). The rest arrive with the refined answer.
      const matches = seg ? found.terms : found.terms.filter((m) => !isHanAt(text, m.start - 1) && !isHanAt(text, m.end));
      const formulas = seg ? found.formulas : [];
      return {
        terms: matches.flatMap((m) => {
          let i = idIndex.get(m.id);
          if (i === undefined) idIndex.set(m.id, (i = termIds.push(m.id) - 1));
          return [m.start, m.end, i];
        }),
        formulas: formulas.flatMap((f) => [f.start, f.end]),
      };
    });
    return provisional ? { texts: out, termIds, provisional: true } : { texts: out, termIds };
  }

  /** Word boundaries of each text, flat [start, end, …]. */
  async tokens(texts: string[]): Promise<number[][]> {
    const { seg } = await this.ready();
    return texts.map((t) => segment(seg, t).flatMap((k) => [k.start, k.end]));
  }

  /**
   * The polyphone model, loaded on the first pinyin request (not at start: pages without pinyin
   * never pay for it); a model that fails to load leaves the lexicons and rules to read alone.
   */
  polyphoneModel(): Promise<PolyphoneReader | null> {
    this.polyphones ??= (this.loaders.g2pm?.() ?? Promise.resolve(null))
      .then((w) => (w ? polyphoneModel(w.meta, w.bin) : null))
      .catch(() => null);
    return this.polyphones;
  }

  /** One syllable per Han character of each text, read in context. */
  async pinyin(texts: string[]): Promise<string[][]> {
    const [{ seg }, polyphones] = await Promise.all([this.ready(), this.polyphoneModel()]);
    // One entry per Han character ('' where there is no reading), so callers can align by count.
    return texts.map((t) => syllablesOf(readingsOf(t, segment(seg, t), polyphones), t));
  }

  async convert(texts: string[], mode: ScriptMode): Promise<string[]> {
    const { seg, entries } = await this.ready();
    this.wordCuts ??= glossaryCuts(entries);
    return convertPieces(texts, mode, seg, { wordCuts: this.wordCuts });
  }

  async digest(articles: DigestInput[]): Promise<PageDigest> {
    const { seg, matcher, byId } = await this.ready();
    this.idf ??= this.loaders.idf().then(parseIdfTable);
    return buildDigest(articles, seg, matcher, byId, await this.idf);
  }

  async term(id: string): Promise<TermInfo | null> {
    const { byId } = await this.ready();
    const entry = byId.get(id);
    if (!entry) return null;
    const related = entry.related.map((r) => byId.get(r)).filter((e): e is GlossaryEntry => !!e).map((e) => ({ id: e.id, term: e.term, english: e.english }));
    return { entry, related };
  }

  /**
   * The word at `at` in `context`: the token jieba finds there; when that token is not a
   * dictionary headword (出席会议), the listed word inside it that covers `at`.
   */
  async lookup(context: string, at: number): Promise<WordInfo> {
    // The dictionary and the polyphone model load side by side (the first hover waits for both).
    this.dict ??= this.loaders.cedict().then(parseCedict);
    const polyphones = this.polyphoneModel();
    const { seg } = await this.ready();
    const dict = await this.dict;
    const tokens = tokenize(seg, context);
    const tok = tokens.find((t) => t.start <= at && at < t.end) ?? { start: at, end: Math.min(context.length, at + 1) };
    let { start, end } = tok;
    let entries = dict.lookup(context.slice(start, end));
    if (!entries.length) {
      for (let i = start; i < tok.end; ) {
        const hit = dict.longestAt(context.slice(0, tok.end), i);
        const len = hit ? hit.word.length : 1;
        if (at >= i && at < i + len) {
          start = i;
          end = i + len;
          entries = hit?.entries ?? [];
          break;
        }
        i += len;
      }
    }
    const readings = readText(context, tokens, { polyphones: (await polyphones) ?? undefined });
    return { word: context.slice(start, end), start, end, pinyin: readings.slice(start, end).filter(Boolean).join(' '), entries: entries.slice(0, 6) };
  }
}
