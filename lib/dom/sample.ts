/**
 * Is there Chinese on this page? Answered cheaply, without layout: a bounded walk over text
 * nodes (no innerText). The first-stage content script runs this on every page the reader opens,
 * so it imports nothing but the text walker and the Han tests.
 */
import { hanUnits, looksChinese } from '../text/han';
import { textNodes } from './walk';

/**
 * Sample the visible text under `root` cheaply (no layout): up to ~`limit` characters that are
 * not white space (a portal's header is thousands of indenting blanks before its first word).
 */
export function sampleText(root: Element | null, limit = 4000): string {
  if (!root) return '';
  let out = '';
  let i = 0;
  for (const node of textNodes(root)) {
    if (out.length >= limit || i++ >= 50_000) break;
    const t = node.data.replace(/\s+/g, ' ');
    if (t.trim()) out += t;
  }
  return out;
}

/** A page in Japanese or Korean: its Han characters are not Chinese text. */
function declaredJapaneseOrKorean(doc: Document): boolean {
  const lang = (doc.documentElement.lang || '').toLowerCase();
  return lang.startsWith('ja') || lang.startsWith('ko');
}

/**
 * Han characters in the first `limit` characters of text under `root`, counted the quickest way:
 * every text node (no element looked at, so script and style text count too), no regex. Most
 * pages a reader opens have none: for them this is the whole check. The limit is generous (the
 * skipped text, blanks and scripts, counts against it, unlike sampleText's).
 */
export function quickHanCount(root: Element | null, limit = 65_536): number {
  if (!root) return 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let seen = 0;
  let han = 0;
  for (let n = walker.nextNode(); n && seen < limit; n = walker.nextNode()) {
    const t = (n as Text).data;
    seen += t.length;
    han += hanUnits(t);
  }
  return han;
}

export function pageIsChinese(doc: Document): boolean {
  return !declaredJapaneseOrKorean(doc) && quickHanCount(doc.body) >= 20 && looksChinese(sampleText(doc.body));
}

/** Do these nodes (added to the page after load) hold Chinese text? At most `limit` characters read. */
export function nodesLookChinese(doc: Document, nodes: Iterable<Node>, limit = 4000): boolean {
  if (declaredJapaneseOrKorean(doc)) return false;
  let text = '';
  for (const n of nodes) {
    if (text.length >= limit) break;
    if (!n.isConnected) continue;
    if (n.nodeType === 3) {
      const p = n.parentElement;
      if (p && !p.closest('script,style,noscript,template,textarea,[data-dubao-ui]')) text += (n as Text).data;
    } else if (n.nodeType === 1) text += sampleText(n as Element, limit - text.length);
  }
  return looksChinese(text);
}

/** How long to wait before the n-th re-check: quick at first, then no more than one every 5 s. */
export const recheckDelay = (n: number): number => Math.min(500 * 2 ** n, 5000);

/**
 * Watch a page that has no Chinese yet (a single-page site that renders its text later) at a
 * bounded cost: the observer only notes what was added and switches itself off until the next
 * check, which runs at idle time after a delay that grows with each check (recheckDelay; it
 * starts over when the address changes). A check reads the added nodes and the top of the page,
 * both bounded. Calls `found` once and stops; stops too when `signal` aborts. `spent` receives
 * the script time of each check (ms, the script's own performance.now()).
 */
export function watchForChinese(doc: Document, signal: AbortSignal, found: () => void, spent: (ms: number) => void = () => undefined): void {
  if (signal.aborted || !doc.documentElement) return; // (an XML document may have none)
  const added: Node[] = [];
  let checks = 0;
  let href = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  // The content script's own timers and observer (in Firefox, the page window's are Xrays).
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (added.length >= 200) break;
      if (r.type === 'characterData') added.push(r.target);
      else for (const n of r.addedNodes) if (added.length < 200) added.push(n);
    }
    observer.disconnect();
    if (location.href !== href) (href = location.href), (checks = 0);
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(check, { timeout: 2000 });
      else check();
    }, recheckDelay(checks++));
  });
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const check = () => {
    if (signal.aborted) return;
    const t0 = performance.now();
    const nodes = added.splice(0);
    const chinese = nodesLookChinese(doc, nodes) || pageIsChinese(doc);
    spent(performance.now() - t0);
    if (chinese) found();
    else observe();
  };
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  });
  observe();
}
