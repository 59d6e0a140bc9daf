/**
 * The reader's settings: their shape, defaults and migrations. Pure data (no browser API), so
 * migrations and per-site resolution are unit-tested; lib/ext/settings.ts stores them.
 */
import type { PinyinStyle } from '../pinyin/style';

export type { PinyinStyle };

/**
 * Script conversion: 't' OpenCC standard traditional, 'tw' Taiwan, 'hk' Hong Kong, 'twp' Taiwan
 * with Taiwan phrasing, 's' simplified (for traditional pages). The one definition: a site's
 * setting, the convert message, the CLI's --script and lib/convert all use it.
 */
export const SCRIPT_MODES = ['t', 'tw', 'hk', 'twp', 's'] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

export interface Settings {
  /** Highlight glossary terms and show hover cards. */
  terms: boolean;
  /** Ruby pinyin over article text. */
  pinyin: boolean;
  pinyinStyle: PinyinStyle;
  toneColors: boolean;
  uiLanguage: 'auto' | 'zh' | 'en';
  highlightStyle: 'underline' | 'background';
  /** Hover cards only while Alt is held (for readers who find cards distracting). */
  hoverNeedsAlt: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  terms: true,
  pinyin: false,
  pinyinStyle: 'marks',
  toneColors: false,
  uiLanguage: 'auto',
  highlightStyle: 'underline',
  hoverNeedsAlt: false,
};

/** v1 stored only `showTerms`; v2 renamed it and added the rest. */
export function migrateSettingsV2(old: { showTerms?: boolean } | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, terms: old?.showTerms ?? true };
}

export interface SiteRule {
  /** 'always': on whatever the default; 'never': off; 'default': follow the global switch. */
  mode: 'always' | 'never' | 'default';
  script?: ScriptMode | null;
  sidebar?: boolean;
}

export type SiteRules = Record<string, SiteRule>;

/** v1 was a set of switched-off hosts ({ host: true }); v2 keeps a rule per host. */
export function migrateSitesV2(old: Record<string, unknown> | null | undefined): SiteRules {
  const out: SiteRules = {};
  for (const [host, v] of Object.entries(old ?? {})) if (v === true) out[host] = { mode: 'never' };
  return out;
}

export function siteEnabled(rules: SiteRules, host: string): boolean {
  return rules[host]?.mode !== 'never';
}

export function withSite(rules: SiteRules, host: string, patch: Partial<SiteRule>): SiteRules {
  const next: SiteRule = { ...{ mode: 'default' as const }, ...rules[host], ...patch };
  const out = { ...rules };
  if (next.mode === 'default' && !next.script && !next.sidebar) delete out[host];
  else out[host] = next;
  return out;
}
