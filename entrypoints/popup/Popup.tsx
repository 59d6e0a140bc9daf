import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab } from '../../lib/ext/messaging';
import { setSiteEnabled } from '../../lib/ext/settings';
import type { PageStatus } from '../../lib/messages';
import { t } from '../../lib/ui/i18n';

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; tabId: number; status: PageStatus };

async function load(): Promise<State> {
  const tabIdParam = new URLSearchParams(location.search).get('tab');
  const tabId = tabIdParam ? Number(tabIdParam) : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { kind: 'unavailable' };
  try {
    return { kind: 'ready', tabId, status: await askTab(tabId, 'status', {}) };
  } catch {
    return { kind: 'unavailable' };
  }
}

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => void load().then(setState), []);

  if (state.kind === 'loading') return <main aria-busy="true"><h1>{t('name')}</h1></main>;
  if (state.kind === 'unavailable')
    return (
      <main>
        <h1>{t('name')}</h1>
        <p class="muted">{t('unavailable')}</p>
      </main>
    );
  const { status, tabId } = state;
  const toggle = async (on: boolean) => {
    await setSiteEnabled(status.host, on);
    // The content script follows the setting; read its new status once it has run.
    setTimeout(() => void load().then(setState), 300);
  };
  return (
    <main>
      <h1>{t('name')}</h1>
      <label class="row">
        <span>
          {t('onThisSite')}
          <br />
          <span class="muted">{status.host}</span>
        </span>
        <input type="checkbox" id="site-toggle" checked={status.enabled} onChange={(e) => void toggle(e.currentTarget.checked)} />
      </label>
      <div class="row" data-tab={tabId}>
        <span id="found" aria-live="polite">
          {!status.chinese
            ? t('notChinese')
            : !status.enabled
              ? t('off')
              : t('foundArticles', status.articles.length)}
        </span>
      </div>
      {status.enabled && status.articles.length > 0 && (
        <ol>
          {status.articles.map((a) => (
            <li>{a.title ?? t('untitled')}</li>
          ))}
        </ol>
      )}
    </main>
  );
}
