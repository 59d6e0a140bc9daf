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
import type { TokenIndex } from '../spans';
import type { G2pm, Prediction } from './model';
import { mayWin, modelWins, stepOf, type Policy, type PolicyStep } from './policy';
import { toNumbers } from '../style';

/** Where the reader's sentences end (lib/pinyin/reading.ts): the model sees one at a time, as in CPP. */
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f, 0xff1b, 0x0a]); // 。！？；\n

/** Where the model was asked: its prediction, the policy step, whether it replaced the reader's reading. */
export interface ModelCall {
  index: number;
  prediction: Prediction;
  step: PolicyStep;
  used: boolean;
}

export class PolyphoneModel implements PolyphoneReader {
  /** With a null policy the model is asked at every polyphone and followed nowhere (observing). */
  constructor(
    readonly model: G2pm,
    readonly policy: Policy | null,
    /** Is a word listed in a dictionary? (Default: the policy's `listed` words.) */
    listed?: (word: string) => boolean,
  ) {
    // With a fallback the model may switch any polyphone at that step; otherwise only those of pairs.
    const anyChar = !!policy && Object.values(policy.fallback).some((t) => t !== undefined && t <= 1);
    this.askable = policy && !anyChar ? new Set(Object.keys(policy.pairs).filter((ch) => model.isPolyphone(ch) && !policy.never.includes(ch))) : null;
    if (listed) this.listed = listed;
    else {
      const words = new Set(policy?.listed ?? []);
      this.listed = (w) => words.has(w);
    }
  }

  /** Characters the policy may give to the model (all the model's polyphones when observing). */
  private readonly askable: ReadonlySet<string> | null;
  private readonly listed: (word: string) => boolean;
  /** The policy step of each target of the sentence being read. */
  private steps: PolicyStep[] = [];

  reread(text: string, out: string[], source: Uint8Array, tokens: TokenIndex, calls?: ModelCall[]): void {
    let start = 0;
    let targets: number[] = [];
    this.steps = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (SENTENCE_END.has(c)) {
        if (targets.length) this.sentence(text, start, i + 1, targets, out, source, calls);
        start = i + 1;
        targets = [];
        this.steps = [];
        continue;
      }
      if (!out[i]) continue;
      const ch = text.slice(i, i + cpUnits(text, i));
      if (this.askable ? !this.askable.has(ch) : !this.model.isPolyphone(ch)) continue;
      const step = stepOf(SOURCE_NAMES[source[i]], text, i, tokens, this.listed);
      // Asked only where some reading of the character could replace this one (the model's run
      // over a sentence is most of the cost): with prob 1, the most a prediction can have.
      const reader = this.policy ? toNumbers(out[i]) : '';
      const rank = this.model.vocab.charIds.get(ch) ?? 0;
      if (!this.policy || (mayWin(this.policy, ch, step, rank) && this.readingsOf(ch).some((model) => modelWins(this.policy!, { ch, src: step, reader, model, prob: 1, rank })))) {
        targets.push(i);
        this.steps.push(step);
      }
    }
    if (targets.length) this.sentence(text, start, text.length, targets, out, source, calls);
  }

  private readonly readings = new Map<string, string[]>();
  /** The model's readings of a polyphone, numbered as the policy writes them. */
  private readingsOf(ch: string): string[] {
    let r = this.readings.get(ch);
    if (!r) {
      r = (this.model.vocab.candidates.get(ch) ?? []).map((id) => toNumbers(syllableToMarks(this.model.vocab.classes[id])));
      this.readings.set(ch, r);
    }
    return r;
  }

  /** The model over text[start, end) for the polyphones at the UTF-16 offsets `targets`. */
  private sentence(text: string, start: number, end: number, targets: number[], out: string[], source: Uint8Array, calls?: ModelCall[]): void {
    const chars: string[] = [];
    const at: number[] = [];
    for (let i = start, t = 0; i < end; i += cpUnits(text, i)) {
      if (i === targets[t]) {
        at.push(chars.length);
        t++;
      }
      chars.push(text.slice(i, i + cpUnits(text, i)));
    }
    this.model.predict(chars, at).forEach((p, j) => {
      if (!p) return;
      const pos = targets[j];
      const step = this.steps[j];
      const model = toNumbers(syllableToMarks(p.reading));
      const ch = chars[at[j]];
      const used = !!this.policy && modelWins(this.policy, { ch, src: step, reader: toNumbers(out[pos]), model, prob: p.prob, rank: this.model.vocab.charIds.get(ch) ?? 0 });
      calls?.push({ index: pos, prediction: p, step, used });
      if (!used) return;
      out[pos] = syllableToMarks(p.reading);
      source[pos] = SOURCE.model;
    });
  }
}
