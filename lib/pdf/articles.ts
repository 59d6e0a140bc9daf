/**
 * Articles from a PDF page's layout: a headline is a run of lines set in larger type
 * (order.ts HEADLINE_RATIO), not a short line; its article is the body-type text that follows
 * in reading order up to the next headline. A headline with (almost) no body under it is a
 * banner (the masthead, a slogan). Bylines and source lines are read with the patterns the text
 * splitter uses; "下转第2版" / "上接第1版" are noted on the article.
 */
import { BYLINE_LINE, SOURCE_LEAD } from '../articles/patterns';
import { joinHeading } from '../articles/split-text';
import { reportArticle, type ReportArticle } from '../report';
import type { PdfText, ReadingLine } from './reading';

/** Fewer body characters than this under a headline: a banner, not an article (as split-text.ts). */
const MIN_BODY = 40;

export interface PdfArticles {
  articles: ReportArticle[];
  banners: string[];
}

const SUBTITLE = /^(?:——|－－|--)/;
const NUM = '([0-9０-９]+|[一二三四五六七八九十]+)';
const CONTINUED_TO = new RegExp(`下转(?:第\\s*)?[A-Za-z]?${NUM}\\s*版`);
const CONTINUED_FROM = new RegExp(`上接(?:第\\s*)?[A-Za-z]?${NUM}\\s*版`);

export function findPdfArticles(pdf: PdfText): PdfArticles {
  const articles: ReportArticle[] = [];
  const banners: string[] = [];
  pdf.pages.forEach((_, p) => {
    const lines = pdf.lines.filter((l) => l.page === p);
    // Sections: a headline group (with a ——subtitle under it), then everything up to the next group.
    type Section = { heads: ReadingLine[]; rest: ReadingLine[] };
    const sections: Section[] = [];
    let cur: Section | null = null;
    for (const l of lines) {
      const head = l.kind === 'heading' || (cur !== null && cur.heads.length > 0 && !cur.rest.length && l.kind !== 'small' && SUBTITLE.test(l.text.trim()));
      if (head) {
        if (!cur || cur.rest.length) sections.push((cur = { heads: [], rest: [] }));
        cur.heads.push(l);
      } else {
        if (!cur) sections.push((cur = { heads: [], rest: [] }));
        cur.rest.push(l);
      }
    }
    for (const s of sections) {
      // The body ends with its last body-type line: fine print after it (captions, a footer) stays out.
      let last = s.rest.length - 1;
      while (last >= 0 && s.rest[last].kind !== 'body') last--;
      const body = s.rest.slice(0, last + 1);
      const chars = body.reduce((n, l) => n + (l.kind === 'body' ? l.text.replace(/\s/g, '').length : 0), 0);
      const runs = headRuns(s.heads);
      if (chars < MIN_BODY) {
        banners.push(...runs.map((r) => joinHeading(r.map((l) => l.text.trim()))));
        continue;
      }
      const { title, subtitle } = headline(runs);
      // A byline line of its own (in body type or fine print: 本报记者 X) under the headline, else
      // the source lead of the first paragraph (本报X讯（记者 Y）).
      const isByline = (t: string) => BYLINE_LINE.test(t) || (t.startsWith('■') && t.length <= 24);
      const own = body.slice(0, 2).find((l) => isByline(l.text.trim()));
      const firstText = body.find((l) => l.kind === 'body')!.text.trim();
      const byline = own ? own.text.trim().replace(/^■\s*/, '').trim() : (firstText.slice(0, 24).match(SOURCE_LEAD)?.[0] ?? null);
      const bodyStart = body[0].start;
      const bodyEnd = body[body.length - 1].end;
      const a = reportArticle({
        title,
        byline,
        subtitle,
        start: s.heads[0]?.start ?? bodyStart,
        end: bodyEnd,
        bodyStart,
        bodyEnd,
      });
      a.page = p + 1;
      const text = pdf.text.slice(bodyStart, bodyEnd);
      const to = text.match(CONTINUED_TO);
      const from = text.match(CONTINUED_FROM);
      if (to || from) a.continued = { ...(to ? { to: pageNumber(to[1]) } : {}), ...(from ? { from: pageNumber(from[1]) } : {}) };
      articles.push(a);
    }
  });
  return { articles, banners };
}

/** Heading lines in runs of one type size; a ——subtitle line is a run of its own. */
function headRuns(heads: ReadingLine[]): ReadingLine[][] {
  const runs: ReadingLine[][] = [];
  for (const l of heads) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const same = prev && Math.abs(prev.fontSize - l.fontSize) <= 0.1 * prev.fontSize && !SUBTITLE.test(l.text.trim()) && !SUBTITLE.test(prev.text.trim());
    if (same) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/**
 * The headline is the run in the largest type (主题); smaller runs under it are the subtitle (副题,
 * often ——…); a smaller run above it is a kicker (引题): it stays in the text, not in the title.
 */
function headline(runs: ReadingLine[][]): { title: string | null; subtitle: string | null } {
  const text = (run: ReadingLine[]) => joinHeading(run.map((l) => l.text.trim()));
  let main = -1;
  runs.forEach((r, i) => {
    if (SUBTITLE.test(r[0].text.trim())) return;
    if (main < 0 || r[0].fontSize > runs[main][0].fontSize * 1.1) main = i;
  });
  if (main < 0) return { title: null, subtitle: runs.length ? text(runs.flat()).replace(SUBTITLE, '').trim() : null };
  const after = runs.slice(main + 1).map((r) => text(r).replace(SUBTITLE, '').trim());
  return { title: text(runs[main]), subtitle: after.length ? after.join(' ') : null };
}

const DIGITS = '零一二三四五六七八九';

/** 2, ２, 二, 十二 → 2, 2, 2, 12. */
export function pageNumber(s: string): number {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS.indexOf(s);
  const tens = ten === 0 ? 1 : DIGITS.indexOf(s[0]);
  const ones = ten === s.length - 1 ? 0 : DIGITS.indexOf(s[ten + 1]);
  return tens * 10 + ones;
}
