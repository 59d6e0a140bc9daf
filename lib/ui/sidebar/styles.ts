export const SIDEBAR_WIDTH = 360;

export const SIDEBAR_CSS = `
:host { all: initial; }
.sidebar { position: fixed; top: 0; right: 0; bottom: 0; width: ${SIDEBAR_WIDTH}px; z-index: 2147483645; box-sizing: border-box;
  overflow: auto; padding: 10px 14px 24px; font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #1d1d1f;
  background: #fbf8f1; border-left: 1px solid #d8cfc0; box-shadow: -4px 0 16px rgba(0,0,0,.08); }
header { display: flex; align-items: center; justify-content: space-between; }
h2 { font-size: 16px; margin: 4px 0; color: #8b1e1e; }
h3 { font-size: 13px; margin: 14px 0 4px; color: #666; text-transform: uppercase; letter-spacing: .03em; }
ol.articles { margin: 0; padding-left: 18px; }
li.article { margin-bottom: 14px; content-visibility: auto; contain-intrinsic-size: auto 240px; }
button { font: inherit; color: inherit; cursor: pointer; }
.title { display: block; text-align: left; border: 0; background: none; padding: 0; font-weight: 600; font-size: 15px; }
.byline { color: #666; font-size: 12px; }
ul.sentences { margin: 4px 0; padding-left: 16px; list-style: none; }
/* The bullet belongs to the button's first line (a list marker beside a wrapped inline-block
   button sits at its last line). */
ul.sentences .item { display: block; position: relative; width: 100%; }
ul.sentences .item::before { content: "•"; position: absolute; left: -12px; top: 0; }
.item { display: inline; text-align: left; border: 0; background: none; padding: 0; }
.group { margin-top: 4px; }
.label { display: block; color: #666; font-size: 12px; }
.more { margin: 2px 4px 0 0; padding: 0 8px; border: none; background: transparent; color: #8a5a00; font-size: 12px; text-decoration: underline; cursor: pointer; }
.chip { margin: 2px 4px 0 0; padding: 0 8px; border: 1px solid #d8cfc0; border-radius: 10px; background: transparent; font-size: 13px; }
.close { border: 0; background: none; font-size: 20px; color: #666; }
.exports { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 14px; }
.exports button { border: 1px solid #c9b9a0; border-radius: 6px; background: transparent; padding: 2px 8px; }
.muted { color: #666; }
button:hover { color: #8b1e1e; }
button:focus-visible { outline: 2px solid #8b1e1e; outline-offset: 2px; }
.fab { position: fixed; right: 16px; bottom: 16px; z-index: 2147483644; width: 40px; height: 40px; border-radius: 20px; border: 0;
  background: #8b1e1e; color: #fff; font: 600 18px/40px "Noto Serif CJK SC", serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
@media (prefers-color-scheme: dark) {
  .sidebar { color: #eee; background: #23211e; border-color: #4a443b; }
  h2, button:hover { color: #f0b860; }
  h3, .byline, .label, .muted, .close { color: #bbb; }
  .chip, .exports button { border-color: #6a5f4f; }
  .more { color: #f0b860; }
  .fab { background: #f0b860; color: #1b1b1b; }
}
`;
