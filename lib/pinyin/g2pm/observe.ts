/**
 * Observations for learning and measuring the policy: on labelled cases (lib/pinyin/eval.ts),
 * what the reader read at the marked character and which step decided it, and what the model
 * read there (in the same sentence the reader gives it at run time) with its probability.
 */
import { syllableToMarks } from '../../dict/pinyin-marks';
import { isHanAt } from '../../text/han';
import type { Case } from '../eval';
import type { PolyphoneReader } from '../reading';
import { SOURCE_NAMES } from '../sources';
import { toNumbers } from '../style';
import { PolyphoneModel, type ModelCall } from './combine';
import type { G2pm } from './model';
import { stepOf, type Observation } from './policy';
import type { TokenIndex } from '../spans';


/**
 * `read(text, polyphones)` runs the reader (readText with the caller's tokens) with `polyphones`
 * as its step 6; `listed` says which words a dictionary lists (CC-CEDICT's, when learning). One observation per marked Han character (a character nothing reads counts
 * with an empty reading, wrong for both).
 */
export function observe(cases: readonly Case[], model: G2pm, read: (text: string, polyphones: PolyphoneReader) => void, listed: (word: string) => boolean): Observation[] {
  const all = new PolyphoneModel(model, null, listed);
  const out: Observation[] = [];
  for (const c of cases) {
    let before: string[] = [];
    let sources = new Uint8Array(0);
    let tokens: TokenIndex | null = null;
    const calls: ModelCall[] = [];
    read(c.text, {
      reread(text, readings, source, toks) {
        before = readings.slice();
        sources = source.slice();
        tokens = toks;
        all.reread(text, readings, source, toks, calls);
      },
    });
    // Every Han character of the span (CPP marks one; Dubao's fixtures mark words).
    for (let i = c.start, k = 0; i < c.end; i++) {
      if (!isHanAt(c.text, i)) continue;
      const reader = before[i] ? toNumbers(before[i]) : '';
      const call = calls.find((x) => x.index === i);
      out.push({
        ch: c.text[i],
        src: call ? call.step : stepOf(SOURCE_NAMES[sources[i]], c.text, i, tokens!, listed),
        expected: c.expected[k++] ?? '',
        reader,
        model: call ? toNumbers(syllableToMarks(call.prediction.reading)) : reader,
        prob: call ? call.prediction.prob : 0,
        rank: model.vocab.charIds.get(c.text[i]) ?? 0,
      });
    }
  }
  return out;
}
