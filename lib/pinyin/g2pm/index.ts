/**
 * The polyphone model as the engine uses it: the packed weights (public/data/g2pm.json + .bin,
 * loaded once by the background or the CLI) and the policy learned from data
 * (assets/lexicons/g2pm-policy.json, bundled), as a PolyphoneReader for readText's step 6.
 */
import policyJson from '../../../assets/lexicons/g2pm-policy.json';
import { PolyphoneModel } from './combine';
import { modelFromPacked, type PackedMeta } from './format';
import type { Policy } from './policy';

export { PolyphoneModel } from './combine';
export type { PackedMeta } from './format';

export const POLICY: Policy = {
  sources: policyJson.sources,
  chars: policyJson.chars,
  never: policyJson.never,
  pairs: policyJson.pairs,
  fallback: policyJson.fallback,
  fallbackRank: policyJson.fallbackRank,
  denied: policyJson.denied,
  listed: policyJson.listed ? policyJson.listed.split(' ') : [],
};

/**
 * The model with its policy. A fallback for `unlisted` needs every polyphone's dictionary words
 * (meta.listed, shipped with the model, for the characters of the ranks it may switch); without
 * them that fallback is dropped.
 */
export function polyphoneModel(meta: PackedMeta, bin: ArrayBuffer | Uint8Array, policy: Policy = POLICY): PolyphoneModel {
  const model = modelFromPacked(meta, bin);
  if (!meta.listed || (meta.listedFromRank ?? 0) > policy.fallbackRank) {
    const { unlisted: _, ...fallback } = policy.fallback;
    return new PolyphoneModel(model, { ...policy, fallback });
  }
  const words = new Set([...meta.listed.split(' '), ...policy.listed]);
  return new PolyphoneModel(model, policy, (w) => words.has(w));
}
