/**
 * Dubao's UI on a page: a custom element appended to <html> (outside the page's <body>),
 * marked so that our scanners pass over it, with an open shadow root holding its CSS, so that
 * page CSS cannot reach in and ours cannot leak out.
 *
 * The host is taken out of the flow (absolute, 0×0 at the page's origin; what it shows is fixed
 * or absolute inside). As an inline element (`all: initial`) beside <body> it sat in an anonymous
 * block, and Firefox rebuilds the whole page's boxes when such an inline is removed: ~0.4 s on a
 * 1,000,000-character page each time a session ended (a switch turned on or off).
 */
import { UI_HOST_ATTR } from './walk';

export function createUiHost(doc: Document, tag: string, role: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(UI_HOST_ATTR, role);
  host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
