/**
 * The g2pM polyphone model (Park and Lee, Interspeech 2020), inference only, DOM-free:
 *   begin mark + the sentence's characters + end mark → embedding (64) → one bidirectional LSTM
 *   layer (32 each way) → at each asked position [forward; backward] (64) → Linear 64→32 → ReLU
 *   → Linear 32→876 → the best of the character's own readings (a masked argmax).
 * Weights are data (../shared/data/g2pm, shipped as public/data/g2pm.*); see ./format.ts for how
 * they are read and packed. Only the polyphonic characters of the model's dictionary are asked.
 */

export interface G2pmTensors {
  embedding: Float32Array; // [vocab, 64]
  fw: LstmWeights;
  bw: LstmWeights;
  fc1: Float32Array; // [32, 64]
  fc1Bias: Float32Array; // [32]
  fc2: Float32Array; // [classes, 32]
  fc2Bias: Float32Array; // [classes]
}

export interface LstmWeights {
  ih: Float32Array; // [4H, E], gates in PyTorch order: input, forget, cell, output
  hh: Float32Array; // [4H, H]
  biasIh: Float32Array; // [4H]
  biasHh: Float32Array; // [4H]
}

export interface G2pmVocab {
  /** Character → input id (0 padding, 1 unknown, 2 begin, 3 end). */
  charIds: Map<string, number>;
  /** Output id → numbered pinyin (zhong4; neutral tone 5; ü as u:). */
  classes: string[];
  /** Polyphonic character → the output ids of its readings. */
  candidates: Map<string, number[]>;
}

export const UNK_ID = 1;
export const BEGIN_MARK = '시';
export const END_MARK = '끝';

/** One prediction: the reading and its probability among the character's own readings. */
export interface Prediction {
  reading: string;
  prob: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** tanh through one exp (Math.tanh costs more in V8); saturates cleanly at ±1. */
const tanh = (x: number) => 2 / (1 + Math.exp(-2 * x)) - 1;

export class G2pm {
  readonly E: number;
  readonly H: number;
  private readonly G: number;
  /** Per direction: W_ih · embedding + both biases, per input id, computed on first use. */
  private readonly inputProj: [Float32Array, Float32Array];
  private readonly projDone: Uint8Array;
  private readonly beginId: number;
  /** The recurrent matrices as float64: the inner loop then reads without converting. */
  private readonly hh: [Float64Array, Float64Array];
  private readonly endId: number;

  constructor(readonly t: G2pmTensors, readonly vocab: G2pmVocab) {
    // Integers kept as small ints (| 0): a division's result used as an index slows every load.
    this.H = (t.fw.biasHh.length / 4) | 0;
    this.G = (4 * this.H) | 0;
    this.E = (t.fw.ih.length / this.G) | 0;
    const n = t.embedding.length / this.E;
    if (!Number.isInteger(n) || t.fw.hh.length !== this.G * this.H || t.fc1.length !== 32 * 2 * this.H || t.fc2.length !== vocab.classes.length * t.fc1Bias.length)
      throw new Error('g2pm: tensor shapes do not fit together');
    this.inputProj = [new Float32Array(n * this.G), new Float32Array(n * this.G)];
    this.projDone = new Uint8Array(n);
    this.hh = [Float64Array.from(t.fw.hh), Float64Array.from(t.bw.hh)];
    this.beginId = vocab.charIds.get(BEGIN_MARK) ?? UNK_ID;
    this.endId = vocab.charIds.get(END_MARK) ?? UNK_ID;
  }

  /** Is `ch` (one code point) a character the model decides between readings for? */
  isPolyphone(ch: string): boolean {
    return this.vocab.candidates.has(ch);
  }

  private project(id: number): void {
    const { E, G } = this;
    const emb = this.t.embedding;
    [this.t.fw, this.t.bw].forEach((w, d) => {
      const out = this.inputProj[d];
      for (let g = 0; g < G; g++) {
        let s = w.biasIh[g] + w.biasHh[g];
        const row = g * E;
        const x = id * E;
        for (let e = 0; e < E; e++) s += w.ih[row + e] * emb[x + e];
        out[id * G + g] = s;
      }
    });
    this.projDone[id] = 1;
  }

  /** Input ids for the characters (code points) of `chars`, with the begin and end marks. */
  ids(chars: readonly string[]): Int32Array {
    const ids = new Int32Array(chars.length + 2);
    ids[0] = this.beginId;
    chars.forEach((c, k) => (ids[k + 1] = this.vocab.charIds.get(c) ?? UNK_ID));
    ids[chars.length + 1] = this.endId;
    return ids;
  }

  /**
   * Readings of the characters at `targets` (indexes into `chars`, one code point each) in the
   * context of the whole sequence `chars`; null for a character that is not a polyphone.
   * The forward pass stops at the last target, the backward one at the first.
   */
  predict(chars: readonly string[], targets: readonly number[]): Array<Prediction | null> {
    const out: Array<Prediction | null> = targets.map(() => null);
    const asked = targets.map((k, j) => [k, j] as const).filter(([k]) => this.isPolyphone(chars[k]));
    if (!asked.length) return out;
    const ids = this.ids(chars);
    const first = Math.min(...asked.map(([k]) => k)) + 1;
    const last = Math.max(...asked.map(([k]) => k)) + 1;
    const want = new Set(asked.map(([k]) => k + 1));
    const hf = new Map<number, Float32Array>();
    const hb = new Map<number, Float32Array>();
    this.run(0, ids, 0, last, 1, want, hf);
    this.run(1, ids, ids.length - 1, first, -1, want, hb);
    for (const [k, j] of asked) out[j] = this.classify(chars[k], hf.get(k + 1)!, hb.get(k + 1)!);
    return out;
  }

  /** One direction of the LSTM from `from` to `to` (inclusive), keeping h at the wanted steps. */
  private run(d: 0 | 1, ids: Int32Array, from: number, to: number, step: 1 | -1, want: Set<number>, keep: Map<number, Float32Array>): void {
    const { H, G } = this;
    const hh = this.hh[d];
    const proj = this.inputProj[d];
    const h = new Float64Array(H);
    const c = new Float64Array(H);
    const z = new Float64Array(G);
    for (let p = from; step > 0 ? p <= to : p >= to; p += step) {
      const id = ids[p];
      if (!this.projDone[id]) this.project(id);
      const base = id * G;
      for (let g = 0; g < G; g++) {
        let s = proj[base + g];
        const row = g * H;
        for (let k = 0; k < H; k++) s += hh[row + k] * h[k];
        z[g] = s;
      }
      for (let k = 0; k < H; k++) {
        const i = sigmoid(z[k]);
        const f = sigmoid(z[H + k]);
        const gg = tanh(z[2 * H + k]);
        const o = sigmoid(z[3 * H + k]);
        c[k] = f * c[k] + i * gg;
        h[k] = o * tanh(c[k]);
      }
      if (want.has(p)) keep.set(p, Float32Array.from(h));
    }
  }

  /** The two fully connected layers, scored over the character's own readings only. */
  private classify(ch: string, fwd: Float32Array, bwd: Float32Array): Prediction {
    const { H } = this;
    const t = this.t;
    const hidden = t.fc1Bias.length;
    const x = new Float32Array(2 * H);
    x.set(fwd, 0);
    x.set(bwd, H);
    const a = new Float32Array(hidden);
    for (let r = 0; r < hidden; r++) {
      let s = t.fc1Bias[r];
      for (let k = 0; k < 2 * H; k++) s += t.fc1[r * 2 * H + k] * x[k];
      a[r] = s > 0 ? s : 0;
    }
    const cand = this.vocab.candidates.get(ch)!;
    const logits = cand.map((cls) => {
      let s = t.fc2Bias[cls];
      for (let r = 0; r < hidden; r++) s += t.fc2[cls * hidden + r] * a[r];
      return s;
    });
    const max = Math.max(...logits);
    const exps = logits.map((l) => Math.exp(l - max));
    const sum = exps.reduce((x, y) => x + y, 0);
    let best = 0;
    for (let k = 1; k < cand.length; k++) if (logits[k] > logits[best]) best = k;
    return { reading: this.vocab.classes[cand[best]], prob: exps[best] / sum };
  }
}
