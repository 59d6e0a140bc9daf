/**
 * Context rules for the polyphones of news text, applied where no lexicon word or name decided
 * a character. Most rules fire only when segmentation left the character as a word of its own
 * (a one-character token): inside a longer token, the word's reading already decided it.
 * Then the character defaults of assets/lexicons/chars.json apply to what is still free.
 */
import { lexicon } from './lexicon';
import { isAllHan, isHan } from '../text/han';
import type { TokenIndex } from './spans';
import { SOURCE } from './sources';

interface Ctx {
  text: string;
  i: number;
  idx: TokenIndex;
  /** The character k places before (negative k) or after (positive k); '' outside the text. */
  at(k: number): string;
  /** The token before / after the one at i. */
  prevToken(): string;
  nextToken(): string;
  /** Is the character a token of its own? */
  single: boolean;
  /** Is it the first of a two-character token (jieba's 累年, 缝于, 重录: a one-character word glued to the next)? */
  head2: boolean;
}

type Rule = (c: Ctx) => string | null;

const NUMERAL = /[一二两三四五六七八九十百千万几数多每这那哪某此该各0-9０-９]/;
/** Characters of transliterated foreign names (塞尔维亚, 柏林, 德累斯顿). */
const TRANSLIT = new Set([...'斯尔亚维克特德拉洛罗伊奥埃乌萨纳诺莱赫夫兹茨霍迪蒂瓦普浦俄姆勒恩凯何迈豪博耶泽西雷']);
const translitNear = (c: Ctx) => TRANSLIT.has(c.at(-1)) || TRANSLIT.has(c.at(1));
/** Sentence-final: the next character is punctuation, a space or the end. */
const final = (c: Ctx) => !isHan(c.at(1)) && !/[0-9A-Za-z]/.test(c.at(1));

const RULES: Record<string, Rule> = {
  // 地 as the adverbial marker after a manner word: 高兴地说, 扎扎实实地推进, 慢慢地.
  地: (c) => {
    // jieba sometimes glues the marker to a one-character verb: 高兴|地说.
    const glued = c.idx.startAt[c.i] === c.i && c.idx.endAt[c.i] === c.i + 2 && /[说讲问道看想笑走跑做写喊叫点摇哭望答]/.test(c.at(1));
    if (!(c.single || glued) || !isHan(c.at(1))) return null;
    const prev = c.prevToken();
    if (prev.length >= 2 && prev.at(-1) === prev.at(-2)) return 'de';
    if (prev.length >= 2 && isAllHan(prev) && !/[块片这那此该本外两各何空田耕草实基圣产陆土营腹境属等山高洼沙林荒湿盆绿园旱水谷草场住种用坟墓]$/.test(prev)) return 'de';
    return null;
  },
  // 得: 'must' after a subject or adverb (你得抓紧), the complement marker before a degree word.
  得: (c) => {
    if (!c.single) return null;
    const n = c.at(1);
    if (/[很更越非十较太特好快慢多少早晚真那这如格不挺蛮极满比]/.test(n) && isHan(c.at(-1))) return 'de';
    if (/^(?:你|我|他|她|咱|我们|你们|他们|咱们|就|还|也|都|总|可|必|非)$/.test(c.prevToken()) && isHan(n) && !/[了到过知分奖益病出以票胜手罪意失]/.test(n)) return 'děi';
    return null;
  },
  // 为 wéi 'be, become' after 以…, after adverbs of being, before numbers and quotes.
  为: (c) => {
    const p = c.at(-1);
    // 均为, 原为, 贬为 as one token: the verb 'be, become'.
    if (c.idx.endAt[c.i] === c.i + 1 && c.idx.startAt[c.i] === c.i - 1 && /[均皆原即乃实多约仍亦则改更定选视称分划化变成作列转封升降贬立奉誉设拟名译召]/.test(p)) return 'wéi';
    if (!c.single) return null;
    if (p === '）' || p === ')') return 'wéi';
    if (/^(?:了|何|啥|什么|此|着)/.test(c.nextToken())) return 'wèi';
    if (/[均皆原即乃实多约仍亦则改更定选视称分划化变成作列转任命封升降贬立奉誉认设拟名译称]/.test(p) && c.prevToken().length === 1) return 'wéi';
    // After a verb of naming, showing or turning into: 更名为, 确定为, 转化为, 调整为, 显示为, 提拔为.
    if (c.prevToken().length === 2 && /[名称定选列视改分划化变成转封升降贬立誉设译整示拔职]/.test(p)) return 'wéi';
    // …为由 'as the reason': 以涉嫌诈骗为由, 以“信息不全”为由拒绝 (not 为由此 'for what follows from').
    if (c.at(1) === '由' && !/[此于]/.test(c.at(2))) return 'wéi';
    // X为63%, 名称为“…”, 尺寸为 6.2 英寸, 售价为：…, 收益率为负: the copula before a figure, a
    // quoted or Latin name — unless the clause goes on to what is done for someone
    // (为3.2万名特困人员提供服务, 为“兜”住…, 为BB机送终: wèi 'for').
    const after = c.text.slice(c.i + 1, c.i + 4).trimStart();
    if (/^(?:[0-9０-９“《「：:A-Za-z]|[负正零](?![责面担]))/.test(after) && (isHan(p) || p === '）')) {
      const rest = c.text.slice(c.i + 1, c.i + 40).split(/[，。；！？\n]/)[0];
      if (!/提供|服务|开通|办理|解决|带来|创造|打造|营造|搭建|送|争取|赢得|作出|做出|献/.test(rest)) return 'wéi';
    }
    // 以 X 为 Y (以人民为中心): a 以 earlier in the same clause, standing alone.
    for (let k = 1; k <= 16; k++) {
      const ch = c.at(-k);
      if (!isHan(ch)) break;
      if (ch === '以' && c.idx.endAt[c.i - k] === c.i - k + 1 && c.idx.startAt[c.i - k] === c.i - k) return 'wéi';
    }
    return null;
  },
  // 率 shuài 'lead' before whom or what is led; lǜ 'rate' after what is measured.
  率: (c) => {
    if (!c.single) return null;
    const n = c.at(1);
    if (!isHan(n) || /^(?:达|为|是|在|提高|下降|超过|增长|保持|降低|上升|约|仅|高|低|稳定|排名|位居|较|和|与|及|等|的|也|均|已|将|明显|大幅|逐年|同比|首次|连续)/.test(c.nextToken())) {
      return isHan(c.at(-1)) ? 'lǜ' : null;
    }
    return 'shuài';
  },
  种: (c) => {
    if (!c.single) return null;
    if (NUMERAL.test(c.at(-1)) || /[各何某同本]/.test(c.at(-1))) return 'zhǒng';
    if (/[粮菜树草花瓜豆麦稻地田植下上了出好在果药茶棉苗]/.test(c.at(1))) return 'zhòng';
    return null;
  },
  // 教 jiāo 'teach someone' before the one taught.
  教: (c) => (c.single && /^(?:我|你|他|她|它|们|我们|你们|他们|她们|孩子|孩子们|学生|大家|群众|村民|人|给|会|书|课)/.test(c.nextToken()) ? 'jiāo' : null),
  // 应 yīng, the modal 'should', before a verb: 应保尽保, 应予, 应当.
  应: (c) => {
    // 应保尽保, 应收尽收: 'should … all that should'.
    if (c.at(2) === '尽' && c.at(3) === c.at(1)) return 'yīng';
    // An adverb glued to the modal by jieba: 还应, 也应, 更应.
    if (c.idx.startAt[c.i] === c.i - 1 && c.idx.endAt[c.i] === c.i + 1 && /[还也更仍则亦均都并]/.test(c.at(-1)) && isHan(c.at(1))) return 'yīng';
    return c.single && isHan(c.at(1)) && !/[邀聘征战诊验声运时景付酬变急对用届]/.test(c.at(1)) ? 'yīng' : null;
  },
  供: (c) => {
    // A confession: 逼供, 诱供, 翻供 (words CC-CEDICT may lack, read with gōng's default otherwise).
    if (c.idx.startAt[c.i] === c.i - 1 && c.idx.endAt[c.i] === c.i + 1 && /[逼诱口招翻串]/.test(c.at(-1))) return 'gòng';
    return c.single && (/[人游读参选使学市群居乘旅给应需电水暖热气货销0-9]/.test(c.at(1)) || c.at(-1) === '可') ? 'gōng' : null;
  },
  给: (c) => (c.single && c.at(1) === '予' ? 'jǐ' : null),
  // 量 liàng 'amount' after what is counted (发车量, 计算量); liáng 'measure' before its object.
  量: (c) => {
    if (!c.single || !isHan(c.at(-1))) return null;
    if (/[体身血尺一了过好出]/.test(c.at(1))) return null;
    return 'liàng';
  },
  // 只 zhī is the classifier after a numeral or demonstrative; elsewhere the adverb zhǐ 'only'.
  // jieba keeps 一只, 两只 as words: the classifier after its numeral all the same.
  只: (c) => {
    if (c.idx.startAt[c.i] === c.i - 1 && c.idx.endAt[c.i] === c.i + 1 && /[一两二三四五六七八九十几每]/.test(c.at(-1))) return 'zhī';
    return c.single ? (NUMERAL.test(c.at(-1)) ? 'zhī' : 'zhǐ') : null;
  },
  钉: (c) => (/[在上住入进牢死了于十着]/.test(c.at(1)) ? 'dìng' : null),
  血: (c) => (c.single && /[点了滴淌]/.test(c.at(-1)) ? 'xiě' : null),
  还: (c) => (c.single && /^(?:给|清|款|贷|债|账|钱|本金|利息)/.test(c.nextToken()) ? 'huán' : null),
  // 重 chóng 're-' before a one-character verb: 重回, 重录, 重走.
  重: (c) => {
    const V = /^(?:回|返|启|建|修|温|申|组|聚|现|逢|演|走|获|燃|写|做|拍|整|塑|振|播|印|排|审|选|开|设|订|签|归|录|画|刷|铸)$/;
    return (c.single && V.test(c.nextToken())) || (c.head2 && V.test(c.at(1))) ? 'chóng' : null;
  },
  处: (c) => (c.single && NUMERAL.test(c.at(-1)) ? 'chù' : null),
  累: (c) => {
    if (TRANSLIT.has(c.at(-1)) && TRANSLIT.has(c.at(1))) return 'léi';
    return /[迁年次世代计积犯加进日月转官任]/.test(c.at(1)) && (c.single || c.head2) ? 'lěi' : null;
  },
  藏: (c) =>
    /[族语文区医药戏传獒历羚袍胞军兵民汉香青式王]/.test(c.at(1)) || /[西驻入援进涉卫康]/.test(c.at(-1)) ? 'zàng' : null,
  塞: (c) => (translitNear(c) ? 'sài' : null),
  柏: (c) => (TRANSLIT.has(c.at(1)) || c.at(1) === '林' ? 'bó' : null),
  咳: (c) => (!isHan(c.at(-1)) && /[，！,!…]/.test(c.at(1)) ? 'hāi' : null),
  // Sentence-final particles are toneless; 哩 inside a word or after a figure (20哩) is the mile
  // or a transliteration.
  哩: (c) => (final(c) && !/[0-9０-９一二两三四五六七八九十百千万几]/.test(c.at(-1)) ? 'li' : 'lǐ'),
  哟: (c) => (final(c) ? 'yo' : null),
  啦: (c) => (final(c) ? 'la' : null),
  哦: (c) => (final(c) && isHan(c.at(-1)) ? 'o' : null),
  啊: (c) => (final(c) && isHan(c.at(-1)) ? 'a' : null),
  // 弄 lòng 'lane': 593弄, 王家弄.
  // 茜 xī ends transliterated women's names (南茜 Nancy, 露茜 Lucy, 茜茜); qiàn is the madder plant.
  茜: (c) => (c.at(1) === '·' || c.at(1) === '茜' || c.at(-1) === '茜' || /[南露黛凯佩蜜里]/.test(c.at(-1)) || TRANSLIT.has(c.at(-1)) ? 'xī' : null),
  // 鬲 is the tripod vessel lì (chars.json); gé as a clan or place: 有鬲氏, 鬲县.
  鬲: (c) => (/[氏县城津]/.test(c.at(1)) ? 'gé' : null),
  弄: (c) => (/[0-9０-９]/.test(c.at(-1)) || (c.single && c.at(-1) === '家') ? 'lòng' : null),
  // A khan after a Mongolian or Turkic name: 拉藏汗, 伊什木汗.
  汗: (c) => (/[尔图木思藏克台吉达]/.test(c.at(-1)) && !/[水流珠毛腺液衫颜津马]/.test(c.at(1)) ? 'hán' : null),
  // 了当 is jieba's 直截了当 glued over 了|当今, 了|当地.
  当: (c) => (c.at(-1) === '了' && c.idx.startAt[c.i] === c.i - 1 && c.at(-2) !== '截' && isHan(c.at(1)) ? 'dāng' : null),
  缝: (c) => ((c.single || c.head2) && /[好于衣补上在制合纫起了进针]/.test(c.at(1)) ? 'féng' : null),
  // 的 and 和 as words of their own are the particle and the conjunction; pinyin-pro, reading the
  // sentence, can join them across a word boundary (项目|的 as 目的 dì, 疲软|和 as 软和 huo).
  的: (c) => (c.single ? 'de' : null),
  和: (c) => (c.single ? 'hé' : null),
  // A one-character 了 after a verb is the particle; liǎo only in V不了, V得了 (受不了) and words.
  了: (c) => (c.single && !/[不得]/.test(c.at(-1)) ? 'le' : null),
  // 晕 yùn 'halo' as a noun: 月晕, 暗物质的晕, 晕轮.
  晕: (c) => (/[的冰光日月]/.test(c.at(-1)) && c.single) || /[轮圈里内]/.test(c.at(1)) || /^周围/.test(c.text.slice(c.i + 1, c.i + 3)) ? 'yùn' : null,
  // 铺 pū 'lay, pave' before its result or object; pù is the shop (店铺, words).
  铺: (c) => ((c.single || c.head2) && /[上通设开平满路好成展垫在]/.test(c.at(1)) ? 'pū' : null),
  // 闷 mèn 'gloomy' after a word of feeling; mēn 'stuffy' is in its words (闷热).
  闷: (c) => (/[愤迷愁忧心烦苦郁]/.test(c.at(-1)) ? 'mèn' : null),
  // 涌 chōng: a Cantonese river branch in place names (鸭涌河, 凤安涌两岸).
  涌: (c) => (/^(?:河|两岸)/.test(c.text.slice(c.i + 1, c.i + 3)) && c.at(-1) !== '汹' ? 'chōng' : null),
  // 擂 léi 'pound, beat' (擂鼓, 擂石); lèi only with the platform: 擂台, 打擂, 守擂.
  擂: (c) => (c.at(1) === '台' || c.at(1) === '主' || /[打攻守摆]/.test(c.at(-1)) ? 'lèi' : 'léi'),
  炸: (c) => (/[广鸡鱼酱串丸薯糕至熟]/.test(c.at(1)) || /[续油煎干清酥香]/.test(c.at(-1)) ? 'zhá' : null),
  撒: (c) => (c.single && /[上在到入落于满下向遍]/.test(c.at(1)) ? 'sǎ' : null),
  劲: (c) => (/[风强刚遒苍加]/.test(c.at(-1)) && c.idx.startAt[c.i] !== c.i - 1 ? 'jìng' : null),
  吧: (c) => (/[书酒网贴水氧茶陶话迪]/.test(c.at(-1)) ? 'bā' : final(c) && c.single ? 'ba' : null),
  // 缪 in transliterations (巴托洛缪, 朗缪尔) is miù; 朴 in them (朴茨茅斯) and inside given names is pǔ.
  缪: (c) => (translitNear(c) ? 'miù' : null),
  朴: (c) => (TRANSLIT.has(c.at(1)) || (c.idx.startAt[c.i] < c.i && isHan(c.at(-1))) ? 'pǔ' : null),
};

/** Rules, then character defaults, where nothing locked a reading; `source` notes which decided. */
export function applyRules(text: string, out: string[], locked: Uint8Array, idx: TokenIndex, source?: Uint8Array): void {
  const defaults = lexicon().charDefaults;
  let ctx: Ctx | null = null;
  for (let i = 0; i < text.length; i++) {
    if (!out[i] || locked[i]) continue;
    const ch = text[i];
    const rule = RULES[ch];
    if (rule) {
      ctx ??= makeCtx(text, idx);
      ctx.i = i;
      ctx.single = idx.startAt[i] === i && idx.endAt[i] === i + 1;
      ctx.head2 = idx.startAt[i] === i && idx.endAt[i] === i + 2;
      const r = rule(ctx);
      if (r) {
        out[i] = r;
        if (source) source[i] = SOURCE.rule;
        continue;
      }
    }
    const d = defaults.get(ch);
    if (d) {
      out[i] = d;
      if (source) source[i] = SOURCE.default;
    }
  }
}

function makeCtx(text: string, idx: TokenIndex): Ctx {
  const c: Ctx = {
    text,
    i: 0,
    idx,
    single: false,
    head2: false,
    at: (k) => text[c.i + k] ?? '',
    prevToken: () => {
      const s = idx.startAt[c.i];
      if (s === 0) return '';
      return text.slice(idx.startAt[s - 1], s);
    },
    nextToken: () => {
      const e = idx.endAt[c.i];
      if (e >= text.length) return '';
      return text.slice(e, idx.endAt[e]);
    },
  };
  return c;
}
