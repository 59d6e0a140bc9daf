/**
 * Settings: display (pinyin style, tone colours, interface language, highlight style, hover),
 * site rules (always on / never on), and the keyboard shortcuts with how to change them.
 * Every control is a labelled native input, reachable by keyboard.
 */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, patchSettings, settingsItem, siteRules } from '../../lib/ext/settings';
import { DEFAULT_SETTINGS, withSite, type Settings as S, type SiteRules } from '../../lib/settings/model';
import { setUiLanguage, t } from '../../lib/ui/i18n';

export function Settings() {
  const [settings, setSettings] = useState<S | null>(null);
  const [rules, setRules] = useState<SiteRules>({});
  const [newHost, setNewHost] = useState('');

  useEffect(() => {
    void getSettings().then(setSettings);
    void siteRules.getValue().then(setRules);
    const unwatch = [settingsItem.watch(() => void getSettings().then(setSettings)), siteRules.watch((v) => setRules(v ?? {}))];
    return () => unwatch.forEach((u) => u());
  }, []);

  if (!settings) return <section class="settings" aria-busy="true" />;
  const set = (patch: Partial<S>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    // A new interface language re-renders the whole page in it.
    if (patch.uiLanguage) {
      setUiLanguage(patch.uiLanguage);
      void patchSettings(patch).then(() => location.reload());
      return;
    }
    void patchSettings(patch);
  };
  const saveRules = (r: SiteRules) => {
    setRules(r);
    void siteRules.setValue(r);
  };

  return (
    <section class="settings">
      <fieldset>
        <legend>{t('display')}</legend>
        <label>
          {t('pinyinStyle')}{' '}
          <select id="pinyin-style" value={settings.pinyinStyle} onChange={(e) => set({ pinyinStyle: e.currentTarget.value as S['pinyinStyle'] })}>
            <option value="marks">{t('styleMarks')}</option>
            <option value="numbers">{t('styleNumbers')}</option>
            <option value="zhuyin">{t('styleZhuyin')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" id="tone-colors" checked={settings.toneColors} onChange={(e) => set({ toneColors: e.currentTarget.checked })} /> {t('toneColors')}
        </label>
        <label>
          {t('uiLanguage')}{' '}
          <select id="ui-language" value={settings.uiLanguage} onChange={(e) => set({ uiLanguage: e.currentTarget.value as S['uiLanguage'] })}>
            <option value="auto">{t('langAuto')}</option>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('highlightStyle')}{' '}
          <select id="highlight-style" value={settings.highlightStyle} onChange={(e) => set({ highlightStyle: e.currentTarget.value as S['highlightStyle'] })}>
            <option value="underline">{t('underline')}</option>
            <option value="background">{t('background')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" id="hover-alt" checked={settings.hoverNeedsAlt} onChange={(e) => set({ hoverNeedsAlt: e.currentTarget.checked })} /> {t('hoverNeedsAlt')}
        </label>
        <button type="button" onClick={() => set(DEFAULT_SETTINGS)}>{t('reset')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('sites')}</legend>
        {Object.keys(rules).length === 0 && <p class="muted">{t('noSites')}</p>}
        <ul>
          {Object.entries(rules).map(([host, rule]) => (
            <li>
              <label>
                <code>{host}</code>{' '}
                <select aria-label={`${t('rule')} ${host}`} value={rule.mode} onChange={(e) => saveRules(withSite(rules, host, { mode: e.currentTarget.value as 'always' | 'never' | 'default' }))}>
                  <option value="default">{t('ruleDefault')}</option>
                  <option value="always">{t('ruleAlways')}</option>
                  <option value="never">{t('ruleNever')}</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const host = newHost.trim().replace(/^https?:\/\//, '').split('/')[0];
            if (host) saveRules(withSite(rules, host, { mode: 'never' }));
            setNewHost('');
          }}
        >
          <label>
            {t('addNever')} <input id="new-host" value={newHost} placeholder="example.com" onInput={(e) => setNewHost(e.currentTarget.value)} />
          </label>{' '}
          <button type="submit">{t('add')}</button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('shortcuts')}</legend>
        <p>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> / <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>: {t('scNext')}
          <br />
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>Y</kbd>: {t('scPinyin')}
          <br />
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>: {t('scSidebar')}
          <br />
          <kbd>Esc</kbd>: {t('scEsc')}
          <br />
          <kbd>S</kbd> / <kbd>L</kbd>: {t('scSaveListen')}
        </p>
        <p class="muted">
          Chrome / Edge: <code>chrome://extensions/shortcuts</code>. Firefox: <code>about:addons</code> → ⚙ → {t('ffShortcuts')}
        </p>
      </fieldset>
    </section>
  );
}
