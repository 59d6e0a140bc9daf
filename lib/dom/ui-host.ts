/**
 * Dubao's UI on a page: a custom element appended to <html> (outside the page's <body>),
 * marked so that our scanners pass over it, with an open shadow root holding its CSS, so that
 * page CSS cannot reach in and ours cannot leak out.
 */
import { UI_HOST_ATTR } from './walk';

export function createUiHost(doc: Document, tag: string, role: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(UI_HOST_ATTR, role);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
