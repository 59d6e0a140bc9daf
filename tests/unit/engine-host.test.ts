// The background's engine host (lib/background/engine-host.ts) before and after its segmenter is
// ready: while jieba is still loading, `annotate` answers at once from the glossary alone
// (provisional: true); with `wait` it waits for the word-aware answer. Here the segmenter is the
// extension's own (jieba-wasm in Node) behind a promise the test releases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../lib/background/engine-host';
import { nodeWasmSegmenter } from '../../lib/segment/wasm-node';
import { nodeGlossary } from '../../lib/glossary/node-glossary';
import { buildMatcher } from '../../lib/glossary/matcher';
import { findFormulas } from '../../lib/glossary/formulas';
import { tokenize, type Segmenter } from '../../lib/segment/segmenter';
import { textModelFromString } from '../../lib/text/model';
import type { TextAnnotation } from '../../lib/messages';

const { entries } = nodeGlossary();
const SEED = textModelFromString(readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8')).text;
/** The seed's paragraphs (as a page sends its parts), and words where longest match and words disagree. */
const TEXTS = [
  ...SEED.split(/\n+/).filter((p) => p.length > 20),
  '扎实做好“三定”工作。三定向培养的学生毕业后回到乡镇。',
  '推进县域医共体建设，群众看病就医更加方便。',
];

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A host whose segmenter arrives when the test says so. CC-CEDICT and IDF are never needed here. */
function host() {
  const seg = deferred<Segmenter>();
  const calls = { segmenter: 0, glossary: 0 };
  const engine = new EngineHost({
    segmenter: () => {
      calls.segmenter++;
      return seg.promise;
    },
    glossary: async () => {
      calls.glossary++;
      return entries;
    },
    cedict: () => Promise.reject(new Error('cedict is not used by annotate')),
    idf: () => Promise.reject(new Error('idf is not used by annotate')),
  });
  return { engine, calls, release: () => seg.resolve(nodeWasmSegmenter()) };
}

type Found = { start: number; end: number; id: string };
/** The flat [start, end, index, …] of an answer, as spans with term ids. */
const termsOf = (a: TextAnnotation, ids: string[]): Found[] => {
  const out: Found[] = [];
  for (let k = 0; k < a.terms.length; k += 3) out.push({ start: a.terms[k], end: a.terms[k + 1], id: ids[a.terms[k + 2]] });
  return out;
};
const formulasOf = (a: TextAnnotation) => {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < a.formulas.length; k += 2) out.push([a.formulas[k], a.formulas[k + 1]]);
  return out;
};
const key = (f: Found) => `${f.start}-${f.end}-${f.id}`;

/** Has the promise settled by the time queued tasks have run? */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  return done;
}

describe('EngineHost.annotate before and after the segmenter is ready', () => {
  it('answers from the glossary alone, marked provisional, while the segmenter is loading', async () => {
    const { engine, calls } = host();
    const first = await engine.annotate(TEXTS);
    expect(first.provisional).toBe(true);
    expect(first.texts).toHaveLength(TEXTS.length);
    // Exactly the glossary's longest matches without the word-boundary rule that stand between
    // non-Han characters (sure to be words), and no formulas yet (annotate's documented contract).
    const glossaryOnly = buildMatcher(entries);
    const han = (text: string, i: number) => i >= 0 && i < text.length && /\p{Script=Han}/u.test(text[i]);
    TEXTS.forEach((text, i) => {
      const want = glossaryOnly.match(text).filter((m) => !han(text, m.start - 1) && !han(text, m.end));
      expect(termsOf(first.texts[i], first.termIds), `text #${i}`).toEqual(want.map(({ start, end, id }) => ({ start, end, id })));
      expect(formulasOf(first.texts[i]), `text #${i}`).toEqual([]);
    });
    expect(first.texts.reduce((n, t) => n + t.terms.length / 3, 0)).toBeGreaterThan(5);
    // Ids listed once each, every one used.
    expect(new Set(first.termIds).size).toBe(first.termIds.length);
    expect(new Set(first.texts.flatMap((t) => termsOf(t, first.termIds).map((f) => f.id)))).toEqual(new Set(first.termIds));
    expect(first.termIds).toContain('liang-ge-que-li');
    // The segmenter was asked for once; the answer did not wait for it. The glossary loads once.
    expect(calls).toEqual({ segmenter: 1, glossary: 1 });
    // A second request while still loading is provisional too.
    expect((await engine.annotate(['坚定不移推进高质量发展'])).provisional).toBe(true);
    expect(calls).toEqual({ segmenter: 1, glossary: 1 });
  });

  it('with wait, answers only once the segmenter is ready, word-aware and not provisional; later answers are word-aware at once', async () => {
    const { engine, calls, release } = host();
    expect((await engine.annotate(TEXTS)).provisional).toBe(true);
    const refinedP = engine.annotate(TEXTS, true);
    expect(await settled(refinedP)).toBe(false);
    release();
    const refined = await refinedP;
    expect(refined.provisional).toBeUndefined();
    expect(refined).not.toHaveProperty('provisional');
    // The word-aware answer: the glossary matched on jieba's words (the host taught jieba the
    // glossary's forms, as the background does).
    const seg = nodeWasmSegmenter();
    const matcher = buildMatcher(entries);
    TEXTS.forEach((text, i) => {
      const want = matcher.match(text, tokenize(seg, text));
      expect(termsOf(refined.texts[i], refined.termIds), `text #${i}`).toEqual(want.map(({ start, end, id }) => ({ start, end, id })));
      expect(formulasOf(refined.texts[i]), `text #${i}`).toEqual(findFormulas(text, want).map((f) => [f.start, f.end]));
    });
    // 三定 is a term in “三定”, not inside the word 三定向.
    const i = TEXTS.length - 2;
    expect(termsOf(refined.texts[i], refined.termIds).filter((f) => f.id === 'san-ding').map((f) => f.start)).toEqual([5]);
    // Once ready, a request without wait is word-aware at once.
    const later = await engine.annotate(TEXTS);
    expect(later).toEqual(refined);
    expect(calls).toEqual({ segmenter: 1, glossary: 1 });
  });

  // "No flicker": without word boundaries a longest match may sit inside a longer word (编制 in
  // …机构编制深化…, 三定 in 三定向), which the word-aware answer drops: the provisional answer keeps only
  // terms between non-Han characters.
  it('no flicker: every term of the provisional answer is in the word-aware answer', async () => {
    const { engine, release } = host();
    const provisional = await engine.annotate(TEXTS);
    release();
    const refined = await engine.annotate(TEXTS, true);
    // A highlight shown at once and taken away a moment later is a flicker.
    const dropped = TEXTS.flatMap((text, i) => {
      const kept = new Set(termsOf(refined.texts[i], refined.termIds).map(key));
      return termsOf(provisional.texts[i], provisional.termIds)
        .filter((f) => !kept.has(key(f)))
        .map((f) => `#${i} ${text.slice(f.start, f.end)} (${f.id}) at ${f.start} in …${text.slice(Math.max(0, f.start - 6), f.end + 6)}…`);
    });
    expect(dropped).toEqual([]);
  });
});
