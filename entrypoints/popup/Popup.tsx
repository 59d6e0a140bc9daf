import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab } from '../../lib/ext/messaging';
import { getSettings, patchSettings, patchSite, setSiteEnabled, siteRules } from '../../lib/ext/settings';
import type { PageStatus } from '../../lib/messages';
import type { ScriptMode, Settings, SiteRule } from '../../lib/settings/model';
import { setUiLanguage, t, type StringKey } from '../../lib/ui/i18n';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; tabId: number; status: PageStatus; settings: Settings; site: SiteRule | undefined };

async function load(): Promise<State> {
  const settings = await getSettings();
  setUiLanguage(settings.uiLanguage);
  const tabIdParam = new URLSearchParams(location.search).get('tab');
  const tabId = tabIdParam ? Number(tabIdParam) : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { kind: 'unavailable' };
  try {
    const status = await askTab(tabId, 'status', {});
    const site = (await siteRules.getValue())[status.host];
    return { kind: 'ready', tabId, status, settings, site };
  } catch {
    return { kind: 'unavailable' };
  }
}

const SCRIPTS: Array<[ScriptMode | '', StringKey]> = [
  ['', 'scriptOff'],
  ['t', 'scriptT'],
  ['tw', 'scriptTw'],
  ['hk', 'scriptHk'],
  ['twp', 'scriptTwp'],
  ['s', 'scriptS'],
];

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const reload = () => void load().then(setState);
  useEffect(reload, []);

  if (state.kind === 'loading') return <main aria-busy="true"><h1>{t('name')}</h1></main>;
  if (state.kind === 'unavailable')
    return (
      <main>
        <h1>{t('name')}</h1>
        <p class="muted">{t('unavailable')}</p>
      </main>
    );
  const { status, settings, site } = state;
  // The content script follows storage; read its new status once it has had time to act.
  const after = (p: Promise<void>) => void p.then(() => setTimeout(reload, 400));
  const on = status.enabled && status.chinese;
  return (
    <main>
      <h1>{t('name')}</h1>
      <label class="row">
        <span>
          {t('onThisSite')}
          <br />
          <span class="muted">{status.host}</span>
        </span>
        <input type="checkbox" id="site-toggle" checked={status.enabled} onChange={(e) => after(setSiteEnabled(status.host, e.currentTarget.checked))} />
      </label>
      <label class="row">
        <span>{t('termsToggle')}</span>
        <input type="checkbox" id="terms-toggle" checked={settings.terms} disabled={!on} onChange={(e) => after(patchSettings({ terms: e.currentTarget.checked }))} />
      </label>
      <label class="row">
        <span>{t('pinyinToggle')}</span>
        <input type="checkbox" id="pinyin-toggle" checked={settings.pinyin} disabled={!on} onChange={(e) => after(patchSettings({ pinyin: e.currentTarget.checked }))} />
      </label>
      <label class="row">
        <span>{t('scriptLabel')}</span>
        <select id="script-select" value={site?.script ?? ''} disabled={!on} onChange={(e) => after(patchSite(status.host, { script: (e.currentTarget.value || null) as ScriptMode | null }))}>
          {SCRIPTS.map(([v, key]) => (
            <option value={v}>{t(key)}</option>
          ))}
        </select>
      </label>
      <label class="row">
        <span>{t('sidebarToggle')}</span>
        <input type="checkbox" id="sidebar-toggle" checked={!!site?.sidebar} disabled={!on} onChange={(e) => after(patchSite(status.host, { sidebar: e.currentTarget.checked }))} />
      </label>
      <div class="row">
        <span id="found" aria-live="polite">
          {!status.chinese ? t('notChinese') : !status.enabled ? t('off') : `${t('foundArticles', status.articles.length)} · ${t('termsFound', status.terms)}`}
        </span>
      </div>
      {on && status.articles.length > 0 && (
        <ol>
          {status.articles.map((a) => (
            <li>{a.title ?? t('untitled')}</li>
          ))}
        </ol>
      )}
      <div class="row">
        <button type="button" id="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsLink')}
        </button>
      </div>
    </main>
  );
}
