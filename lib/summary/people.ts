/**
 * People named in an article, with their titles. A name is only read where news language
 * anchors it — after a title (市委副书记、市长于永生, 郭里中学校长周健), in a list that continues one
 * (市领导霍媛媛、王宏伟、陈成华), before 总书记/同志, or in the byline — and must start with a known
 * surname. Everything else that looks like a name is left alone: a missed name costs less in a
 * sidebar than a wrong one.
 */
import type { Token } from '../segment/segmenter';
import type { IdfTable } from './idf';
import { COMPOUND_SURNAMES, SURNAMES } from './lexicon';

export interface Person {
  name: string;
  /** As written before the name (市委常委、组织部部长、统战部部长); 记者/通讯员 for a byline; null if none. */
  title: string | null;
  /** Offset of the first mention (in the text given). */
  start: number;
}

// Longest first, so 副书记 wins over 书记 where both end at the same place.
const TITLE_WORDS = ['总书记', '副书记', '书记', '常委', '委员', '副主席', '主席', '省长', '市长', '县长', '区长', '镇长', '乡长', '部长', '局长', '厅长', '处长', '科长', '主任', '校长', '院长', '所长', '站长', '队长', '副总经理', '总经理', '经理', '董事长', '总裁', '秘书长', '会长', '社长', '行长', '总监', '负责人', '支书', '馆长', '台长', '庭长', '检察长', '厂长', '领导', '村民', '居民', '市民', '教授', '主编', '记者', '通讯员'];
const TITLE_RE = new RegExp(`(?:${[...TITLE_WORDS].sort((a, b) => b.length - a.length).join('|')})(?=\\p{Script=Han})`, 'gu');
const TITLE_AFTER = new RegExp(`^(?:${TITLE_WORDS.join('|')})`, 'u');
const TITLE_END = new RegExp(`(?:${TITLE_WORDS.join('|')})$`, 'u');

// What may directly follow a name: a verb of speaking or attending, a conjunction, punctuation.
const FOLLOW = /^(?:出席|主持|表示|介绍|指出|强调|讲话|传达|代表|参加|带领|调研|会见|陪同|看望|慰问|宣读|通报|提出|要求|认为|告诉|透露|一行|一同|同志|先生|女士|分别|说|称|等|在|到|和|与|及|并|就|也|又|还|为|向|对|作|率|主|[、，。；：！？（(“”\s]|$)/u;
// Characters that end a title chain when walking back from the title.
const CHAIN_STOP = new Set(['的', '了', '由', '在', '和', '与', '及', '同', '向', '对', '为', '是', '有', '经', '据', '把', '被', '将', '让', '给', '跟', '从', '到', '请', '受', '随', '等', '并', '也', '都', '又', '还', '就', '称', '说', '岁', '名', '位']);
const CHAIN_STOP_WORDS = new Set(['出席', '陪同', '会见', '看望', '主持', '参加', '邀请', '听取', '介绍', '表示', '会上', '其中', '以及', '包括', '分别', '带领', '了解', '据悉', '随后', '同时', '当天', '近日', '昨天', '今天', '前来', '担任', '作为']);
// Characters a given name does not contain in news text (function words, titles, units).
const NOT_IN_NAME = /[的了和与及等在是为对将把被从到说也都又就而并或这那其此各每某该本我你他她们个年月日时省市县区镇乡村局厅部委会院校长记任副总书出席主持表示介绍指强调讲传达参加]/u;

export function peopleIn(
  text: string,
  start: number,
  end: number,
  tokens: ReadonlyArray<Token>,
  idf: IdfTable | null,
  byline: string | null,
): Person[] {
  const found: Person[] = [];
  const tokenAt = new Map<number, Token>();
  const tokenEnding = new Map<number, Token>();
  for (const t of tokens) {
    if (t.start >= start && t.end <= end) {
      tokenAt.set(t.start, t);
      tokenEnding.set(t.end, t);
    }
  }
  const span = text.slice(start, end);

  for (const m of span.matchAll(TITLE_RE)) {
    const titleEnd = start + (m.index ?? 0) + m[0].length;
    const name = readName(text, titleEnd, end, tokenAt, idf);
    if (!name) continue;
    const title = titleChain(text, start + (m.index ?? 0), titleEnd, start, tokenEnding);
    found.push({ name, title, start: titleEnd });
    // 市领导霍媛媛、王宏伟、陈成华: a list after the name shares its title.
    let pos = titleEnd + name.length;
    while (text[pos] === '、') {
      const next = readName(text, pos + 1, end, tokenAt, idf);
      if (!next) break;
      found.push({ name: next, title, start: pos + 1 });
      pos += 1 + next.length;
    }
  }
  // 习近平总书记, 某某同志: the name comes first.
  for (const m of span.matchAll(/(?:总书记|同志)/gu)) {
    const at = start + (m.index ?? 0);
    const t = tokenEnding.get(at);
    if (!t || t.end - t.start < 2 || t.end - t.start > 3) continue;
    const name = text.slice(t.start, t.end);
    if (!startsWithSurname(name) || !plausibleName(name, idf)) continue;
    found.push({ name, title: m[0] === '同志' ? null : m[0], start: t.start });
  }
  found.sort((a, b) => a.start - b.start);
  const people = [...bylinePeople(byline, start), ...found];
  // One entry a person: the first mention, with the first title seen.
  const byName = new Map<string, Person>();
  for (const p of people) {
    const had = byName.get(p.name);
    if (!had) byName.set(p.name, { ...p });
    else if (!had.title && p.title) had.title = p.title;
  }
  return [...byName.values()];
}

/** Names in a source line: 本报记者 鲍童 本报通讯员 雷夫幸 谷雨阳, 本报嘉祥讯（通讯员 李超）, 满涛. */
export function bylinePeople(byline: string | null, at = 0): Person[] {
  if (!byline) return [];
  const inner = /[（(]([^）)]*)[）)]/.exec(byline)?.[1] ?? byline;
  const out: Person[] = [];
  let role: string | null = null;
  for (const m of inner.replace(/■/g, ' ').matchAll(/(本报|新华社|特约)?(记者|通讯员)|([\p{Script=Han}·]{2,4})/gu)) {
    if (m[2]) role = m[2];
    else if (m[3] && startsWithSurname(m[3]) && !/讯|报|社|摄/.test(m[3])) out.push({ name: m[3], title: role, start: at });
  }
  return out;
}

function startsWithSurname(s: string): boolean {
  return COMPOUND_SURNAMES.has(s.slice(0, 2)) || SURNAMES.has(s[0]);
}

function plausibleName(name: string, idf: IdfTable | null): boolean {
  if (NOT_IN_NAME.test(name.slice(1))) return false;
  // A common word (关于, 高度) is not a name; real names are rare words or unknown to the table.
  if (idf && (idf.isStop(name) || idf.idf(name) < 9)) return false;
  return true;
}

/** The name starting at `p`, or null: a surname, then one or two given characters. */
function readName(text: string, p: number, end: number, tokenAt: Map<number, Token>, idf: IdfTable | null): string | null {
  const sur = COMPOUND_SURNAMES.has(text.slice(p, p + 2)) ? 2 : SURNAMES.has(text[p]) ? 1 : 0;
  if (!sur) return null;
  // 孙先生, 李女士: a surname with a form of address is not a full name.
  if (/^(?:先生|女士|同志|老师|师傅|大爷|大妈|某)/.test(text.slice(p + sur, p + sur + 2))) return null;
  const han = (k: number) => k < end && /\p{Script=Han}/u.test(text[k]);
  const lengths = [sur + 2, sur + 1].filter((n) => han(p + n - 1));
  if (!lengths.length) return null;
  // A word jieba found at the surname that does not end with the name (关于 in 关于深化) rules it out.
  const t = tokenAt.get(p);
  const tokenLen = t ? t.end - t.start : 0;
  let pick: number | null = null;
  // 1) What follows settles it: 周健代表…, 林红玉出席….
  for (const n of lengths) if (FOLLOW.test(text.slice(p + n, end)) && (tokenLen < 2 || tokenLen === n)) pick ??= n;
  // 2) Otherwise jieba's cut: a token that is the whole name, or a word starting right after it.
  if (pick === null && tokenLen >= 2 && lengths.includes(tokenLen)) pick = tokenLen;
  if (pick === null && tokenLen < 2) {
    const after2 = tokenAt.get(p + sur + 1);
    if (lengths.includes(sur + 1) && after2 && after2.end - after2.start >= 2 && !tokenAt.has(p + sur + 2)) pick = sur + 1;
  }
  if (pick === null) return null;
  // 组织部部长和编办主任: a "name" followed by a title is a conjunction and a body, not a person.
  if (TITLE_AFTER.test(text.slice(p + pick, p + pick + 3))) return null;
  const name = text.slice(p, p + pick);
  return plausibleName(name, idf) ? name : null;
}

/** Walk back from a title over 、-joined titles to where the phrase starts; keep the part that is titles. */
function titleChain(text: string, titleStart: number, titleEnd: number, lo: number, tokenEnding: Map<number, Token>): string | null {
  let a = titleStart;
  let i = titleStart;
  while (i > lo && titleEnd - i < 40) {
    const ch = text[i - 1];
    if (ch === '、') {
      i--;
      continue;
    }
    if (!/\p{Script=Han}/u.test(ch)) break;
    const t = tokenEnding.get(i);
    const s = t && t.start >= lo ? t.start : i - 1;
    const word = text.slice(s, i);
    if (CHAIN_STOP.has(word) || CHAIN_STOP_WORDS.has(word)) break;
    i = s;
    a = s;
  }
  // Leading 、 or a first piece that is not a title (会上、…) is not part of it.
  const pieces = text.slice(a, titleEnd).split('、').filter(Boolean);
  while (pieces.length > 1 && !TITLE_END.test(pieces[0])) pieces.shift();
  const title = pieces.join('、');
  return title || null;
}
