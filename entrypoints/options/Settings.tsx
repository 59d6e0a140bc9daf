/** Settings: keyboard shortcuts and how to change them in each browser. */
import { optionsText as tx } from '../../lib/ui/options-i18n';

export function Settings() {
  return (
    <section class="settings">
      <fieldset>
        <legend>Keyboard shortcuts · 快捷键</legend>
        <p>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> / <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>: next / previous term on the page (the card opens on it). <kbd>Esc</kbd> closes the card.
        </p>
        <p class="muted">
          Chrome: <code>chrome://extensions/shortcuts</code>. Firefox: <code>about:addons</code> → ⚙ → Manage Extension Shortcuts.
        </p>
      </fieldset>
      <p class="muted">{tx('settings')}</p>
    </section>
  );
}
