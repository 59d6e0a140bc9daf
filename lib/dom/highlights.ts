/**
 * Term highlights with the CSS Custom Highlight API: ranges registered under a name and
 * styled by ::highlight(name) in the content script's stylesheet. The page's DOM is not touched.
 */
export const TERM_HIGHLIGHT = 'dubao-term';
export const TERM_BG_HIGHLIGHT = 'dubao-term-bg';
export const FORMULA_HIGHLIGHT = 'dubao-formula';
export const ACTIVE_HIGHLIGHT = 'dubao-active';

type HighlightCtor = new (...ranges: Range[]) => unknown;
interface Registry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

function registry(win: Window): { reg: Registry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { reg: css.highlights, Highlight } : null;
}

export function setHighlight(win: Window, name: string, ranges: Range[]): boolean {
  const r = registry(win);
  if (!r) return false;
  if (ranges.length) r.reg.set(name, new r.Highlight(...ranges));
  else r.reg.delete(name);
  return true;
}

export function clearHighlights(win: Window): void {
  const r = registry(win);
  for (const name of [TERM_HIGHLIGHT, TERM_BG_HIGHLIGHT, FORMULA_HIGHLIGHT, ACTIVE_HIGHLIGHT]) r?.reg.delete(name);
}
