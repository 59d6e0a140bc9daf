/**
 * What the lines around a Chinese news article say about it: the headline as the page's title
 * gives it (site name stripped), and the byline, source and dateline in their common forms
 * (来源：X, 作者：X, 责任编辑：X, 2019-12-10 07:57:40, 新华社巴黎12月9日电（记者唐霁）, 本报讯).
 * Pure text functions: the DOM finder and the text splitter both use them.
 */
import { SOURCE_LEAD } from './patterns';
import { countHan } from '../text/han';

/** Fold what pages vary in (full-width forms, quotes, spaces) before comparing titles. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[“”„‟"'‘’「」『』]/g, '"')
    .replace(/[•·]/g, '·')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const chars = [...foldTitle(s).replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) out.set(chars[i] + chars[i + 1], (out.get(chars[i] + chars[i + 1]) ?? 0) + 1);
  if (chars.length === 1) out.set(chars[0], 1);
  return out;
}

/** Dice similarity of character bigrams (0 … 1). */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let nx = 0;
  let ny = 0;
  let both = 0;
  for (const v of x.values()) nx += v;
  for (const [k, v] of y) {
    ny += v;
    both += Math.min(v, x.get(k) ?? 0);
  }
  return nx + ny ? (2 * both) / (nx + ny) : 0;
}

// Separators sites put between a headline and their own name: 标题_网易新闻, 标题 | 澎湃, 网站--标题.
const TITLE_SEPARATORS = /\s*(?:_|\||｜|\s[-–—]\s|--+|——|-{1,2}(?=[^\d\s]{2,}网)|::|：：)\s*/;

/**
 * The headline a page's title or og:title names, without the site's name: the longest of its
 * separated parts (sites put their name before or after; the headline is the long part).
 */
export function headlineFromTitle(title: string | null | undefined): string | null {
  const t = (title ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const parts = t.split(TITLE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  let best = parts[0] ?? '';
  for (const p of parts) if (countHan(p) > countHan(best)) best = p;
  return countHan(best) >= 2 ? best : null;
}

/** A line that is the page talking about the article, never its headline. */
const NOT_HEADLINE = /^[（(]?\s*原(?:标)?题|^(?:来源|作者|发布|发表|日期|时间|编辑|责任编辑|责编|浏览|阅读|点击|分享|字号|打印|关闭|收藏|评论)|分享到|浏览次数|点击数|阅读数/;
const DATE_ONLY = /^[\s\d年月日:：\-/.]+$/;

export function canBeHeadline(text: string): boolean {
  const t = text.trim();
  if (countHan(t) < 2 || NOT_HEADLINE.test(t) || DATE_ONLY.test(t)) return false;
  return !SOURCE_LEAD.test(t.slice(0, 24)) || t.length > 40;
}

const DATE = /(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?/;

/**
 * A headline element's text often carries its meta line along (标题 2019年06月15日08:18 来源：X
 * 分享到): cut it at the first dateline, source or share mark, if a headline remains.
 */
export function trimHeadline(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const cut = t.search(new RegExp(`\\s(?:${DATE.source})|\\s(?:来源|发布时间|发布日期|时间|作者|编辑)[：:]|\\s分享到`));
  const head = cut > 0 ? t.slice(0, cut).trim() : t;
  return countHan(head) >= 4 ? head : t;
}

export interface ArticleMeta {
  byline: string | null;
  source: string | null;
  dateline: string | null;
}

const SEP = '(?:^|[\\s|｜丨【\\[（(/，,])';
const SOURCE = new RegExp(`${SEP}(?:本文)?(?:来源|稿源|出处)\\s*(?:[：:]\\s*|(?=[A-Za-z\\p{Script=Han}]))([^\\s|｜丨，。:：？！）)]{2,24})`, 'u');
const AUTHOR = new RegExp(`${SEP}(?:作者|撰文|采写|编译|文\\s*[/／|])\\s*[：:]?\\s*((?:[\\p{Script=Han}·]{2,4}|[A-Za-z][\\w.]{1,20})(?:[ 、　][\\p{Script=Han}·]{2,4}){0,3})`, 'u');
// 记者 X at the start of a line or in brackets (（记者 裴剑飞）), not 记者X说 in running text.
const REPORTER = /(?:^|[（(【\[])\s*(?:本报|[\p{Script=Han}]{2,6}?)?(?:记者|通讯员|特约撰稿人)\s*[：:]?\s*([\p{Script=Han}·]{2,4}(?:[ 、　]+[\p{Script=Han}·]{2,4}){0,3})(?=$|[\s）)】\]])/u;
const DATE_LABEL = /(?:发布|发表|更新|时间|日期)[^：:\d]{0,4}[：:]?\s*$/;
const SHORT_DATE = /(?<!\d)\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}/;

export interface MetaZones {
  /** Lines between the headline and the body (the meta bar). */
  above: string[];
  /** The body's first lines (a source lead: 新华社北京3月1日电（记者 X）). */
  first: string[];
  /** The body's last lines (来源：X 责任编辑：Y, 发布日期). */
  last: string[];
}

/** The first date in `line` that a label (发布时间：) announces, or null. */
function labelledDate(line: string): string | null {
  for (const m of line.matchAll(new RegExp(DATE.source, 'g'))) {
    if (DATE_LABEL.test(line.slice(Math.max(0, (m.index ?? 0) - 10), m.index))) return m[0].trim();
  }
  return null;
}

/**
 * Read byline, source and dateline from the meta lines of an article. The meta bar above the
 * body is read first; the body's own lead and last lines after it.
 */
export function parseMeta(zones: MetaZones | string[]): ArticleMeta {
  const z: MetaZones = Array.isArray(zones) ? { above: zones, first: [], last: [] } : zones;
  const meta: ArticleMeta = { byline: null, source: null, dateline: null };
  const clean = (l: string) => l.replace(/\s+/g, ' ').trim();
  const above = z.above.map(clean).filter((l) => l && l.length <= 300);
  const first = z.first.map(clean).filter((l) => l && l.length <= 300);
  const last = z.last.map(clean).filter((l) => l && l.length <= 300);
  const all = [...above, ...first, ...last];
  const joined = above.join(' ');
  // Dateline: one announced by a label, then any date in the meta bar, then the body's.
  for (const l of [joined, ...all]) meta.dateline ??= labelledDate(l);
  meta.dateline ??= joined.match(DATE)?.[0].trim() ?? joined.match(SHORT_DATE)?.[0] ?? null;
  for (const l of [...first.slice(0, 1), ...last]) meta.dateline ??= l.match(DATE)?.[0].trim() ?? null;
  for (const l of [joined, ...last, ...first]) {
    const s = l.match(SOURCE)?.[1];
    if (s && countHan(s) + (s.match(/[A-Za-z]/g)?.length ?? 0) >= 2) {
      meta.source = s;
      break;
    }
  }
  for (const l of [...first.slice(0, 2), joined, ...last]) {
    const lead = l.slice(0, 40).match(SOURCE_LEAD);
    if (lead && /记者|通讯员/.test(lead[0])) return { ...meta, byline: lead[0] };
    const a = l.match(AUTHOR)?.[1] ?? l.match(REPORTER)?.[0].replace(/^[（(【\[]\s*/, '') ?? null;
    if (a && !/^(?:来源|网络|未知|佚名|所有)/.test(a)) return { ...meta, byline: a.trim() };
  }
  return meta;
}
