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

export const POLICY: Policy = { sources: policyJson.sources, chars: policyJson.chars, never: policyJson.never, pairs: policyJson.pairs, listed: policyJson.listed ? policyJson.listed.split(' ') : [] };

export function polyphoneModel(meta: PackedMeta, bin: ArrayBuffer | Uint8Array, policy: Policy = POLICY): PolyphoneModel {
  return new PolyphoneModel(modelFromPacked(meta, bin), policy);
}
