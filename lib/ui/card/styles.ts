// The card's CSS, inside its shadow root (page CSS cannot reach in; ours cannot leak out).
export const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; width: 340px; max-height: 60vh; overflow: auto;
  padding: 12px 14px; border-radius: 8px; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif;
  color: #1d1d1f; background: #fffdf8; border: 1px solid #d8cfc0; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.head { display: flex; align-items: baseline; gap: 8px; padding-right: 20px; }
.term { font-size: 20px; font-weight: 600; color: #8b1e1e; }
.alt { color: #666; }
.pinyin { color: #444; font-size: 15px; }
.english { margin-top: 2px; font-weight: 500; }
.tag { font-size: 11px; color: #666; border: 1px solid #ccc; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.tag.official { color: #1f6b3a; border-color: #1f6b3a; }
.literal, .meta, .also, .source { color: #666; font-size: 12px; }
.source { font-size: 11px; }
.meta { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 6px; }
.summary { margin: 6px 0; }
.label { display: block; color: #666; font-size: 12px; margin-top: 4px; }
ol, ul { margin: 2px 0; padding-left: 20px; }
.defs { padding-left: 16px; }
.dpy { color: #8b1e1e; }
.related { margin-top: 4px; }
button { font: inherit; cursor: pointer; }
.chip { margin: 2px 4px 0 0; padding: 1px 8px; border-radius: 12px; border: 1px solid #c9b9a0; background: transparent; color: inherit; }
.more { margin-top: 8px; padding: 0; border: 0; background: none; color: #8b1e1e; text-decoration: underline; }
.close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; line-height: 1; color: #666; }
button:focus-visible { outline: 2px solid #8b1e1e; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #eee; background: #23211e; border-color: #4a443b; }
  .term, .dpy, .more { color: #f0b860; }
  .alt, .pinyin, .literal, .meta, .also, .source, .label, .close, .tag { color: #bbb; }
  .tag.official { color: #7fd39b; border-color: #7fd39b; }
  .chip { border-color: #6a5f4f; }
}
`;
