/**
 * Split a page's reading text into articles. Written for e-paper text (several articles run
 * together, headlines on short lines, and — as text extraction from a printed page often
 * leaves it — a headline that may come before or after its body). Readability-style
 * extraction picks one main article; a front page needs all of them, with their source lines.
 */
import { BYLINE_LINE, PHOTO_CREDIT, SOURCE_LEAD } from './patterns';
import { hanChars } from '../text/han';

export type LineKind = 'heading' | 'subtitle' | 'byline' | 'credit' | 'caption' | 'body';

export interface Line {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
}

export interface ArticleSpan {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  start: number;
  end: number;
  /** Offsets of the body (source line and paragraphs, without the headline). */
  bodyStart: number;
  bodyEnd: number;
  /** Sub-headlines inside the body (强化救助兜底保障 …). */
  subheads: Array<{ text: string; start: number; end: number }>;
  captions: Array<{ text: string; start: number; end: number }>;
}

export interface PageLayout {
  articles: ArticleSpan[];
  /** Heading lines that belong to no article: banners, slogans, section names. */
  banners: Array<{ text: string; start: number; end: number }>;
}

const MAX_HEADING = 40;

export function classifyLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const piece of text.split('\n')) {
    const start = pos;
    pos += piece.length + 1;
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const lead = piece.length - piece.trimStart().length;
    const line: Line = { start: start + lead, end: start + lead + trimmed.length, text: trimmed, kind: 'body' };
    if (PHOTO_CREDIT.test(trimmed) && trimmed.includes('■')) line.kind = trimmed.replace(PHOTO_CREDIT, '').trim() ? 'caption' : 'credit';
    else if (BYLINE_LINE.test(trimmed) || (trimmed.startsWith('■') && trimmed.length <= 24)) line.kind = 'byline';
    else if (/^(?:——|－－|--)/.test(trimmed) && trimmed.length <= 60) line.kind = 'subtitle';
    else if ([...trimmed].length <= MAX_HEADING && !/[。！？!?；：:，,、…—]$/.test(trimmed) && !SOURCE_LEAD.test(trimmed.slice(0, 24))) line.kind = 'heading';
    lines.push(line);
  }
  // A body paragraph directly followed by a lone photo credit is a caption.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i + 1].kind === 'credit' && lines[i].kind === 'body') lines[i].kind = 'caption';
  }
  return lines;
}

interface Unit {
  first: number; // index into lines
  last: number;
  byline: string | null;
}

interface Group {
  first: number;
  last: number;
}

function bigrams(s: string): Set<string> {
  const chars = hanChars(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Title text of a group of heading lines: parallel lines (a couplet) keep a space between. */
export function joinHeading(parts: string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const a = [...parts[i - 1]].length;
    const b = [...parts[i]].length;
    out += Math.abs(a - b) <= 1 && a >= 4 ? ' ' + parts[i] : parts[i];
  }
  return out;
}

export function splitArticles(text: string): PageLayout {
  const lines = classifyLines(text);
  const units: Unit[] = [];
  const groups: Group[] = [];
  // Units start at a byline or at a paragraph that opens with a source lead (本报X讯).
  let cur: Unit | null = null;
  let group: Group | null = null;
  const startsUnit = (l: Line) => l.kind === 'byline' || (l.kind === 'body' && SOURCE_LEAD.test(l.text.slice(0, 24)));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'heading' || l.kind === 'subtitle') {
      if (group && group.last === i - 1) group.last = i;
      else groups.push((group = { first: i, last: i }));
      continue;
    }
    if (l.kind === 'caption' || l.kind === 'credit') continue;
    if (startsUnit(l) || !cur) {
      if (cur && l.kind !== 'byline' && !startsUnit(l)) continue;
      cur = { first: i, last: i, byline: null };
      units.push(cur);
      if (l.kind === 'byline') cur.byline = l.text.replace(/^■\s*/, '').trim();
      else cur.byline = l.text.slice(0, 24).match(SOURCE_LEAD)?.[0] ?? null;
      continue;
    }
    cur.last = i;
  }
  // A heading group strictly inside one unit (body before and after, no unit start after it)
  // is a sub-headline of that unit, unless the unit continues after it only with captions.
  const unitOf = (lineIdx: number) => units.findIndex((u) => u.first <= lineIdx && lineIdx <= u.last);
  const inner: Group[] = [];
  const outer: Group[] = [];
  for (const g of groups) {
    const u = unitOf(g.first);
    if (u >= 0 && units[u].last > g.last && lines[g.first].kind !== 'subtitle') inner.push(g);
    else outer.push(g);
  }
  // Each outer group may belong to the unit just before it or the one just after it.
  // Decide by shared character bigrams (a headline repeats its article's words), then let
  // each unit take its best group.
  const groupText = (g: Group) => lines.slice(g.first, g.last + 1).map((l) => l.text).join('');
  const unitText = (u: Unit) => text.slice(lines[u.first].start, lines[u.last].end);
  const unitBigrams = units.map((u) => bigrams(unitText(u)));
  const candidates: Array<{ g: number; u: number; score: number }> = [];
  outer.forEach((g, gi) => {
    const gb = bigrams(groupText(g));
    if (gb.size === 0) return;
    const before = units.findIndex((u) => u.last < g.first && !units.some((v) => v.first > u.last && v.first < g.first));
    const after = units.findIndex((u) => u.first > g.last && !units.some((v) => v.first > g.last && v.first < u.first));
    for (const u of [before, after]) {
      if (u < 0) continue;
      // Nothing but captions may sit between the group and the unit.
      const lo = Math.min(units[u].last, g.last);
      const hi = Math.max(units[u].first, g.first);
      if (lines.slice(lo + 1, hi).some((l) => l.kind === 'body' || l.kind === 'byline')) continue;
      let shared = 0;
      for (const b of gb) if (unitBigrams[u].has(b)) shared++;
      // Headline-first is the usual order; it wins ties.
      candidates.push({ g: gi, u, score: shared / gb.size + (u === after ? 0.01 : 0) });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const titleOf = new Map<number, number>();
  const usedGroups = new Set<number>();
  for (const c of candidates) {
    if (titleOf.has(c.u) || usedGroups.has(c.g) || c.score < 0.2) continue;
    titleOf.set(c.u, c.g);
    usedGroups.add(c.g);
  }
  const articles: ArticleSpan[] = units
    .map((u, ui): ArticleSpan => {
      const gi = titleOf.get(ui);
      const g = gi === undefined ? null : outer[gi];
      const heads = g ? lines.slice(g.first, g.last + 1) : [];
      const titleLines = heads.filter((l) => l.kind === 'heading');
      const subtitle = heads.find((l) => l.kind === 'subtitle');
      const bodyStart = lines[u.first].start;
      const bodyEnd = lines[u.last].end;
      const subheads = inner
        .filter((s) => s.first > u.first && s.last < u.last)
        .map((s) => ({ text: groupText(s), start: lines[s.first].start, end: lines[s.last].end }));
      return {
        title: titleLines.length ? joinHeading(titleLines.map((l) => l.text)) : null,
        subtitle: subtitle ? subtitle.text.replace(/^(?:——|－－|--)\s*/, '') : null,
        byline: u.byline,
        start: Math.min(bodyStart, heads[0]?.start ?? bodyStart),
        end: Math.max(bodyEnd, heads[heads.length - 1]?.end ?? bodyEnd),
        bodyStart,
        bodyEnd,
        subheads,
        captions: [],
      };
    })
    // A "unit" that is only a byline (a teaser such as ■新华全媒头条) is not an article.
    .filter((a) => a.bodyEnd - a.bodyStart > 40);
  const captions = lines.filter((l) => l.kind === 'caption');
  for (const c of captions) {
    const near = articles.filter((a) => a.end <= c.start).pop();
    near?.captions.push({ text: c.text, start: c.start, end: c.end });
  }
  const banners = outer
    .filter((_, gi) => !usedGroups.has(gi))
    .map((g) => ({ text: groupText(g), start: lines[g.first].start, end: lines[g.last].end }));
  return { articles, banners };
}
