import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareRead, parseCpp, parseFixture, score, type Case } from '../../lib/pinyin/eval';
import { readText } from '../../lib/pinyin/reading';
import { nodeSegmenter } from '../../lib/segment/node';
import { wasmSegmenter, type JiebaWasm } from '../../lib/segment/wasm';
import { tokenize, type Segmenter } from '../../lib/segment/segmenter';
import { newsPageCases, pageText, parsePageFixture } from '../fixtures/pinyin/news-pages';

const dir = new URL('../fixtures/pinyin/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
const byFile = new Map<string, Case[]>(files.map((f) => [f, parseFixture(readFileSync(new URL(f, dir), 'utf8'))]));
const all = [...byFile.values()].flat();

const dubao = (seg: Segmenter) => (text: string) => readText(text, tokenize(seg, text));

describe('pinyin accuracy on Dubao’s fixtures', () => {
  it('has a real set: 150+ cases over places, names and polyphones', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(files).toEqual(expect.arrayContaining(['names.tsv', 'places.tsv', 'polyphones.tsv']));
  });

  it('reads at least 95 % of the cases right with nodejieba tokens, each file at least 90 %', () => {
    const s = score(all, dubao(nodeSegmenter()));
    expect(s.accuracy, JSON.stringify(s.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    for (const [f, cases] of byFile) expect(score(cases, dubao(nodeSegmenter())).accuracy, f).toBeGreaterThanOrEqual(0.9);
  });

  it('reads at least 95 % right with jieba-wasm tokens (what the extension uses)', () => {
    const wasm = wasmSegmenter(createRequire(import.meta.url)('jieba-wasm') as JiebaWasm);
    const s = score(all, dubao(wasm));
    expect(s.accuracy, JSON.stringify(s.misses.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
  });

  it('does much better than bare pinyin-pro on the same cases', () => {
    const b = score(all, bareRead).accuracy;
    const d = score(all, dubao(nodeSegmenter())).accuracy;
    expect(d - b).toBeGreaterThan(0.2);
  });

  it('scores a CPP-format sample with the same code the bench uses', () => {
    // Two lines in the CPP format, written here (the CPP set itself is not in the repo).
    const cases = parseCpp('他▁还▁在现场。\n请按时▁还▁款。\n', 'hai2\nhuan2\n');
    expect(cases.map((c) => [c.start, c.expected[0]])).toEqual([[1, 'hai2'], [3, 'huan2']]);
    expect(score(cases, dubao(nodeSegmenter())).correct).toBe(2);
  });
});

describe('the real pages’ gold (news-pages.gold, pages read from ../shared)', () => {
  it('cuts the sentence around a key phrase out of a page’s visible text', () => {
    const html =
      '<html><head><title>标题</title><script>var x = "收益率为负";</script></head><body><p>第一段。</p>' +
      '<div>收益率&nbsp;为负的债券并不是好选择；<br>他在<b>多地</b>抓获嫌疑人。</div></body></html>';
    expect(pageText(html)).not.toContain('var x');
    const [a, b] = parsePageFixture('# comment\np.html\t为负的债\t为\twéi\np.html\t在多地抓\t地\tdì\n', () => html);
    expect(a).toMatchObject({ page: 'p.html', text: '收益率 为负的债券并不是好选择；', expected: ['wei2'] });
    expect(a.text[a.start]).toBe('为');
    expect(b.text).toBe('他在多地抓获嫌疑人。');
    expect(b.text.slice(b.start, b.end)).toBe('地');
    expect(() => parsePageFixture('p.html\t不在页面\t在\tzài\n', () => html)).toThrow(/not found/);
  });

  it('has every gold line found in its page, one Han character each', () => {
    const cases = newsPageCases();
    expect(cases.length).toBeGreaterThanOrEqual(250);
    for (const c of cases) expect(c.end - c.start, c.text).toBe(1);
  });
});
