/**
 * Which step of the reader decided a character's reading (lib/pinyin/reading.ts). The polyphone
 * model's policy (lib/pinyin/g2pm/policy.ts) is keyed on it: per character and source, whether
 * the model or the step's own reading wins.
 */
export const SOURCE_NAMES = ['none', 'sentence', 'token', 'cedict', 'word', 'place', 'name', 'rule', 'default', 'model'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export const SOURCE = Object.fromEntries(SOURCE_NAMES.map((n, i) => [n, i])) as { [K in SourceName]: number };
