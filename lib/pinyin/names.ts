/**
 * People's names found from context, so that their surnames read as surnames (单 shàn, 解 xiè,
 * 查 zhā …): after a title (市委书记林红玉, 记者 宋仪凯), in bylines (■本报记者 鲍童 本报通讯员
 * 雷夫幸), in source leads (本报济宁讯（记者 X）), in lists after a found name (霍媛媛、王宏伟),
 * and again wherever a found name recurs as a token. A name starts with a known surname.
 */
import { lexicon } from './lexicon';
import { indexTokens, isHanAt, type Span, type TokenIndex } from './spans';

export interface FoundName {
  start: number;
  end: number;
  name: string;
  /** The surname part (one or two characters). */
  surname: string;
  /** The title or byline word that revealed it (null for a recurrence or a list item). */
  title: string | null;
}

/** Titles after which a name follows directly. Longer ones first inside the alternation. */
const TITLES = [
  '市委书记', '县委书记', '区委书记', '省委书记', '党委书记', '党组书记', '总书记', '副书记', '书记',
  '副市长', '市长', '副县长', '县长', '副区长', '区长', '副省长', '省长', '镇长', '乡长', '村长', '街道主任',
  '局长', '副局长', '处长', '科长', '厅长', '部长', '主任', '副主任', '主席', '副主席', '总理', '委员长', '常委',
  '董事长', '总经理', '副总经理', '经理', '总裁', '校长', '院长', '所长', '站长', '队长', '馆长', '社长', '行长',
  '主编', '教授', '研究员', '工程师', '医生', '医师', '护士长', '律师', '法官', '检察官', '警官', '民警', '老师',
  '记者', '通讯员', '实习生', '特约记者', '负责人', '村民', '居民', '市民', '农民', '党员', '代表', '委员', '领导',
  '市领导', '县领导', '区领导', '省领导', '大使', '发言人', '总监', '董事', '会长', '秘书长', '理事长', '指导员',
  '支部书记', '村支书', '网格员', '志愿者', '同学', '选手', '运动员', '演员', '导演', '作家', '画家', '专家',
];
const TITLE_SET = new Set(TITLES);
/** People nouns, not titles: a name after them must end where names end (村民解长青说). */
const WEAK_TITLES = new Set(['负责人', '村民', '居民', '市民', '农民', '党员', '代表', '委员', '领导', '大使', '志愿者', '同学', '选手', '运动员', '演员', '作家', '画家', '专家', '网格员', '董事', '常委']);
const NAME_END = /^(?:[，。、：；！？“”（）\s]|说|表示|介绍|告诉|坦言|笑|回忆|感慨|认为|指出|强调|谈到|称|等|也|家|今年|已|正|一直|是)/;
const TITLE_RE = new RegExp(`(?:${[...TITLES].sort((a, b) => b.length - a.length).join('|')})`, 'g');

/** Words that follow a name and are not part of it (a 2-char name is kept short before them). */
const AFTER_NAME = /^(?:出席|主持|表示|说|指出|强调|介绍|在|和|与|及|等|到|对|带领|率|参加|讲话|同志|先生|女士|一行|代表|陪同|会见|调研|检查|视察|看望|认为|称|告诉|提出|要求|也|是|的|就|为|向|来|去|说道|透露|坦言|笑着|回忆|正在|已|又|还|都|将|当选|担任|任|摄|报道|主任|书记)/;
/** Characters that cannot be the last of a given name in news text (particles, verbs above). */
const NOT_IN_NAME = /[的了着是在和与及等说、，。；：！？“”（）《》\s]/;

/** The surname a name starts with (compound first), or null. */
function surnameOf(name: string): string | null {
  const lex = lexicon();
  if (lex.compoundSurnames.has(name.slice(0, 2)) && name.length > 2) return name.slice(0, 2);
  // In a byline every name starts with a surname, common or not (安晓明, 干宝); an astral
  // (surrogate-pair) surname is left out: too rare to be worth the offset arithmetic.
  return /[\ud800-\udfff]/.test(name[0]) ? null : name[0];
}

/** Words a title is often followed by that are not names, though they start with a surname. */
const NOT_NAME_START = /^(?:关于|对于|和|与|及|同志|同时|同样|在|对|向|从|将|把|被|为|以及|陪同|一行|主持|出席|强调|指出|表示|介绍|认为|说|等|是|也|都|还|就|又|并|分别|先后|共同|一起|代表|要|应|会|上|下|中|们|班子|成员|职务|岗位|任上|期间|身份|名义|黄金)/;

function nameAt(text: string, p: number, idx: TokenIndex): { end: number; surname: string } | null {
  const lex = lexicon();
  if (!isHanAt(text, p) || NOT_NAME_START.test(text.slice(p, p + 4))) return null;
  const two = text.slice(p, p + 2);
  const compound = lex.compoundSurnames.has(two);
  const sLen = compound ? 2 : 1;
  if (!compound && !lex.commonSurnames.has(text[p])) return null;
  if (!compound && lex.notNames.has(two)) return null;
  const g = p + sLen; // the given name starts here: one or two Han characters
  const ok = (i: number) => i < text.length && isHanAt(text, i) && !NOT_IN_NAME.test(text[i]);
  if (!ok(g) || AFTER_NAME.test(text.slice(g, g + 3))) return null;
  // A second given-name character unless a word that follows names starts there (周健|代表),
  // or segmentation ends a two-character name before a word of two or more (周健|代表团).
  let end = g + 2;
  if (!ok(g + 1) || AFTER_NAME.test(text.slice(g + 1, g + 4))) end = g + 1;
  else if (idx.startAt[p] === p && idx.endAt[p] === g + 1 && idx.endAt[g + 1] - (g + 1) >= 2) end = g + 1;
  return { end, surname: text.slice(p, p + sLen) };
}

export function findNames(text: string, tokens?: readonly Span[]): FoundName[] {
  const idx = indexTokens(text, tokens ?? []);
  const found = new Map<number, FoundName>();
  const add = (start: number, end: number, surname: string, title: string | null) => {
    if (found.has(start)) return;
    for (const f of found.values()) if (start < f.end && end > f.start) return;
    found.set(start, { start, end, name: text.slice(start, end), surname, title });
  };

  // 1. After a title, possibly past spaces: 市委书记林红玉, 记者 宋仪凯.
  for (const m of text.matchAll(TITLE_RE)) {
    const title = m[0];
    let p = m.index! + title.length;
    // The title must end its token (记者站 is no title); jieba may glue a title to the name.
    if (idx.endAt[p - 1] !== p && idx.startAt[p] !== p && !TITLE_SET.has(text.slice(idx.startAt[p - 1], p))) continue;
    while (p < text.length && (text[p] === ' ' || text[p] === '\u3000')) p++;
    const n = nameAt(text, p, idx);
    if (!n) continue;
    if (WEAK_TITLES.has(title) && !NAME_END.test(text.slice(n.end, n.end + 2))) continue;
    add(p, n.end, n.surname, title);
    // A list after it: 市领导霍媛媛、王宏伟、陈成华.
    let q = n.end;
    while (text[q] === '、') {
      const next = nameAt(text, q + 1, idx);
      if (!next) break;
      add(q + 1, next.end, next.surname, null);
      q = next.end;
    }
  }

  // 2. Bylines and source leads: names separated by spaces after 记者/通讯员, or a bare ■Name line.
  const bylineRe = /(?:记者|通讯员|实习生|摄影|■)[ \u3000]*((?:[\p{Script=Han}·]{2,4}(?:[ \u3000]+|(?=[）)\n]|$|摄)))+)/gu;
  for (const m of text.matchAll(bylineRe)) {
    let p = m.index! + m[0].length - m[1].length;
    for (const part of m[1].split(/[ \u3000]+/)) {
      const at = text.indexOf(part, p);
      p = at + part.length;
      if (!part || /本报|记者|通讯员|摄/.test(part) || part.length > 4) continue;
      const surname = surnameOf(part);
      if (surname) add(at, at + part.length, surname, /记者|通讯员|实习生|摄影/.exec(m[0])?.[0] ?? null);
    }
  }

  // 3. Recurrences of a found name where it stands as a token (or tokens) of its own.
  const names = new Set([...found.values()].map((f) => f.name));
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (found.has(at) || idx.startAt[at] !== at) continue;
      const end = at + name.length;
      if (idx.endAt[end - 1] !== end && !(end === text.length || !isHanAt(text, end))) continue;
      const first = [...found.values()].find((f) => f.name === name)!;
      add(at, end, first.surname, null);
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
