/**
 * The reader and the g2pM model combined (step 6 of lib/pinyin/reading.ts): after the lexicons,
 * names and rules, each sentence's polyphones that the policy gives to the model (per character
 * and deciding step) are read by the model in the sentence's context, and its reading replaces
 * the reader's where its probability reaches the policy's threshold.
 */
import { syllableToMarks } from '../../dict/pinyin-marks';
import { cpUnits } from '../../text/han';
import type { PolyphoneReader } from '../reading';
import { SOURCE, SOURCE_NAMES } from '../sources';
import type { G2pm, Prediction } from './model';
import { modelWins, thresholdOf, type Policy } from './policy';
import { toNumbers } from '../style';

/** The reader's sentences (lib/pinyin/reading.ts): the model sees one at a time, as in CPP. */
const SENTENCE = /[^。！？；\n]+[。！？；\n]?/g;

/** Where the model was asked: its prediction and whether it replaced the reader's reading. */
export interface ModelCall {
  index: number;
  prediction: Prediction;
  used: boolean;
}

export class PolyphoneModel implements PolyphoneReader {
  /** With a null policy the model is asked at every polyphone and followed nowhere (observing). */
  constructor(
    readonly model: G2pm,
    readonly policy: Policy | null,
  ) {}

  reread(text: string, out: string[], source: Uint8Array, calls?: ModelCall[]): void {
    for (const m of text.matchAll(SENTENCE)) {
      const s = m[0];
      const at = m.index!;
      const chars: string[] = [];
      const offsets: number[] = [];
      const targets: number[] = [];

      for (let i = 0; i < s.length; i += cpUnits(s, i)) {
        const ch = s.slice(i, i + cpUnits(s, i));
        const pos = at + i;
        if (out[pos] && this.model.isPolyphone(ch)) {
          const t = this.policy ? thresholdOf(this.policy, ch, SOURCE_NAMES[source[pos]]) : 0;
          if (t !== undefined && t <= 1) {
            targets.push(chars.length);
            offsets.push(pos);
          }
        }
        chars.push(ch);
      }
      if (!targets.length) continue;
      this.model.predict(chars, targets).forEach((p, j) => {
        if (!p) return;
        const pos = offsets[j];
        const model = toNumbers(syllableToMarks(p.reading));
        const used = !!this.policy && modelWins(this.policy, { ch: chars[targets[j]], src: SOURCE_NAMES[source[pos]], reader: toNumbers(out[pos]), model, prob: p.prob });
        calls?.push({ index: offsets[j], prediction: p, used });
        if (!used) return;
        out[pos] = syllableToMarks(p.reading);
        source[pos] = SOURCE.model;
      });
    }
  }
}
