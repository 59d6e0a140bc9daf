/**
 * The steps of annotate() (index.ts): the text model and the words, then everything but the
 * readings (terms, articles and summaries, conversion), then the report. Kept apart from the
 * readings, which load pinyin-pro: the command line's main thread runs these steps while its
 * pinyin thread reads (annotateWithReadings), and need not load pinyin-pro at all.
 */
import { reportArticle, type Report } from '../report';
import type { Segmenter, Token } from '../segment/segmenter';
import { textModelFromString, sourceMapOf, type TextModel } from '../text/model';
import type { Change } from '../convert/word-aware';
import { splitArticles } from '../articles/split-text';
import { segment, syllablesOf, termsOf } from '../pipeline';
import type { PolyphoneReader } from '../pinyin/reading';
import type { Matcher } from '../glossary/matcher';
import { findFormulas } from '../glossary/formulas';
import type { Conversion } from '../convert/word-aware';
import type { ScriptMode } from '../settings/model';
import type { IdfTable } from '../summary/idf';
import { summarizeArticle } from '../summary/summarize';

export type Feature = 'pinyin' | 'articles' | 'terms';

export interface AnnotateOptions {
  segmenter: Segmenter;
  /** Join soft line breaks first (default true). Off when the caller already built the model. */
  joinBreaks?: boolean;
  /** Which steps to run (default: all). */
  features?: Partial<Record<Feature, boolean>>;
  /** The glossary matcher; without it, terms are empty (formulas are still found). */
  matcher?: Matcher;
  /**
   * jieba's IDF table for key sentences (lib/summary/idf.ts); without it every word weighs 1. A
   * function is called only when there is an article to summarise (a short text needs no table).
   */
  idf?: IdfTable | null | (() => IdfTable);
  /** Convert the text too (report.converted): t, tw, hk, twp or s, with `convert`. */
  script?: ScriptMode;
  /**
   * The word-aware converter (lib/convert's convertWith), passed in so that OpenCC's tables load
   * only when a script is asked for.
   */
  convert?: (seg: Segmenter, text: string, mode: ScriptMode, tokens: readonly Token[]) => Conversion;
  /** The polyphone model (lib/pinyin/g2pm) for pinyin; without it the lexicons and rules alone read. */
  polyphones?: PolyphoneReader | null;
  /** Article spans found elsewhere (the DOM finder); skips the text splitter. */
  articles?: Report['articles'];
}

/**
 * annotate(), with the readings computed elsewhere (the command line's pinyin thread): `readings`
 * is asked for as soon as the text is cut, and the terms, articles, summaries and conversion are
 * worked out while it answers. The report is the same as annotate()'s.
 */
export async function annotateWithReadings(input: string, options: AnnotateOptions, readings: (text: string, spans: readonly Token[]) => Promise<string[]>): Promise<Report> {
  const run = prepare(input, options);
  const pending = run.want('pinyin') ? readings(run.text, run.spans) : null;
  const rest = analyse(run, options);
  return complete(run, rest, pending && (await pending));
}

export interface Run {
  model: TextModel | null;
  /** The reading text (soft breaks joined). */
  text: string;
  spans: Token[];
  want: (f: Feature) => boolean;
}

/** The text model and the words: what every later step reads. */
export function prepare(input: string, options: AnnotateOptions): Run {
  const model = (options.joinBreaks ?? true) ? textModelFromString(input) : null;
  const text = model ? model.text : input;
  return { model, text, spans: segment(options.segmenter, text), want: (f) => options.features?.[f] ?? true };
}

type Analysis = Omit<Report, 'tokens'> & { conversion: Conversion | null };

/** Everything but the readings: terms and formulas, articles and their summaries, the conversion. */
export function analyse({ text, spans, want }: Run, options: AnnotateOptions): Analysis {
  const { terms, formulas } = !want('terms') ? { terms: [], formulas: [] } : options.matcher ? termsOf(options.matcher, text, spans) : { terms: [], formulas: findFormulas(text, []) };

  let articles: Report['articles'] = options.articles ?? [];
  let banners: string[] | undefined;
  if (!options.articles && want('articles')) {
    const layout = splitArticles(text);
    banners = layout.banners.map((b) => b.text);
    articles = layout.articles.map(reportArticle);
  }

  if (want('articles')) {
    const idf = articles.length ? idfOf(options.idf) : null;
    articles = articles.map((a) => {
      const sum = summarizeArticle(text, a, spans, terms, { idf });
      return {
        ...a,
        summary: sum.summary,
        people: sum.people,
        places: sum.places,
        figures: sum.figures,
        terms: sum.terms.map((t) => t.term),
        organisations: sum.organisations,
        dates: sum.dates,
        termCounts: sum.terms,
      };
    });
  }

  if (options.script && !options.convert) throw new Error('annotate: a script needs options.convert');
  const conversion = options.script && options.convert ? options.convert(options.segmenter, text, options.script, spans) : null;
  const out: Analysis = { text, terms, formulas, articles, conversion };
  if (banners) out.banners = banners;
  return out;
}

/** The tokens with their syllables, and the report in the input's own offsets. */
export function complete({ model, text, spans }: Run, { conversion, ...rest }: Analysis, readings: string[] | null): Report {
  const tokens = spans.map((t) => ({
    start: t.start,
    end: t.end,
    pinyin: readings ? syllablesOf(readings, text, t.start, t.end) : [],
  }));
  const report: Report = { text, tokens, terms: rest.terms, formulas: rest.formulas, articles: rest.articles };
  if (rest.banners) report.banners = rest.banners;
  if (conversion) report.converted = conversion.text;
  if (!model || model.text === model.raw) return report;
  return toInputOffsets(report, model, conversion?.changes ?? null);
}

/** Map a report over the reading text of `model` onto its raw input. */
function toInputOffsets(r: Report, model: TextModel, changes: Change[] | null): Report {
  const start = (o: number) => model.toRaw[o];
  const end = (o: number) => (o <= 0 ? model.toRaw[0] : model.toRaw[o - 1] + 1);
  const span = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: start(x.start), end: end(x.end) });
  const out: Report = {
    ...r,
    text: model.raw,
    // Tokens tile the text: a joined break between two tokens goes with the first.
    tokens: r.tokens.map((t) => ({ ...t, start: start(t.start), end: t.end < model.text.length ? start(t.end) : end(t.end) })),
    terms: r.terms.map(span),
    formulas: r.formulas.map(span),
    articles: r.articles.map((a) => ({
      ...span(a),
      ...(a.bodyStart !== undefined ? { bodyStart: start(a.bodyStart) } : {}),
      ...(a.bodyEnd !== undefined ? { bodyEnd: end(a.bodyEnd) } : {}),
    })),
    joinedBreaks: sourceMapOf(model).map(([o, skipped]) => [model.toRaw[o] - skipped, model.toRaw[o]] as [number, number]),
  };
  if (changes) {
    // The conversion's changes, applied to the input: every line break and every character
    // that is not converted stays. A change that spans a break keeps the break inside it
    // where it is aligned character for character.
    let text = '';
    let pos = 0;
    for (const c of changes) {
      const a = start(c.start);
      const b = end(c.end);
      text += model.raw.slice(pos, a);
      if (c.aligned) for (let k = c.start; k < c.end; k++) text += model.raw.slice(k === c.start ? a : end(k), start(k)) + c.text[k - c.start];
      else text += c.text;
      pos = b;
    }
    out.converted = text + model.raw.slice(pos);
  }
  return out;
}

function idfOf(idf: AnnotateOptions['idf']): IdfTable | null {
  return typeof idf === 'function' ? idf() : (idf ?? null);
}
