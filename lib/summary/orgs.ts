/**
 * Organisations: a body-type suffix (局, 厅, 有限公司, 中学, 医院 …) and the name before it, read
 * back word by word while the words are name-like: a place, an administrative prefix (市/县/省),
 * a department word (教育, 民政), or a rare word (麦乐宝, 东宏, 郭里 — rare by jieba's IDF).
 * A government body needs a place or an administrative prefix (市教育局, 嘉祥县民政局); any other
 * body needs a place or a rare word in its name, so 优质学校 and 玩具开发公司 are not names.
 */
import type { Token } from '../segment/segmenter';
import { isAllHan } from '../text/han';
import type { IdfTable } from './idf';
import { ADMIN_SUFFIXES, PLACE_NAMES } from './lexicon';

export interface Organisation {
  name: string;
  start: number;
  end: number;
}

const GOV = ['人民政府', '政府', '党委', '委员会', '办公室', '管委会', '局', '厅', '委', '办', '部', '署', '法院', '检察院'];
const OTHER = ['股份有限公司', '有限责任公司', '有限公司', '集团', '银行', '公司', '合作社', '协会', '商会', '大学', '学院', '中学', '小学', '幼儿园', '学校', '医院', '卫生院', '研究院', '研究所'];
const SUFFIX_RE = new RegExp(`(?:${[...GOV, ...OTHER].sort((a, b) => b.length - a.length).join('|')})`, 'gu');
// Suffixes that may follow a place with nothing between (县人民政府 has 人民, but 孟姑集镇医院 has none).
const BARE_OK = new Set(['人民政府', '政府', '党委', '医院', '卫生院']);
const ADMIN_CHAR = /^[省市县区镇乡]$/u;
const DEPARTMENT = new Set('人民 交通 科技 机械 股份 实验 第一 第二 师范 职业 技术 农业 农村 建设 发展 投资 控股 电力 能源 化工 医药 中医 妇幼 保健 教育 民政 卫生 健康 卫生健康 公安 财政 人力资源 社会保障 自然资源 生态环境 住房 城乡 城乡建设 交通运输 水利 商务 文化 旅游 文化和旅游 体育 统计 医疗 医疗保障 保障 医保 市场 监管 市场监管 市场监督管理 应急 应急管理 行政审批 大数据 组织 统战 宣传 政法 纪委 监委 发展改革 发改 工业 信息化 工业和信息化 科学技术 司法 审计 退役军人 事务 国资 外事 侨务 残联 编办 编制 人民医院 教体 教育和体育'.split(' '));
const STOP = new Set(['的', '了', '由', '在', '和', '与', '及', '同', '向', '对', '为', '是', '有', '经', '据', '把', '被', '将', '让', '给', '从', '到', '等', '并', '也', '该', '各', '这', '那', '其', '我', '本', '全', '每']);

export function orgsIn(text: string, start: number, end: number, tokens: ReadonlyArray<Token>, idf: IdfTable | null): Organisation[] {
  const inSpan = tokens.filter((t) => t.start >= start && t.end <= end);
  const ending = new Map<number, Token>();
  const ends = new Set<number>();
  for (const t of inSpan) {
    ending.set(t.end, t);
    ends.add(t.end);
  }
  const starts = new Set(inSpan.map((t) => t.start));
  const rare = (w: string) => w.length >= 2 && (idf ? !idf.isStop(w) && idf.idf(w) >= 10 : true);
  const isPlace = (w: string) => PLACE_NAMES.has(w) || (w.length >= 3 && ADMIN_SUFFIXES.some((s) => w.endsWith(s)) && !STOP.has(w[0]));
  const out: Organisation[] = [];
  const span = text.slice(start, end);
  for (const m of span.matchAll(SUFFIX_RE)) {
    const sStart = start + (m.index ?? 0);
    const sEnd = sStart + m[0].length;
    // The suffix must end a word (局 of 局面, 部 of 部署, 办 of 办理 are not bodies).
    if (tokens.length && !ends.has(sEnd)) continue;
    const gov = GOV.includes(m[0]);
    // Read back, word by word.
    let a = sStart;
    let hasPlace = false;
    let hasRare = false;
    let hasAdmin = false;
    let body = 0;
    if (tokens.length && !starts.has(sStart)) {
      // The suffix is the end of a longer word: 教育局 is fine, 常委 and 中小学 are not bodies.
      const t = ending.get(sEnd);
      if (!t || t.start >= sStart) continue;
      const head = text.slice(t.start, sStart);
      if (!DEPARTMENT.has(head) && !rare(head)) continue;
      hasRare = !DEPARTMENT.has(head);
      body = 1;
      a = t.start;
    }
    while (a > start && sEnd - a < 24) {
      const t = ending.get(a);
      const w = t ? text.slice(t.start, t.end) : text[a - 1];
      const from = t ? t.start : a - 1;
      if (!isAllHan(w) || STOP.has(w)) break;
      if (ADMIN_CHAR.test(w)) {
        a = from;
        hasAdmin = true;
        break; // 市教育局: the prefix opens the name.
      }
      if (isPlace(w)) {
        a = from;
        hasPlace = true;
        continue;
      }
      if (hasPlace) break; // a place opens the name; what comes before it is not part of it
      if (DEPARTMENT.has(w)) body++;
      else if (rare(w) || (w.length === 1 && hasRare)) {
        body++;
        hasRare = true;
      } else break;
      a = from;
    }
    if (a === sStart) continue;
    const bare = body === 0;
    if (bare && !BARE_OK.has(m[0])) continue;
    if (gov ? !(hasAdmin || hasPlace) : !(hasPlace || hasRare || (hasAdmin && body > 0))) continue;
    // 这所学校, 该公司: a demonstrative is no name; “百强中学” in quotes is a label, not a body.
    if (/^[这那该此其各每本我]/.test(text[a]) || (text[a - 1] === '“' && text[sEnd] === '”')) continue;
    // A bare 公司 needs a place in its name (山东…公司); 大年初六公司 is a time and a company.
    if (m[0] === '公司' && !hasPlace) continue;
    out.push({ name: text.slice(a, sEnd), start: a, end: sEnd });
  }
  // Longest first, no overlaps.
  out.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: Organisation[] = [];
  for (const o of out) if (!kept.some((k) => o.start < k.end && k.start < o.end)) kept.push(o);
  return kept.sort((x, y) => x.start - y.start);
}

export function uniqueNames(items: Array<{ name: string }>): string[] {
  return [...new Set(items.map((i) => i.name))];
}
