// The g2pM polyphone model: inference checked against known outputs and the CPP dev split
// (weights and data read from ../shared), packing, and the policy that combines it with the reader.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCpp, parseFixture, score, type Case } from '../../lib/pinyin/eval';
import { findNames } from '../../lib/pinyin/names';
import { readText, type PolyphoneReader } from '../../lib/pinyin/reading';
import { modelFromPacked, modelFromSource, packG2pm, sourceTensors, fromHalf, toHalf } from '../../lib/pinyin/g2pm/format';
import { readG2pmSource } from '../../lib/pinyin/g2pm/node';
import { polyphoneModel, POLICY } from '../../lib/pinyin/g2pm';
import type { G2pm } from '../../lib/pinyin/g2pm/model';
import { crossFit, learnPolicy, modelWins, rightUnder, stepOf, vetoed, type Observation } from '../../lib/pinyin/g2pm/policy';
import { indexTokens } from '../../lib/pinyin/spans';
import { newsPageCases } from '../fixtures/pinyin/news-pages';
import { nodeWasmSegmenter } from '../../lib/segment/wasm-node';
import { tokenize } from '../../lib/segment/segmenter';
import { EngineHost } from '../../lib/background/engine-host';
import { annotate } from '../../lib/annotate';

const src = readG2pmSource();
const f32 = modelFromSource(src);
const packed = packG2pm(src, 'i8');
const i8 = modelFromPacked(packed.meta, packed.bin);
const CPP = new URL('../../../shared/data/cpp-polyphones-dev/', import.meta.url);
const cpp = parseCpp(readFileSync(new URL('dev.sent', CPP), 'utf8'), readFileSync(new URL('dev.lb', CPP), 'utf8'));

/** Yield to the test runner now and then: a long synchronous loop starves its RPC. */
const breathe = () => new Promise((r) => setImmediate(r));

/** The model alone on CPP: the marked character read in its whole sentence. */
async function modelAccuracy(m: G2pm, cases: readonly Case[]): Promise<number> {
  let right = 0;
  for (const [k, c] of cases.entries()) {
    if (k % 300 === 0) await breathe();
    const chars = [...c.text];
    const p = m.predict(chars, [[...c.text.slice(0, c.start)].length])[0];
    if (p && p.reading.replace('u:', 'v') === c.expected[0]) right++;
  }
  return right / cases.length;
}

const readAll = (m: G2pm, s: string) => {
  const chars = [...s];
  return m
    .predict(chars, chars.map((_, i) => i))
    .map((p, i) => (p ? `${chars[i]}${p.reading}` : ''))
    .filter(Boolean);
};

describe('g2pM inference', () => {
  it('reads the tensors with the shapes of weights.json', () => {
    const t = sourceTensors(src);
    expect(t.get('embedding.weight')!.data.length).toBe(5398 * 64);
    expect(t.get('lstm.weight_ih_l0')!.shape).toEqual([128, 64]);
    expect(t.get('lstm.weight_hh_l0_reverse')!.data.length).toBe(128 * 32);
    expect(t.get('logit_layer.2.weight')!.shape).toEqual([876, 32]);
    expect(f32.E).toBe(64);
    expect(f32.H).toBe(32);
    expect(f32.vocab.classes).toHaveLength(876);
  });

  it('gives the outputs the g2pM README shows for its example sentence', () => {
    // README: 然而，他红了20年以后，他竟退出了大家的视线。 → … hong2 le5 … tui4 chu1 le5 da4 jia1 de5 …
    expect(readAll(f32, '然而，他红了20年以后，他竟退出了大家的视线。')).toEqual(['了le5', '了le5', '大da4', '的de5']);
    expect(readAll(i8, '然而，他红了20年以后，他竟退出了大家的视线。')).toEqual(['了le5', '了le5', '大da4', '的de5']);
  });

  it('answers only for polyphones, among the character’s own readings', () => {
    const chars = [...'中国人民银行'];
    const out = f32.predict(chars, [0, 1, 2, 5]);
    expect(out[1]).toBeNull(); // 国: one reading
    expect(['zhong1', 'zhong4']).toContain(out[0]!.reading);
    expect(out[0]!.prob).toBeGreaterThan(0.5);
    expect(out[0]!.prob).toBeLessThanOrEqual(1);
  });

  it('scores the published 97.3 % on the CPP dev split (float32, and int8 as shipped)', { timeout: 180_000 }, async () => {
    expect(cpp.length).toBe(9893);
    const full = await modelAccuracy(f32, cpp);
    expect(full).toBeGreaterThanOrEqual(0.973);
    expect(full).toBeLessThan(0.975); // the paper's model, not a better one: a check on the inference
    expect(await modelAccuracy(i8, cpp)).toBeGreaterThanOrEqual(0.973);
  });
});

describe('g2pM packing', () => {
  it('packs the matrices in int8 under 0.5 MB, float16 under 0.9 MB', () => {
    expect(packed.bin.length).toBeLessThan(500_000);
    expect(packG2pm(src, 'f16').bin.length).toBeLessThan(900_000);
    expect(JSON.stringify({ ...packed.meta, listed: undefined }).length).toBeLessThan(60_000);
    // The bound: the model (with the dictionary words it ships) adds at most 1 MB compressed.
    const zipped = gzipSync(packed.bin).length + gzipSync(JSON.stringify(packed.meta)).length;
    expect(zipped).toBeLessThan(1_000_000);
  });

  it('round-trips: float32 exactly, float16 and int8 within their step', () => {
    const t = sourceTensors(src).get('lstm.weight_hh_l0')!.data;
    const p32 = packG2pm(src, 'f32');
    const back = (m: G2pm) => m.t.fw.hh;
    expect([...back(modelFromPacked(p32.meta, p32.bin))]).toEqual([...t]);
    const max = Math.max(...t.map(Math.abs));
    const q = back(i8);
    for (let k = 0; k < t.length; k++) expect(Math.abs(q[k] - t[k])).toBeLessThanOrEqual(max / 127);
    expect(fromHalf(toHalf(0.1234))).toBeCloseTo(0.1234, 3);
    expect(fromHalf(toHalf(-2.5))).toBe(-2.5);
  });

  it('refuses a packed file of the wrong size', () => {
    expect(() => modelFromPacked(packed.meta, packed.bin.slice(0, 100))).toThrow(/bytes/);
  });
});

describe('the policy: who wins between the reader and the model', () => {
  const o = (ch: string, src: Observation['src'], reader: string, model: string, expected: string, prob = 0.99, rank = 2000): Observation => ({ ch, src, reader, model, expected, prob, rank });

  it('lets the model switch only where the data shows it winning, per character and reading pair', () => {
    const obs = [
      ...Array.from({ length: 12 }, () => o('为', 'sentence', 'wei4', 'wei2', 'wei2')),
      ...Array.from({ length: 3 }, () => o('为', 'sentence', 'wei4', 'wei2', 'wei4')),
      ...Array.from({ length: 4 }, () => o('了', 'sentence', 'le5', 'liao3', 'le5')),
    ];
    const p = learnPolicy(obs);
    expect(p.pairs['为']).toEqual(['wei4>wei2']);
    expect(p.pairs['了']).toBeUndefined();
    expect(modelWins(p, o('为', 'sentence', 'wei4', 'wei2', ''))).toBe(true);
    expect(modelWins(p, o('为', 'token', 'wei4', 'wei2', ''))).toBe(false); // a word read from a dictionary
    expect(modelWins(p, o('了', 'sentence', 'le5', 'liao3', ''))).toBe(false);
  });

  it('keys a character of an unlisted word apart from a dictionary word', () => {
    const text = '出货量和切身利益';
    const idx = indexTokens(text, [{ start: 0, end: 3 }, { start: 3, end: 4 }, { start: 4, end: 8 }]);
    const listed = (w: string) => ['切身', '利益'].includes(w);
    expect(stepOf('token', text, 2, idx, listed)).toBe('unlisted');
    expect(stepOf('token', text, 4, idx, listed)).toBe('token'); // 切 of 切身利益: 切身 is listed
    expect(stepOf('token', text, 7, idx, listed)).toBe('token');
    expect(stepOf('cedict', text, 2, idx, listed)).toBe('cedict');
    expect(stepOf('token', text, 3, idx, listed)).toBe('token'); // a one-character token
  });

  it('drops a switch that news sentences show the model losing as often as winning', () => {
    const obs = Array.from({ length: 12 }, () => o('率', 'unlisted', 'lv4', 'shuai4', 'shuai4'));
    expect(learnPolicy(obs).pairs['率']).toEqual(['lv4>shuai4']);
    const news = [o('率', 'unlisted', 'lv4', 'shuai4', 'lv4'), o('率', 'unlisted', 'lv4', 'shuai4', 'lv4'), o('率', 'unlisted', 'lv4', 'shuai4', 'shuai4')];
    expect(learnPolicy(obs, { news }).pairs['率']).toBeUndefined();
    expect(learnPolicy(obs, { news: news.slice(2) }).pairs['率']).toEqual(['lv4>shuai4']);
  });

  it('leaves a character the model misread in news to the reader (never)', () => {
    const news = [o('为', 'sentence', 'wei4', 'wei2', 'wei4'), o('行', 'token', 'hang2', 'hang2', 'hang2')];
    expect(vetoed(news)).toEqual(['为']);
    const obs = Array.from({ length: 12 }, () => o('为', 'sentence', 'wei4', 'wei2', 'wei2'));
    const p = learnPolicy(obs, {}, vetoed(news));
    expect(modelWins(p, o('为', 'sentence', 'wei4', 'wei2', ''))).toBe(false);
  });

  it('learns a fallback for switches without evidence from those seen once, and never makes a denied one', () => {
    // 12 rare characters each switched once (the model sure and right on 10 of them), 了 lost.
    const rare = [...'樘酢浜轧杈撮跂訾捋臊颉隽'];
    const obs = [
      ...rare.map((ch, k) => o(ch, 'sentence', 'a1', 'b2', k < 10 ? 'b2' : 'a1', k < 10 ? 0.99 : 0.6)),
      ...Array.from({ length: 4 }, () => o('了', 'sentence', 'le5', 'liao3', 'le5')),
    ];
    const p = learnPolicy(obs);
    expect(p.fallback.sentence).toBeGreaterThan(0.6);
    expect(p.denied['了']).toEqual(['le5>liao3']);
    expect(modelWins(p, o('钉', 'sentence', 'ding1', 'ding4', '', 0.99))).toBe(true); // never seen: the fallback decides
    expect(modelWins(p, o('钉', 'sentence', 'ding1', 'ding4', '', 0.5))).toBe(false);
    expect(modelWins(p, o('钉', 'token', 'ding1', 'ding4', '', 0.99))).toBe(false); // a dictionary word: no fallback
    expect(modelWins(p, o('了', 'sentence', 'le5', 'liao3', '', 1))).toBe(false); // denied
    expect(modelWins(p, o('要', 'sentence', 'yao4', 'yao1', '', 1, 60))).toBe(false); // a common character: no fallback
    expect(learnPolicy(obs, { fallback: false }).fallback).toEqual({});
    // Too few switches seen once: no fallback.
    expect(learnPolicy(obs.slice(5)).fallback.sentence).toBeUndefined();
  });

  it('learns a probability threshold from the data', () => {
    const obs = [
      ...Array.from({ length: 10 }, () => o('调', 'sentence', 'tiao2', 'diao4', 'diao4', 0.999)),
      ...Array.from({ length: 6 }, () => o('调', 'sentence', 'tiao2', 'diao4', 'tiao2', 0.7)),
    ];
    const p = learnPolicy(obs);
    expect(p.sources.sentence).toBeGreaterThan(0.7);
    expect(obs.filter((x) => rightUnder(p, x))).toHaveLength(16);
    // Cross-fitted, every case is judged by a policy learned without it.
    expect(crossFit(obs, 4).total).toBe(16);
  });
});

describe('the reader with the model (shipped policy)', () => {
  const seg = nodeWasmSegmenter();
  const pm = polyphoneModel(packed.meta, packed.bin);
  const read = (polyphones?: PolyphoneReader) => (text: string) => {
    const tokens = tokenize(seg, text);
    return readText(text, tokens, { names: findNames(text, tokens), polyphones });
  };

  it('the shipped policy is learned, not empty, and leaves dictionary words alone', () => {
    expect(Object.keys(POLICY.pairs).length).toBeGreaterThan(20);
    expect(Object.keys(POLICY.sources).every((s) => ['sentence', 'rule', 'default', 'unlisted'].includes(s))).toBe(true);
    // The listed words that hold a switchable character are shipped (切身 keeps 切身利益's qiè).
    expect(POLICY.pairs['切']).toBeDefined();
    expect(POLICY.listed).toEqual(expect.arrayContaining(['切实', '切身', '一切']));
    expect(POLICY.listed.every((w) => [...w].some((ch) => POLICY.pairs[ch]))).toBe(true);
    // Fallbacks only at steps no dictionary settled, for rare characters, whose listed words ship with the model.
    expect(Object.keys(POLICY.fallback).every((s) => ['sentence', 'rule', 'default', 'unlisted'].includes(s))).toBe(true);
    expect(POLICY.fallbackRank).toBe(packed.meta.listedFromRank);
    const listed = new Set(packed.meta.listed?.split(' '));
    for (const w of ['轧制', '蔓延', '咽喉', '缝纫']) expect(listed.has(w)).toBe(true);
    expect(listed.has('了解')).toBe(false); // 了 and 解 are common: never a fallback's
  });

  it('rereads a rare polyphone the data has no switch for, where the model is sure (fallback)', () => {
    // 轧制 (rolling steel) is zhá: pinyin-pro's yà in the sentence; CPP never shows this switch.
    const t = '为了保证轧制成品的质量，需要严格控制温度。';
    expect(read()(t)[t.indexOf('轧')]).toBe('yà');
    expect(read(pm)(t)[t.indexOf('轧')]).toBe('zhá');
  });

  it('rereads a character of a word no dictionary lists, never one of a listed word', () => {
    const readings = (text: string) => read(pm)(text);
    // 出货量 is no CC-CEDICT word: pinyin-pro's liáng is reread as liàng (a switch CPP shows winning).
    const a = '三星5G手机在韩国出货量已突破200万部。';
    expect(readings(a)[a.indexOf('量')]).toBe('liàng');
    // 切实 and 切身利益 (切身 is listed) keep the dictionary's qiè.
    for (const t of ['要切实解决群众的困难。', '下功夫解决事关群众切身利益的问题。']) expect(readings(t)[t.indexOf('切')]).toBe('qiè');
  });

  it('reads the real pages’ gold better than the reader alone, and each hand-written news set no worse', () => {
    const cases = newsPageCases();
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(score(cases, read(pm)).correct).toBeGreaterThan(score(cases, read()).correct);
  });

  it('reads no news fixture worse, each file and held-out set included', () => {
    const dir = new URL('../fixtures/pinyin/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tsv'))) {
      const cases = parseFixture(readFileSync(new URL(f, dir), 'utf8'));
      const before = score(cases, read());
      const after = score(cases, read(pm));
      expect(after.correct, `${f}: ${JSON.stringify(after.misses.slice(0, 3))}`).toBeGreaterThanOrEqual(before.correct);
    }
  });

  it('reads the CPP dev split better than the reader alone (first 3,000 cases)', { timeout: 180_000 }, async () => {
    let before = 0;
    let after = 0;
    for (let k = 0; k < 3000; k += 250) {
      await breathe();
      const cases = cpp.slice(k, k + 250);
      before += score(cases, read()).correct;
      after += score(cases, read(pm)).correct;
    }
    expect(after).toBeGreaterThan(before);
  });
});

describe('the model in the background and the CLI pipeline', () => {
  // On the seed the model switches 更多更公平's second 更 from gēng to gèng (its one change there).
  const text = '让现代化建设成果更多更公平惠及人民群众。';
  const second = text.lastIndexOf('更');

  it('EngineHost loads the model once, on the first pinyin request, and reads with it', async () => {
    let loads = 0;
    const host = (withModel: boolean) =>
      new EngineHost({
        segmenter: async () => nodeWasmSegmenter(),
        glossary: async () => [],
        cedict: async () => '',
        idf: async () => '',
        g2pm: async () => {
          loads++;
          return withModel ? { meta: packed.meta, bin: packed.bin.slice().buffer } : null;
        },
      });
    const on = host(true);
    await on.ready();
    expect(loads).toBe(0); // not at start
    const [a] = await on.pinyin([text]);
    const [b] = await on.pinyin([text]);
    expect(loads).toBe(1);
    expect(a[second]).toBe('gèng');
    expect(b).toEqual(a);
    const [c] = await host(false).pinyin([text]);
    expect(c[second]).toBe('gēng');
  });

  it('annotate (the CLI report) reads with the model it is given', () => {
    const seg = nodeWasmSegmenter();
    const tok = (r: ReturnType<typeof annotate>) => r.tokens.find((t) => t.start === second)!.pinyin;
    expect(tok(annotate(text, { segmenter: seg, polyphones: polyphoneModel(packed.meta, packed.bin) }))).toEqual(['gèng']);
    expect(tok(annotate(text, { segmenter: seg }))).toEqual(['gēng']);
  });
});
