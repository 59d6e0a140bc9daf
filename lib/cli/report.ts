/**
 * One file's answer: the report of `dubao annotate` and the digest of `dubao digest`, built with
 * the extension's own steps (lib/pipeline.ts via annotate(), the sidebar's buildDigest) over the
 * extension's data (lib/cli/engine.ts).
 */
// Not '../annotate': its annotate() reads pinyin in this thread, and is loaded only when it does.
import { annotateWithReadings, type AnnotateOptions } from '../annotate/steps';
import { PINYIN_THREAD_MIN, startPinyinThread } from './pinyin-thread';
import type { Report } from '../report';
import type { ScriptMode } from '../settings/model';
import { buildDigest } from '../summary/digest';
import type { DigestInput } from '../messages';
import type { PageDigest } from '../messages';
import { cliGlossary, cliIdf, cliPolyphones, cliSegmenter, type SegmenterName } from './engine';
import { readInput } from './files';
import { glossaryCuts } from '../pipeline';
import { textModelFromString } from '../text/model';
import { splitArticles } from '../articles/split-text';
import { readPdf, type PdfReading } from '../pdf';

export interface FileOptions {
  script?: ScriptMode;
  segmenter?: SegmenterName;
  /** The pinyin thread's module (dist/pinyin-worker.mjs), for one big file outside a batch. */
  pinyinWorker?: string;
}

let converter: NonNullable<AnnotateOptions['convert']> | null = null;

/** OpenCC's tables load on the first --script, never otherwise. */
async function loadConverter() {
  if (!converter) {
    const { convertWith } = await import('../convert');
    const wordCuts = glossaryCuts(cliGlossary().entries);
    converter = (seg, text, mode, tokens) => convertWith(seg, text, mode, { wordCuts }, tokens);
  }
  return converter;
}

export async function reportOf(content: string, html: boolean, opts: FileOptions): Promise<Report> {
  // linkedom and parse5 load for HTML only.
  const page = html ? (await import('./html')).htmlToArticles(content) : null;
  return reportOfText(page ? page.text : content, page ? { articles: page.articles } : null, opts);
}

/**
 * The report of a text; `found`: the articles already found (HTML's article finder, a PDF's
 * layout) in a text whose line breaks are already read (no soft breaks to join).
 */
async function reportOfText(text: string, found: { articles: Report['articles']; banners?: string[] } | null, opts: FileOptions): Promise<Report> {
  // Started first: it loads while the segmenter starts.
  const thread = opts.pinyinWorker && text.length >= PINYIN_THREAD_MIN ? startPinyinThread(new URL(opts.pinyinWorker)) : null;
  try {
    const segmenter = await cliSegmenter(opts.segmenter);
    const { matcher } = cliGlossary();
    const convert = opts.script ? await loadConverter() : undefined;
    const options = { segmenter, matcher, idf: cliIdf, script: opts.script, convert, ...(found ? { joinBreaks: false, articles: found.articles } : {}) };
    const report = thread
      ? await annotateWithReadings(text, options, (t, spans) => thread.readings(t, spans))
      : (await import('../annotate')).annotate(text, { ...options, polyphones: cliPolyphones() });
    if (found?.banners?.length) report.banners = found.banners;
    return report;
  } finally {
    thread?.close();
  }
}

export async function reportOfFile(file: string, opts: FileOptions): Promise<Report> {
  const input = readInput(file);
  if (input.kind === 'pdf') return reportOfPdf(await pdfReading(input.bytes, file), opts);
  return reportOf(input.content, input.html, opts);
}

/** pdf.js loads for PDF input only; the text and its articles come from the page layout (lib/pdf). */
async function pdfReading(bytes: Uint8Array, file: string): Promise<PdfReading> {
  const { pdfPages } = await import('./pdf');
  return readPdf(await pdfPages(bytes, file));
}

/** A PDF's report: its reading text (words broken at column edges joined), articles from the layout. */
export function reportOfPdf(reading: PdfReading, opts: FileOptions): Promise<Report> {
  return reportOfText(reading.text, { articles: reading.articles, banners: reading.banners }, opts);
}

/**
 * The sidebar's digest of a file: per article its headline, byline, key sentences, people, places,
 * figures, terms. Only the article spans are needed first (no full report: the digest segments,
 * matches and summarises each article itself, as for a page).
 */
export async function digestOfFile(file: string, opts: FileOptions): Promise<PageDigest> {
  const input = readInput(file);
  let text: string;
  let spans: Array<{ title: string | null; byline: string | null; source?: string | null; dateline?: string | null; bodyStart: number; bodyEnd: number }>;
  if (input.kind === 'pdf') {
    const reading = await pdfReading(input.bytes, file);
    text = reading.text;
    spans = reading.articles.map((a) => ({ ...a, bodyStart: a.bodyStart ?? a.start, bodyEnd: a.bodyEnd ?? a.end }));
  } else if (input.html) {
    const content = input.content;
    const page = (await import('./html')).htmlToArticles(content);
    text = page.text;
    spans = page.articles.map((a) => ({ ...a, bodyStart: a.bodyStart ?? a.start, bodyEnd: a.bodyEnd ?? a.end }));
  } else {
    text = textModelFromString(input.content).text;
    spans = splitArticles(text).articles;
  }
  const inputs: DigestInput[] = spans.map((a) => ({
    text: text.slice(a.bodyStart, a.bodyEnd),
    title: a.title,
    byline: a.byline,
    source: a.source ?? null,
    dateline: a.dateline ?? null,
  }));
  const { matcher, byId } = cliGlossary();
  return buildDigest(inputs, await cliSegmenter(opts.segmenter), matcher, byId, cliIdf());
}
