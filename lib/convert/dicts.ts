/**
 * Which of opencc-js's dictionaries each mode runs, in which order: the same chains as
 * opencc-js's own configs (dist/esm-lib/preset/full.js: s2t, s2tw, s2hk, s2twp, t2s, tw2s,
 * hk2s), imported one by one so a bundle carries only these and not the Japanese or
 * Hong Kong phrase tables.
 */
import CJK from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STPhrases from 'opencc-js/dict/STPhrases';
import STRegional from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { ScriptMode } from '../settings/model';

/** What kind of traditional text 's' mode reads. */
export type TraditionalSource = 't' | 'tw' | 'hk';

export interface DictSpec {
  data: string;
  /**
   * Vocabulary substitution (视频→影片, 的士→計程車): applies only to whole words or runs of
   * whole words. The other dictionaries choose a character in context (头发→頭髮) and may also
   * apply inside one word (理发店 → 理髮店).
   */
  words?: boolean;
}

/** One conversion step: a group of dictionaries merged into one trie, earlier ones winning. */
export interface StageSpec {
  name: string;
  dicts: DictSpec[];
}

const d = (data: string, words = false): DictSpec => ({ data, words });

export const STAGES = {
  norm: { name: 'norm', dicts: [d(CJK)] },
  st: { name: 'st', dicts: [d(STPhrases), d(STRegional), d(STCharacters)] },
  tw: { name: 'tw', dicts: [d(TWVariantsPhrases), d(TWVariants)] },
  twp: { name: 'twp', dicts: [d(TWPhrases, true), d(TWVariantsPhrases), d(TWVariants)] },
  hk: { name: 'hk', dicts: [d(HKVariantsPhrases), d(HKVariants)] },
  twRev: { name: 'twRev', dicts: [d(TWVariantsRevPhrases), d(TWVariantsRev)] },
  hkRev: { name: 'hkRev', dicts: [d(HKVariantsRevPhrases), d(HKVariantsRev)] },
  ts: { name: 'ts', dicts: [d(TSPhrases), d(TSCharacters)] },
} satisfies Record<string, StageSpec>;

/** The stages of a mode, first to last. Only the last stage may change a text's length. */
export function chainFor(mode: ScriptMode, from: TraditionalSource = 'tw'): StageSpec[] {
  const s = STAGES;
  switch (mode) {
    case 't':
      return [s.norm, s.st];
    case 'tw':
      return [s.norm, s.st, s.tw];
    case 'hk':
      return [s.norm, s.st, s.hk];
    case 'twp':
      return [s.norm, s.st, s.twp];
    case 's':
      return from === 't' ? [s.norm, s.ts] : from === 'hk' ? [s.norm, s.hkRev, s.ts] : [s.norm, s.twRev, s.ts];
  }
}

/** The opencc-js converter options that do the same conversion without word boundaries. */
export function openccOptions(mode: ScriptMode, from: TraditionalSource = 'tw'): { from: string; to: string } {
  return mode === 's' ? { from, to: 'cn' } : { from: 'cn', to: mode };
}
