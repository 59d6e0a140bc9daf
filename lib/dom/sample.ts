/**
 * Is there Chinese on this page? Answered cheaply, without layout (no innerText): the page's
 * text in one native call scanned for Han, then, only where there is some, a bounded walk over
 * the visible text. The first-stage content script runs this on every page the reader opens, so
 * it imports nothing but the text walker and the Han tests.
 */
import { looksChinese } from '../text/han';
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
 * UTF-16 units in the main Han blocks (CJK Unified Ideographs and Extension A, Compatibility
 * Ideographs, the lead surrogates of the supplementary ideographic planes): rare Han outside them
 * (〇, radicals) is left to the exact tests. A pattern, because V8 and SpiderMonkey scan a string
 * for a character class natively, where a loop over char codes in a content script took ~0.14 µs
 * a character (9 ms for 65,536). No `u` flag: lead surrogates match as units.
 */
const HAN_UNIT = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud840-\ud87f]/g;

/**
 * All the text of `root` (script and style text included) in one native call. For a document,
 * a Range over it: reaching documentElement or body costs as much again (in the content script's
 * world every DOM interface is made on first touch), and walking text nodes costs a wrapper per
 * node (1.9 ms for the 1,900 nodes of a 125 kB English page; this takes about 0.3). On a huge
 * page the range ends before the `maxElements`-th element (counted natively): reading the text of
 * a 1 MB page whole took 4–5 ms.
 */
function allText(root: Document | Element, maxElements = 3000): string {
  if (root.nodeType !== 9) return root.textContent ?? '';
  const doc = root as Document;
  const range = doc.createRange();
  range.selectNodeContents(doc);
  const all = doc.getElementsByTagName('*');
  if (all.length > maxElements) range.setEndBefore(all[maxElements]);
  return range.toString();
}

/**
 * Han characters in the text under `root` (for a document: its first 3,000 elements), counted up
 * to `atLeast` (then it stops): every text node, script and style text too (the sample that
 * decides leaves those out). Most pages a reader opens have none: for them this is the whole check.
 */
export function quickHanCount(root: Document | Element | null, atLeast = 20): number {
  if (!root) return 0;
  const text = allText(root);
  HAN_UNIT.lastIndex = 0;
  let han = 0;
  while (han < atLeast && HAN_UNIT.exec(text)) han++;
  return han;
}

/**
 * The decision: enough Han in the quick count (the whole document: most pages stop here), a
 * page not declared Japanese or Korean, and a sample of the visible text that reads as Chinese.
 */
export function pageIsChinese(doc: Document): boolean {
  return quickHanCount(doc, 20) >= 20 && !declaredJapaneseOrKorean(doc) && looksChinese(sampleText(doc.body));
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
export function watchForChinese(doc: Document, found: () => void, spent: (ms: number) => void = () => undefined, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const added: Node[] = [];
  let checks = 0;
  // Read on the first change, not at start (one interface less on a page that never changes).
  let href: string | undefined;
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
  // The document itself, not documentElement: works without a root element (XML) and touches no element.
  const observe = () => observer.observe(doc, { childList: true, subtree: true, characterData: true });
  const check = () => {
    if (signal?.aborted) return;
    const t0 = performance.now();
    const nodes = added.splice(0);
    const chinese = nodesLookChinese(doc, nodes) || pageIsChinese(doc);
    spent(performance.now() - t0);
    if (chinese) found();
    else observe();
  };
  signal?.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  });
  observe();
}
