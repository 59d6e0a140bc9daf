/**
 * Where the viewer's PDF comes from: an address (pdf.html?url=…) or a file the reader picked or
 * dropped. An address on another site needs host access, asked for when such a PDF is opened
 * (optional host permissions; the request itself needs the reader's click).
 */
import { browser } from 'wxt/browser';

export type Fetched =
  | { kind: 'bytes'; data: Uint8Array; name: string }
  | { kind: 'permission'; origin: string }
  | { kind: 'http'; status: number }
  | { kind: 'unreachable' }
  | { kind: 'local' };

/** The origin pattern host access is asked for (the PDF's site, every path). */
export const originPattern = (url: string) => `${new URL(url).origin}/*`;

export async function fetchPdf(url: string, signal: AbortSignal): Promise<Fetched> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'unreachable' };
  }
  if (u.protocol === 'file:') return { kind: 'local' };
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'unreachable' };
  const name = decodeURIComponent(u.pathname.split('/').pop() || u.hostname);
  try {
    const res = await fetch(u, { signal });
    if (!res.ok) return { kind: 'http', status: res.status };
    return { kind: 'bytes', data: new Uint8Array(await res.arrayBuffer()), name };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    // A cross-origin fetch without host access fails like a network error: ask for access
    // unless it is already granted (then the site itself is unreachable).
    const granted = await browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
    return granted ? { kind: 'unreachable' } : { kind: 'permission', origin: u.origin };
  }
}

/** Ask for host access to the PDF's site. Must run in the click's own task (no await before it). */
export function requestAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}
