import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab } from '../../lib/ext/messaging';
import { injectSecondStage } from '../../lib/ext/second-stage';
import { getSettings, patchSettings, patchSite, setSiteEnabled, siteRules } from '../../lib/ext/settings';
import type { PageStatus } from '../../lib/messages';
import type { ScriptMode, Settings, SiteRule } from '../../lib/settings/model';
import { setUiLanguage, t } from '../../lib/ui/i18n';
import { SCRIPT_CHOICES } from '../../lib/ui/script-choices';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; pdf: string | null }
  | { kind: 'ready'; tabId: number; status: PageStatus; settings: Settings; site: SiteRule | undefined; pdf: string | null };

/** An address that names a PDF (its path ends .pdf): the browser's own viewer shows it. */
const pdfAddress = (url: string | undefined) => (url && /^(https?|file):/.test(url) && /\.pdf$/i.test(new URL(url).pathname) ? url : null);

async function load(): Promise<State> {
  const settings = await getSettings();
  setUiLanguage(settings.uiLanguage);
  const tabIdParam = new URLSearchParams(location.search).get('tab');
  const tab = tabIdParam ? await browser.tabs.get(Number(tabIdParam)).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const tabId = tabIdParam ? Number(tabIdParam) : tab?.id;
  // The tab's address is known only where Dubao may read it (a site whose PDFs it was allowed
  // to read); else the content script, where the browser runs it in its PDF viewer, says so.
  const pdf = pdfAddress(tab?.url);
  if (tabId === undefined) return { kind: 'unavailable', pdf };
  try {
    // A page without Chinese has only the first stage, which answers nothing: load the second.
    const status = await askTab(tabId, 'status', {}).catch(async () => {
      await injectSecondStage(tabId);
      return askTab(tabId, 'status', {});
    });
    const site = (await siteRules.getValue())[status.host];
    return { kind: 'ready', tabId, status, settings, site, pdf: status.pdf ?? pdf };
  } catch {
    return { kind: 'unavailable', pdf };
  }
}


export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const reload = () => void load().then(setState);
  useEffect(reload, []);

  if (state.kind === 'loading') return <main aria-busy="true"><h1>{t('name')}</h1></main>;
  if (state.kind === 'unavailable')
    return (
      <main>
        <h1>{t('name')}</h1>
        {state.pdf ? <OpenPdf url={state.pdf} /> : <p class="muted">{t('unavailable')}</p>}
      </main>
    );
  const { status, settings, site } = state;
  // The content script follows storage; read its new status once it has had time to act.
  const after = (p: Promise<void>) => void p.then(() => setTimeout(reload, 400));
  const on = status.enabled && status.chinese;
  if (state.pdf)
    return (
      <main>
        <h1>{t('name')}</h1>
        <OpenPdf url={state.pdf} />
      </main>
    );
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
          {SCRIPT_CHOICES.map(([v, key]) => (
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

/** The tab shows a PDF: open it in Dubao's viewer (pdf.html?url=…), in a new tab beside it. */
function OpenPdf({ url }: { url: string }) {
  return (
    <div class="row">
      <button
        type="button"
        id="open-pdf"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/pdf.html?url=${encodeURIComponent(url)}` as '/') }).then(() => window.close())}
      >
        {t('openInDubao')}
      </button>
    </div>
  );
}
