/**
 * Reading and packing the g2pM weights. Two forms:
 *   - the source, as ../shared/data/g2pm holds it: float32 tensors concatenated (weights.f32) with
 *     a table of names, shapes and offsets (weights.json), char2idx, class2idx, digest_cedict;
 *   - the packed form the extension ships (public/data/g2pm.json + g2pm.bin, built by
 *     scripts/build-data.ts): matrices quantised (int8 with a float32 scale per row, or float16),
 *     biases float32, and only the polyphonic characters' readings.
 * Pure: callers read the files (./node.ts in Node, a fetch in the background).
 */
import { G2pm, type G2pmTensors, type G2pmVocab } from './model';
import { FALLBACK_RANK } from './policy';

export interface SourceTensor {
  name: string;
  shape: number[];
  offset: number;
}

export interface G2pmSource {
  tensors: { tensors: SourceTensor[] };
  weights: ArrayBuffer | Uint8Array;
  char2idx: Record<string, number>;
  class2idx: Record<string, number>;
  digest: Record<string, string[]>;
  /** CC-CEDICT's words (2+ characters): those holding a polyphone ship as PackedMeta.listed. */
  words?: Iterable<string>;
}

export type Precision = 'f32' | 'f16' | 'i8';

interface PackedTensor {
  name: string;
  shape: number[];
  dtype: Precision;
  offset: number;
  /** i8: byte offset of one float32 scale per row. */
  scales?: number;
}

export interface PackedMeta {
  format: 'dubao-g2pm-1';
  /** Input characters in id order (id 0 padding, 1 unknown: written as '' here). */
  chars: string[];
  /** Output classes in id order (numbered pinyin). */
  classes: string[];
  /** Polyphonic character → output ids of its readings. */
  candidates: Record<string, number[]>;
  tensors: PackedTensor[];
  bytes: number;
  /**
   * The dictionary words (CC-CEDICT, CC BY-SA 4.0) that hold a polyphone, space-separated: where
   * a jieba word holds none of them around a character, that character is `unlisted`
   * (./policy.ts). Absent: the policy's own short list only.
   */
  listed?: string;
  /** The rarest characters' ranks (ids) whose words `listed` holds: see Policy.fallbackRank. */
  listedFromRank?: number;
}

const NAMES = {
  embedding: 'embedding.weight',
  fw: ['lstm.weight_ih_l0', 'lstm.weight_hh_l0', 'lstm.bias_ih_l0', 'lstm.bias_hh_l0'],
  bw: ['lstm.weight_ih_l0_reverse', 'lstm.weight_hh_l0_reverse', 'lstm.bias_ih_l0_reverse', 'lstm.bias_hh_l0_reverse'],
  fc1: 'logit_layer.0.weight',
  fc1Bias: 'logit_layer.0.bias',
  fc2: 'logit_layer.2.weight',
  fc2Bias: 'logit_layer.2.bias',
} as const;

function assemble(get: (name: string) => Float32Array): G2pmTensors {
  const lstm = (n: readonly string[]) => ({ ih: get(n[0]), hh: get(n[1]), biasIh: get(n[2]), biasHh: get(n[3]) });
  return {
    embedding: get(NAMES.embedding),
    fw: lstm(NAMES.fw),
    bw: lstm(NAMES.bw),
    fc1: get(NAMES.fc1),
    fc1Bias: get(NAMES.fc1Bias),
    fc2: get(NAMES.fc2),
    fc2Bias: get(NAMES.fc2Bias),
  };
}

const bytesOf = (b: ArrayBuffer | Uint8Array) => (b instanceof Uint8Array ? b : new Uint8Array(b));
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Little-endian float32 from any byte offset (a copy, aligned). */
function f32At(bytes: Uint8Array, offset: number, n: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * 4);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The source's float32 tensors by name. */
export function sourceTensors(src: G2pmSource): Map<string, { shape: number[]; data: Float32Array }> {
  const bytes = bytesOf(src.weights);
  return new Map(src.tensors.tensors.map((t) => [t.name, { shape: t.shape, data: f32At(bytes, t.offset, size(t.shape)) }]));
}

/** The polyphonic characters of the digest (more than one reading) and their output ids. */
function candidatesOf(src: G2pmSource): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [ch, readings] of Object.entries(src.digest)) {
    if (readings.length < 2) continue;
    const ids = readings.map((r) => src.class2idx[r]).filter((i) => i !== undefined);
    if (ids.length > 1) out[ch] = ids;
  }
  return out;
}

function vocabOf(chars: string[], classes: string[], candidates: Record<string, number[]>): G2pmVocab {
  const charIds = new Map<string, number>();
  chars.forEach((c, i) => c && !charIds.has(c) && charIds.set(c, i));
  return { charIds, classes, candidates: new Map(Object.entries(candidates)) };
}

const inIdOrder = (m: Record<string, number>, special: (k: string) => boolean) => {
  const out: string[] = [];
  for (const [k, i] of Object.entries(m)) out[i] = special(k) ? '' : k;
  return Array.from(out, (k) => k ?? '');
};

/** The model straight from the source files (float32), as the paper's checkpoint has it. */
export function modelFromSource(src: G2pmSource): G2pm {
  const t = sourceTensors(src);
  const chars = inIdOrder(src.char2idx, (k) => k === '<PAD>' || k === '<UNK>');
  const classes = inIdOrder(src.class2idx, () => false);
  return new G2pm(assemble((n) => t.get(n)!.data), vocabOf(chars, classes, candidatesOf(src)));
}

// float16 by hand: Node 20 has no Float16Array.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
export function toHalf(x: number): number {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = ((b >>> 23) & 0xff) - 127 + 15;
  let mant = b & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    return sign | ((mant + (1 << (shift - 1))) >> shift);
  }
  if (exp >= 31) return sign | 0x7c00;
  const r = sign | (exp << 10) | (mant >> 13);
  return (mant & 0x1000) !== 0 ? r + 1 : r; // round half up on the dropped bits
}
export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/**
 * The packed form: matrices in `precision` (int8: symmetric, one scale per row), vectors in
 * float32, the vocabulary and the polyphones' readings in the JSON.
 */
export function packG2pm(src: G2pmSource, precision: Precision): { meta: PackedMeta; bin: Uint8Array } {
  const t = sourceTensors(src);
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    const pad = (4 - (offset % 4)) % 4; // keep float32 data 4-byte aligned
    if (pad) parts.push(new Uint8Array(pad));
    offset += pad;
    parts.push(b);
    const at = offset;
    offset += b.length;
    return at;
  };
  const tensors: PackedTensor[] = [];
  for (const [name, { shape, data }] of t) {
    const dtype: Precision = shape.length < 2 ? 'f32' : precision;
    if (dtype === 'f32') {
      tensors.push({ name, shape, dtype, offset: push(new Uint8Array(data.buffer.slice(0))) });
    } else if (dtype === 'f16') {
      const h = new Uint16Array(data.length);
      for (let i = 0; i < data.length; i++) h[i] = toHalf(data[i]);
      tensors.push({ name, shape, dtype, offset: push(new Uint8Array(h.buffer)) });
    } else {
      const cols = shape[shape.length - 1];
      const rows = data.length / cols;
      const q = new Int8Array(data.length);
      const scales = new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        let max = 0;
        for (let k = 0; k < cols; k++) max = Math.max(max, Math.abs(data[r * cols + k]));
        const s = max / 127 || 1;
        scales[r] = s;
        for (let k = 0; k < cols; k++) q[r * cols + k] = Math.round(data[r * cols + k] / s);
      }
      const at = push(new Uint8Array(q.buffer));
      tensors.push({ name, shape, dtype, offset: at, scales: push(new Uint8Array(scales.buffer)) });
    }
  }
  const bin = new Uint8Array(offset);
  let p = 0;
  for (const b of parts) {
    bin.set(b, p);
    p += b.length;
  }
  const meta: PackedMeta = {
    format: 'dubao-g2pm-1',
    chars: inIdOrder(src.char2idx, (k) => k === '<PAD>' || k === '<UNK>'),
    classes: inIdOrder(src.class2idx, () => false),
    candidates: candidatesOf(src),
    tensors,
    bytes: bin.length,
  };
  if (src.words) {
    // Only the polyphones the policy's fallback may switch (rare ones) need their words here.
    const rare = (ch: string) => !!meta.candidates[ch] && (src.char2idx[ch] ?? 0) >= FALLBACK_RANK;
    const listed = new Set<string>();
    for (const w of src.words) if (w.length >= 2 && [...w].some(rare)) listed.add(w);
    meta.listed = [...listed].sort().join(' ');
    meta.listedFromRank = FALLBACK_RANK;
  }
  return { meta, bin };
}

/** The model from its packed form (public/data/g2pm.json + g2pm.bin). */
export function modelFromPacked(meta: PackedMeta, bin: ArrayBuffer | Uint8Array): G2pm {
  if (meta.format !== 'dubao-g2pm-1') throw new Error(`g2pm: unknown format ${String(meta.format)}`);
  const bytes = bytesOf(bin);
  if (bytes.length !== meta.bytes) throw new Error(`g2pm: ${bytes.length} bytes, expected ${meta.bytes}`);
  const byName = new Map(meta.tensors.map((t) => [t.name, t]));
  const get = (name: string): Float32Array => {
    const t = byName.get(name);
    if (!t) throw new Error(`g2pm: tensor ${name} missing`);
    const n = size(t.shape);
    if (t.dtype === 'f32') return f32At(bytes, t.offset, n);
    const out = new Float32Array(n);
    if (t.dtype === 'f16') {
      const view = new DataView(bytes.buffer, bytes.byteOffset + t.offset, n * 2);
      for (let i = 0; i < n; i++) out[i] = fromHalf(view.getUint16(i * 2, true));
      return out;
    }
    const cols = t.shape[t.shape.length - 1];
    const scales = f32At(bytes, t.scales!, n / cols);
    const q = new Int8Array(bytes.buffer, bytes.byteOffset + t.offset, n);
    for (let i = 0; i < n; i++) out[i] = q[i] * scales[Math.floor(i / cols)];
    return out;
  };
  return new G2pm(assemble(get), vocabOf(meta.chars, meta.classes, meta.candidates));
}
