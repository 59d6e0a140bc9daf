// "My words": saving (one record per word), merging an import, search and sort, the sentence a
// word stood in, and the exports (Anki TSV, CSV, JSON) with the JSON read back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frequency, type SavedWord, type WordDraft } from '../../lib/words/record';
import { capSeen, mergeImported, noteMet, removeWords, saveDrafts, SEEN_PAGES } from '../../lib/words/merge';
import { countSaved } from '../../lib/words/met';
import { searchWords, sortWords } from '../../lib/words/query';
import { sentenceAround } from '../../lib/words/sentence';
import { markedSentence, parseWordsJson, wordsCsv, wordsJson, wordsTsv } from '../../lib/words/export';
import { WordStore } from '../../lib/words/store';

const term: WordDraft = {
  word: '两个确立',
  pinyin: 'liǎng gè què lì',
  english: 'Two Establishments',
  source: 'glossary',
  termId: 'liangge-queli',
  category: 'formulas',
  sentence: '以实际行动拥护“两个确立”、做到“两个维护”。',
  title: '济宁日报',
  url: 'https://www.jndaily.com/a.html',
  count: 2,
};
const word: WordDraft = {
  word: '出席',
  pinyin: 'chū xí',
  english: 'to attend; to participate; present',
  source: 'dictionary',
  sentence: '市委书记林红玉出席会议并讲话，强调要深入学习。',
  title: '济宁日报',
  url: 'https://www.jndaily.com/a.html',
  count: 3,
};

describe('saving words', () => {
  it('adds a new word with its dates, site and count', () => {
    const r = saveDrafts([], [term], '2026-03-01T08:00:00.000Z');
    expect(r).toMatchObject({ added: 1, updated: 0 });
    expect(r.words).toEqual([
      {
        word: '两个确立', pinyin: 'liǎng gè què lì', english: 'Two Establishments', source: 'glossary', termId: 'liangge-queli', category: 'formulas',
        sentence: term.sentence, title: '济宁日报', url: term.url, site: 'www.jndaily.com',
        added: '2026-03-01T08:00:00.000Z', updated: '2026-03-01T08:00:00.000Z', seen: { [term.url]: 2 },
      },
    ]);
  });

  it('saving twice updates the record, never duplicates it; counts are per page', () => {
    const one = saveDrafts([], [term, word], '2026-03-01T08:00:00.000Z').words;
    const again = saveDrafts(one, [{ ...word, sentence: '于永生出席。', title: '另一页', url: 'https://example.cn/b', count: 1 }], '2026-03-02T08:00:00.000Z');
    expect(again).toMatchObject({ added: 0, updated: 1 });
    expect(again.words.map((w) => w.word)).toEqual(['两个确立', '出席']);
    const w = again.words[1];
    expect(w).toMatchObject({ sentence: '于永生出席。', title: '另一页', site: 'example.cn', added: '2026-03-01T08:00:00.000Z', updated: '2026-03-02T08:00:00.000Z' });
    expect(w.seen).toEqual({ [word.url]: 3, 'https://example.cn/b': 1 });
    expect(frequency(w)).toBe(4);
    // The same page again: its count is replaced, not added.
    const third = saveDrafts(again.words, [{ ...word, count: 3 }], '2026-03-03T08:00:00.000Z');
    expect(frequency(third.words[1])).toBe(4);
  });

  it('a glossary explanation is kept when the same characters are saved as a dictionary word', () => {
    const one = saveDrafts([], [term], '2026-03-01T08:00:00.000Z').words;
    const r = saveDrafts(one, [{ ...term, source: 'dictionary', english: 'two (things) established', termId: undefined, category: undefined, sentence: '另一句。' }], '2026-03-02T08:00:00.000Z');
    expect(r.words[0]).toMatchObject({ english: 'Two Establishments', source: 'glossary', termId: 'liangge-queli', category: 'formulas', sentence: '另一句。' });
    // A dictionary word saved later from a glossary card takes the glossary's explanation.
    const w = saveDrafts([], [word], '2026-03-01T08:00:00.000Z').words;
    const up = saveDrafts(w, [{ ...word, source: 'glossary', english: 'attend (glossary)', category: 'party' }], '2026-03-02T08:00:00.000Z');
    expect(up.words[0]).toMatchObject({ english: 'attend (glossary)', source: 'glossary', category: 'party' });
  });

  it('skips a blank word, trims one with spaces, and counts at least 1', () => {
    const r = saveDrafts([], [{ ...word, word: '  ' }, { ...word, word: ' 出席 ', count: 0 }], '2026-03-01T08:00:00.000Z');
    expect(r.words.map((w) => [w.word, frequency(w)])).toEqual([['出席', 1]]);
  });

  it('removes words by word', () => {
    const list = saveDrafts([], [term, word], '2026-03-01T08:00:00.000Z').words;
    expect(removeWords(list, ['出席', '不在']).map((w) => w.word)).toEqual(['两个确立']);
  });
});

describe('times met in what the reader reads', () => {
  const list = saveDrafts([], [term, word], '2026-03-01T08:00:00.000Z').words;

  it('counts saved words in a page\'s texts, overlapping words each, across texts', () => {
    expect(countSaved(['高质量发展，推动发展。', '发展'], ['发展', '高质量发展', '不在', '', '发展'])).toEqual({ 发展: 3, 高质量发展: 1 });
    expect(countSaved(['文本'], [])).toEqual({});
  });

  it('a page that has saved words adds its counts; the last-save date stays', () => {
    const r = noteMet(list, 'https://other.cn/p', { 出席: 4, 不在: 2 });
    expect(r.updated).toBe(1);
    expect(r.words[0]).toBe(list[0]); // untouched
    expect(r.words[1].seen).toEqual({ [word.url]: 3, 'https://other.cn/p': 4 });
    expect(frequency(r.words[1])).toBe(7);
    expect(r.words[1].updated).toBe('2026-03-01T08:00:00.000Z');
    // The same page opened again: the same count, no change.
    expect(noteMet(r.words, 'https://other.cn/p', { 出席: 4 }).updated).toBe(0);
  });

  it('keeps the last pages one by one and sums older ones, so a record stays small', () => {
    let seen: Record<string, number> = {};
    for (let i = 0; i < SEEN_PAGES + 5; i++) seen = capSeen({ ...seen, [`https://a.cn/${i}`]: 2 });
    expect(Object.keys(seen)).toHaveLength(SEEN_PAGES + 1);
    expect(seen['']).toBe(10);
    expect(seen['https://a.cn/4']).toBeUndefined();
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(2 * (SEEN_PAGES + 5));
    // A page met again becomes the newest: it is not the next to be summed.
    const first = saveDrafts([], [{ ...word, url: 'https://a.cn/first' }], '2026-03-01T08:00:00.000Z').words;
    let w = first;
    for (let i = 0; i < SEEN_PAGES - 1; i++) w = noteMet(w, `https://b.cn/${i}`, { 出席: 1 }).words;
    w = noteMet(w, 'https://a.cn/first', { 出席: 5 }).words;
    w = noteMet(w, 'https://b.cn/new', { 出席: 1 }).words;
    expect(w[0].seen['https://a.cn/first']).toBe(5);
    expect(w[0].seen['']).toBe(1);
  });
});

describe('the store', () => {
  it('runs changes one after another: two saves at once keep both words', async () => {
    let stored: SavedWord[] = [];
    let writes = 0;
    const store = new WordStore(
      {
        // A slow storage: without the queue the second save would read the list before the first wrote it.
        get: async () => (await new Promise((r) => setTimeout(r, 5)), structuredClone(stored)),
        set: async (w) => void ((stored = structuredClone(w)), writes++),
      },
      () => '2026-03-01T08:00:00.000Z',
    );
    const [a, b] = await Promise.all([store.save([term]), store.save([word])]);
    expect(a).toEqual({ added: 1, updated: 0, removed: 0, total: 1 });
    expect(b).toEqual({ added: 1, updated: 0, removed: 0, total: 2 });
    expect(stored.map((w) => w.word)).toEqual(['两个确立', '出席']);
    expect(await store.remove(['两个确立'])).toEqual({ added: 0, updated: 0, removed: 1, total: 1 });
    expect(await store.remove(['两个确立'])).toEqual({ added: 0, updated: 0, removed: 0, total: 1 });
    expect(await store.met('https://x.cn/', { 出席: 2, 两个确立: 1 })).toEqual({ added: 0, updated: 1, removed: 0, total: 1 });
    expect(frequency(stored[0])).toBe(5);
    expect(writes).toBe(4); // a change that changes nothing is not written
  });

  it('keeps working after a failed write', async () => {
    let fail = true;
    let stored: SavedWord[] = [];
    const store = new WordStore({ get: async () => stored, set: async (w) => { if (fail) throw new Error('quota'); stored = w; } });
    await expect(store.save([term])).rejects.toThrow('quota');
    fail = false;
    expect((await store.save([word])).total).toBe(1);
  });
});

describe('import', () => {
  const old = saveDrafts([], [term, word], '2026-03-01T08:00:00.000Z').words;

  it('reads its own JSON export back, unchanged', () => {
    const back = parseWordsJson(wordsJson(old, '2026-03-05T00:00:00.000Z'));
    expect(back).toEqual({ words: old, skipped: 0 });
  });

  it('merges by word: new words added, the newer record wins, first date and page counts kept', () => {
    const newer = { ...old[1], english: 'to attend', sentence: '新句子。', added: '2026-03-04T00:00:00.000Z', updated: '2026-03-04T00:00:00.000Z', seen: { 'https://b.cn/': 2, [word.url]: 1 } };
    const fresh = { ...old[0], word: '新质生产力', updated: '2026-02-01T00:00:00.000Z' };
    const r = mergeImported(old, [newer, fresh]);
    expect(r).toMatchObject({ added: 1, updated: 1 });
    expect(r.words.map((w) => w.word)).toEqual(['两个确立', '出席', '新质生产力']);
    expect(r.words[1]).toMatchObject({ english: 'to attend', sentence: '新句子。', added: '2026-03-01T08:00:00.000Z', updated: '2026-03-04T00:00:00.000Z' });
    expect(r.words[1].seen).toEqual({ [word.url]: 3, 'https://b.cn/': 2 });
    // An older imported record does not overwrite a newer one.
    const stale = mergeImported(old, [{ ...old[0], english: 'stale', updated: '2020-01-01T00:00:00.000Z', added: '2020-01-01T00:00:00.000Z' }]);
    expect(stale.words[0]).toMatchObject({ english: 'Two Establishments', added: '2020-01-01T00:00:00.000Z' });
  });

  it('accepts a bare array, fills missing fields, skips what is not a word and repeats', () => {
    const r = parseWordsJson(JSON.stringify([{ word: '出席', url: 'https://a.cn/x', added: '2026-01-02' }, { word: '' }, 5, { word: '出席' }, { pinyin: 'x' }]));
    expect(r.skipped).toBe(4);
    expect(r.words).toEqual([
      { word: '出席', pinyin: '', english: '', source: 'dictionary', sentence: '', title: '', url: 'https://a.cn/x', site: 'a.cn', added: '2026-01-02T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z', seen: { 'https://a.cn/x': 1 } },
    ]);
  });

  it('refuses text that is not a Dubao word list', () => {
    expect(() => parseWordsJson('{')).toThrow('not JSON');
    expect(() => parseWordsJson('{"words": 3}')).toThrow('not a Dubao word list');
    expect(() => parseWordsJson('{"format": "other", "words": []}')).toThrow('not a Dubao word list');
  });
});

describe('search and sort', () => {
  const list = [
    ...saveDrafts([], [term], '2026-03-01T08:00:00.000Z').words,
    ...saveDrafts([], [{ ...word, title: '安徽日报', url: 'https://ah.cn/1', count: 5 }], '2026-03-03T08:00:00.000Z').words,
    ...saveDrafts([], [{ ...word, word: '会议', pinyin: 'huì yì', english: 'meeting; conference', count: 1, title: '安徽日报', url: 'https://ah.cn/0' }], '2026-03-02T08:00:00.000Z').words,
  ];
  const words = (l: SavedWord[]) => l.map((w) => w.word);

  it('finds by characters, toneless or toned pinyin, English, sentence and page title', () => {
    expect(words(searchWords(list, '确立'))).toEqual(['两个确立']);
    expect(words(searchWords(list, 'queli'))).toEqual(['两个确立']);
    expect(words(searchWords(list, 'què lì'))).toEqual(['两个确立']);
    expect(words(searchWords(list, 'Meeting'))).toEqual(['会议']);
    expect(words(searchWords(list, '林红玉'))).toEqual(['出席', '会议']);
    expect(words(searchWords(list, '济宁'))).toEqual(['两个确立']);
    expect(words(searchWords(list, '  '))).toEqual(words(list));
    expect(searchWords(list, 'zzz')).toEqual([]);
  });

  it('sorts by date (last saved first), page (title, then address) and frequency', () => {
    expect(words(sortWords(list, 'date'))).toEqual(['出席', '会议', '两个确立']);
    expect(words(sortWords(list, 'page'))).toEqual(['会议', '出席', '两个确立']);
    expect(words(sortWords(list, 'frequency'))).toEqual(['出席', '两个确立', '会议']);
    expect(words(list)).toEqual(['两个确立', '出席', '会议']); // the list itself is not sorted in place
  });
});

describe('the sentence a word stood in', () => {
  const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');

  it('runs from the previous sentence end to the next, with its end mark and closing quote', () => {
    const text = '会议召开。市委书记林红玉出席会议并讲话，强调要深入学习。于永生主持会议';
    const at = text.indexOf('出席');
    expect(sentenceAround(text, at, at + 2)).toBe('市委书记林红玉出席会议并讲话，强调要深入学习。');
    const q = '他说：“要拥护两个确立。”随后散会';
    expect(sentenceAround(q, q.indexOf('两个'), q.indexOf('两个') + 4)).toBe('他说：“要拥护两个确立。”');
    const last = text.indexOf('主持');
    expect(sentenceAround(text, last, last + 2)).toBe('于永生主持会议');
  });

  it('stops at line breaks and drops layout white space between Han characters', () => {
    const text = '标题一行\n林红玉 出席会议 and more\n下一行';
    const at = text.indexOf('出席');
    expect(sentenceAround(text, at, at + 2)).toBe('林红玉出席会议 and more');
  });

  it('cuts a very long run around the word', () => {
    const text = '甲'.repeat(300) + '出席' + '乙'.repeat(300);
    const s = sentenceAround(text, 300, 302);
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s).toContain('甲出席乙');
  });

  it('on the seed: the sentence of 两个确立 (across the printed column break)', () => {
    // The raw seed breaks lines inside sentences; the page's reading text joins them. Here the
    // lines of the paragraph are joined the same way, by hand.
    const para = seed.slice(seed.indexOf('林红玉在讲话中指出'), seed.indexOf('林红玉强调')).replace(/\n+/g, '');
    const at = para.indexOf('两个确立');
    expect(sentenceAround(para, at, at + 4)).toBe('各级各部门要充分认识深化机构改革的重大意义，切实把思想和行动统一到党中央决策部署上来，坚定不移抓好改革任务落实，以实际行动拥护“两个确立”、做到“两个维护”。');
  });
});

describe('exports', () => {
  const list = saveDrafts([], [term, { ...word, english: 'to attend <meeting> & "more"' }], '2026-03-01T08:00:00.000Z').words;

  it('TSV for Anki: header lines, then front, back (pinyin, English, sentence with the word in bold), tags', () => {
    const lines = wordsTsv(list).split('\n');
    expect(lines).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:3',
      '两个确立\tliǎng gè què lì<br>Two Establishments<br>以实际行动拥护“<b>两个确立</b>”、做到“两个维护”。\tformulas',
      '出席\tchū xí<br>to attend &lt;meeting&gt; &amp; &quot;more&quot;<br>市委书记林红玉<b>出席</b>会议并讲话，强调要深入学习。\twww.jndaily.com',
      '',
    ]);
  });

  it('TSV cells never hold a tab or a line break; a word not in its sentence is not marked', () => {
    const odd = saveDrafts([], [{ ...word, english: 'a\tb\nc', sentence: '出\n席' }], '2026-03-01T08:00:00.000Z').words;
    const row = wordsTsv(odd).split('\n')[3];
    expect(row.split('\t')).toHaveLength(3);
    expect(row).toContain('a b c');
    expect(markedSentence('他出席。', '缺席')).toBe('他出席。');
  });

  it('CSV: a header, quoted cells where needed, the frequency', () => {
    const csv = wordsCsv(list);
    expect(csv.startsWith('\uFEFFword,pinyin,english,sentence,page,url,site,category,added,updated,frequency\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(`两个确立,liǎng gè què lì,Two Establishments,以实际行动拥护“两个确立”、做到“两个维护”。,济宁日报,${term.url},www.jndaily.com,formulas,2026-03-01T08:00:00.000Z,2026-03-01T08:00:00.000Z,2`);
    expect(rows[2]).toContain(',"to attend <meeting> & ""more""",');
  });
});
