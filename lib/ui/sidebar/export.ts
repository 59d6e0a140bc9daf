// Exports of the page digest: Markdown, JSON, and a TSV of terms that Anki imports
// (front: term and pinyin; back: English and summary; tab-separated, no header).
import type { PageDigest } from '../../messages';

export function digestMarkdown(d: PageDigest, url: string): string {
  const out: string[] = [`# ${url}`, ''];
  d.articles.forEach((a, i) => {
    out.push(`## ${i + 1}. ${a.title ?? '(untitled)'}`);
    const meta = [a.byline, a.source, a.dateline].filter(Boolean).join(' · ');
    if (meta) out.push(`*${meta}*`);
    out.push('');
    for (const s of a.sentences) out.push(`- ${s.text}`);
    if (a.people.length) out.push('', `**People:** ${a.people.map((p) => (p.title ? `${p.title} ${p.name}` : p.name)).join('; ')}`);
    if (a.places.length) out.push(`**Places:** ${a.places.map((p) => p.text).join('、')}`);
    if (a.figures.length) out.push(`**Figures:** ${a.figures.map((f) => f.text).join('; ')}`);
    if (a.terms.length) out.push(`**Terms:** ${a.terms.map((t) => `${t.term} (${t.english}) ×${t.count}`).join('; ')}`);
    out.push('');
  });
  if (d.formulas.length) out.push('## Numbered formulas not in the glossary', '', ...d.formulas.map((f) => `- ${f.text}`), '');
  return out.join('\n');
}

const cell = (s: string) => s.replace(/[\t\n\r]+/g, ' ').trim();

/** The sidebar's JSON export (and `dubao digest --format json`). */
export function digestJson(d: PageDigest, url: string): string {
  return JSON.stringify({ url, ...d }, null, 2);
}

export function termsTsv(d: PageDigest, summaries: Map<string, string>): string {
  return d.terms.map((t) => [cell(`${t.term} ${t.pinyin}`), cell(`${t.english} — ${summaries.get(t.id) ?? ''}`), 'dubao'].join('\t')).join('\n') + '\n';
}
