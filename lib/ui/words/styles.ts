// CSS of the save and speaker buttons inside Dubao's shadow roots (hover card, sidebar).
export const WORD_BUTTONS_CSS = `
/* In the card the actions stay in sight at its foot, however long the entry (the card scrolls). */
.card .word-actions { position: sticky; bottom: -12px; margin: 8px 0 -12px; padding: 6px 0 10px; background: inherit; border-top: 1px solid rgba(128,128,128,.25); }
.word-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.save, .speak { font: inherit; font-size: 13px; cursor: pointer; color: inherit; background: transparent;
  border: 1px solid #c9b9a0; border-radius: 6px; padding: 1px 8px; }
.save[data-saved="added"], .save[data-saved="updated"] { color: #1f6b3a; border-color: #1f6b3a; }
.speak { display: inline-flex; align-items: center; gap: 4px; padding: 1px 6px; }
.speaker { flex: none; vertical-align: -2px; }
.speak.unavailable { color: #8b1e1e; border-style: dashed; }
.speak-problem { font-size: 12px; }
.sentence-row { display: flex; align-items: flex-start; gap: 4px; }
.sentence-row .item { flex: 1; width: auto; }
.save-terms { display: block; margin-top: 6px; }
.sentence-row .speak { flex: none; font-size: 11px; padding: 0 4px; margin-top: 2px; }
@media (prefers-color-scheme: dark) {
  .save, .speak { border-color: #6a5f4f; }
  .save[data-saved="added"], .save[data-saved="updated"] { color: #7fd39b; border-color: #7fd39b; }
  .speak.unavailable { color: #f0b860; }
}
`;
