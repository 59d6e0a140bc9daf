/**
 * Searching the glossary as readers type: characters (simplified or traditional), pinyin with or
 * without tones and with or without spaces ("liangge queli", "liǎng gè"), or English words (the main
 * rendering, the literal reading and the other renderings in use).
 */
import type { GlossaryEntry } from './schema';
import { isHan } from '../text/han';

const stripTones = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v');

export interface SearchIndex {
  search(query: string, filters?: { category?: string; scope?: 'national' | 'local' | string }): GlossaryEntry[];
}

export function buildSearchIndex(entries: GlossaryEntry[]): SearchIndex {
  const rows = entries.map((e) => ({
    e,
    forms: [e.term, ...e.variants, ...(e.traditional ?? [])],
    pinyinToned: e.pinyin.toLowerCase(),
    // "liǎng gè què lì" → "lianggequeli": queries match with spaces removed.
    pinyinPlain: stripTones(e.pinyin.toLowerCase()).replace(/\s+/g, ''),
    // Other renderings in use find the entry too ("Two Affirmations" → 两个确立).
    english: `${e.english} ${e.literal ?? ''} ${(e.english_alt ?? []).map((a) => a.text).join(' ')}`.toLowerCase(),
  }));
  return {
    search(query, filters = {}) {
      const q = query.trim().toLowerCase();
      const scored: Array<[number, GlossaryEntry]> = [];
      for (const r of rows) {
        if (filters.category && r.e.category !== filters.category) continue;
        if (filters.scope === 'national' && r.e.scope !== 'national') continue;
        if (filters.scope === 'local' && r.e.scope === 'national') continue;
        if (filters.scope && filters.scope !== 'national' && filters.scope !== 'local' && r.e.scope !== filters.scope) continue;
        if (!q) {
          scored.push([0, r.e]);
          continue;
        }
        let score = -1;
        if (isHan(q)) {
          if (r.forms.includes(q)) score = 100;
          else if (r.forms.some((f) => f.startsWith(q))) score = 80;
          else if (r.forms.some((f) => f.includes(q))) score = 60;
          else if (r.e.summary_zh.includes(q)) score = 10;
        } else {
          const plainQ = stripTones(q).replace(/\s+/g, '');
          const hasTones = plainQ !== q.replace(/\s+/g, '') ;
          if (hasTones && r.pinyinToned.replace(/\s+/g, '').startsWith(q.replace(/\s+/g, ''))) score = 90;
          else if (!hasTones && r.pinyinPlain === plainQ) score = 95;
          else if (!hasTones && r.pinyinPlain.startsWith(plainQ)) score = 75;
          else if (hasTones && r.pinyinToned.replace(/\s+/g, '').includes(q.replace(/\s+/g, ''))) score = 50;
          else if (!hasTones && plainQ.length >= 3 && r.pinyinPlain.includes(plainQ)) score = 40;
          if (score < 0 && q.length >= 2) {
            const words = q.split(/\s+/);
            if (words.every((w) => r.english.includes(w))) score = r.english.startsWith(q) ? 70 : 30;
            else if (words.every((w) => r.e.summary_en.toLowerCase().includes(w))) score = 5;
          }
        }
        if (score >= 0) scored.push([score, r.e]);
      }
      scored.sort((a, b) => b[0] - a[0] || a[1].term.length - b[1].term.length || a[1].pinyin.localeCompare(b[1].pinyin));
      return scored.map(([, e]) => e);
    },
  };
}
