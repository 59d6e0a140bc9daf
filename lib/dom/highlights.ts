/**
 * Term highlights with the CSS Custom Highlight API: ranges registered under a name and
 * styled by ::highlight(name) in the content script's stylesheet. The page's DOM is not touched.
 */
export const TERM_HIGHLIGHT = 'dubao-term';
export const TERM_BG_HIGHLIGHT = 'dubao-term-bg';
export const FORMULA_HIGHLIGHT = 'dubao-formula';
export const ACTIVE_HIGHLIGHT = 'dubao-active';

type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void };
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
  if (!ranges.length) r.reg.delete(name);
  else {
    // Added one by one: spreading tens of thousands of ranges into the constructor overflows the stack.
    const h = new r.Highlight();
    for (const range of ranges) h.add(range);
    r.reg.set(name, h);
  }
  return true;
}

export function clearHighlights(win: Window): void {
  clearNamed(win, [TERM_HIGHLIGHT, TERM_BG_HIGHLIGHT, FORMULA_HIGHLIGHT, ACTIVE_HIGHLIGHT]);
}

/** Remove the highlights registered under these names (a layer with names of its own). */
export function clearNamed(win: Window, names: string[]): void {
  const r = registry(win);
  for (const name of names) r?.reg.delete(name);
}
