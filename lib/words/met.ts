/**
 * How often saved words occur in a page's texts, so that "times met" counts every page the
 * reader opens, not only the page a word was saved from. One pass per text over its positions,
 * looking words up by their first character (a few thousand saved words cost one scan).
 */
export function countSaved(texts: string[], words: string[]): Record<string, number> {
  const byFirst = new Map<string, string[]>();
  for (const w of new Set(words)) {
    if (!w) continue;
    const list = byFirst.get(w[0]);
    if (list) list.push(w);
    else byFirst.set(w[0], [w]);
  }
  const counts: Record<string, number> = {};
  for (const text of texts)
    for (let i = 0; i < text.length; i++) {
      const candidates = byFirst.get(text[i]);
      if (!candidates) continue;
      for (const w of candidates) if (text.startsWith(w, i)) counts[w] = (counts[w] ?? 0) + 1;
    }
  return counts;
}
