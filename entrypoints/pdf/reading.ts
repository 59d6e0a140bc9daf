/**
 * The reading view: the page's articles as reflowed text (headline, byline, paragraphs), written
 * as text nodes (never as HTML). The page controller (lib/dom/controller.ts) then runs on it as on
 * any page — terms, hover cards, pinyin, conversion, the summary sidebar — with these articles
 * handed to it instead of being searched for.
 */
import { countHan } from '../../lib/text/han';
import type { FoundArticle } from '../../lib/dom/find-articles';
import type { Work } from '../../lib/dom/schedule';
import { t } from '../../lib/ui/i18n';
import type { PageText } from './layout';

export function renderReading(host: HTMLElement, page: PageText): FoundArticle[] {
  const doc = host.ownerDocument;
  host.replaceChildren();
  const found: FoundArticle[] = [];
  for (const a of page.articles) {
    const el = doc.createElement('article');
    el.className = 'pdf-article';
    let titleEl: HTMLElement | null = null;
    if (a.title) {
      titleEl = doc.createElement('h2');
      titleEl.textContent = a.title;
      el.append(titleEl);
    }
    if (a.subtitle) {
      const sub = doc.createElement('p');
      sub.className = 'subtitle';
      sub.textContent = a.subtitle;
      el.append(sub);
    }
    const body = doc.createElement('div');
    body.className = 'body';
    for (const para of page.text.slice(a.bodyStart, a.bodyEnd).split('\n')) {
      if (!para.trim()) continue;
      const p = doc.createElement('p');
      p.textContent = para.trim();
      body.append(p);
    }
    el.append(body);
    if (a.continuedOn) {
      const more = doc.createElement('p');
      more.className = 'continued';
      more.textContent = t('pdfContinued', a.continuedOn);
      el.append(more);
    }
    host.append(el);
    found.push({
      root: body,
      title: a.title,
      titleEl,
      subtitle: a.subtitle,
      byline: a.byline,
      source: a.source,
      dateline: a.dateline,
      han: countHan(body.textContent ?? ''),
    });
  }
  return found;
}

/** The articles as the controller's finder wants them (sliced work that has nothing to slice). */
export function knownArticles(found: FoundArticle[]): (doc: Document) => Work<FoundArticle[]> {
  // eslint-disable-next-line require-yield
  return function* () {
    return found;
  };
}
