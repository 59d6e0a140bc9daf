/**
 * Dates as written: 3月1日下午, 2023年11月, 2024年, 1月19日, 大年初六. A bare year needs four
 * digits (三年 is a duration); a day needs its month.
 */

const CN = '〇零一二三四五六七八九十';
const DATE_RE = new RegExp(
  [
    // 2023年11月5日下午 / 3月1日 / 2023年 / 二〇二四年三月
    `(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年)?(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月)(?:(?:3[01]|[12]\\d|0?[1-9]|[${CN}]{1,3})\\s*[日号])?(?:上午|下午|晚上|晚间|凌晨|早上|中午|傍晚|晚)?`,
    `(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年(?!代|度?[\\d${CN}]*[个多])`,
    // Lunar dates: 大年初六, 正月十五
    `(?:大年|正月)(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十)`,
  ].join('|'),
  'gu',
);

export interface DateMention {
  text: string;
  start: number;
  end: number;
}

export function datesIn(text: string, start: number, end: number): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.slice(start, end).matchAll(DATE_RE)) {
    const at = start + (m.index ?? 0);
    // Part of a longer number (12023年) or a quantity (3个月 is not matched: 个 breaks it).
    if (/\d/.test(text[at - 1] ?? '')) continue;
    const year = /^(\d{4})/.exec(m[0])?.[1];
    if (year && (+year < 1900 || +year > 2100)) continue;
    out.push({ text: m[0].replace(/\s+/g, ''), start: at, end: at + m[0].length });
  }
  return out;
}

export function uniqueDates(dates: DateMention[]): string[] {
  return [...new Set(dates.map((d) => d.text))];
}
