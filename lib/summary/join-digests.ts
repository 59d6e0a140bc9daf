/**
 * A page's digest asked for in batches of articles and joined: the digest of a 1,000,000-character
 * page is ~1 MB, and a message that size is a task of ~50 ms where it is received (the page's main
 * thread, in Firefox). Articles are digested one by one (digest.ts), so only the page-wide parts
 * need joining: term counts summed, formulas' article numbers shifted.
 */
import type { DigestInput, PageDigest } from '../messages';

/** Characters of article text per digest request. */
export const DIGEST_BATCH_CHARS = 100_000;

/** The digest of `inputs`, asked in batches of about DIGEST_BATCH_CHARS (an article is never cut). */
export async function digestInBatches(inputs: DigestInput[], ask: (batch: DigestInput[]) => Promise<PageDigest>, size = DIGEST_BATCH_CHARS): Promise<PageDigest> {
  const batches: DigestInput[][] = [];
  let cur: DigestInput[] = [];
  let len = 0;
  for (const a of inputs) {
    if (cur.length && len + a.text.length > size) {
      batches.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.text.length;
  }
  if (cur.length || !batches.length) batches.push(cur);
  return joinDigests(await Promise.all(batches.map(ask)));
}

/**
 * Digests of consecutive batches of a page's articles → the digest of them all, equal to
 * buildDigest over all of them at once: the page's terms in the order buildDigest gives (by
 * count; equal counts in order of first appearance).
 */
export function joinDigests(parts: PageDigest[]): PageDigest {
  if (parts.length === 1) return parts[0];
  const out: PageDigest = { articles: [], terms: [], formulas: [] };
  const terms = new Map<string, PageDigest['terms'][number]>();
  for (const p of parts) {
    const offset = out.articles.length;
    for (const f of p.formulas) out.formulas.push({ ...f, article: f.article + offset });
    const counts = new Map(p.terms.map((x) => [x.id, x]));
    // First appearance: article by article, each article's terms by where they first stand.
    for (const a of p.articles) {
      for (const x of [...a.terms].sort((u, v) => u.first.start - v.first.start)) {
        if (terms.has(x.id)) continue;
        terms.set(x.id, { ...counts.get(x.id)!, count: 0 });
      }
    }
    for (const x of p.terms) terms.get(x.id)!.count += x.count;
    out.articles.push(...p.articles);
  }
  out.terms = [...terms.values()].sort((a, b) => b.count - a.count);
  return out;
}
