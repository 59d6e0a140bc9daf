/**
 * The content script: small (no dictionaries), DOM work only. It does nothing on pages that
 * are not Chinese; on Chinese pages it finds the articles, has the background annotate them,
 * highlights terms and shows hover cards.
 */
import './highlights.css';
import { askBackground, answer } from '../../lib/ext/messaging';
import { disabledSites } from '../../lib/ext/settings';
import type { ContentMessages } from '../../lib/messages';
import { pageIsChinese, startPage, type PageApi, type PageSession } from '../../lib/dom/page';

const api: PageApi = {
  annotate: (texts) => askBackground('annotate', { texts, terms: true }),
  term: (id) => askBackground('term', { id }),
  lookup: (word, at) => askBackground('lookup', { word, at }),
  openOptions: (hash) => void askBackground('openOptions', { hash }),
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main(ctx) {
    const host = location.hostname;
    let session: PageSession | null = null;
    let run: AbortController | null = null;
    let chinese: boolean | null = null;

    const stop = () => {
      run?.abort();
      run = null;
      session = null;
    };
    const start = async () => {
      stop();
      chinese ??= pageIsChinese(document);
      if (!chinese) return;
      const controller = new AbortController();
      run = controller;
      ctx.signal.addEventListener('abort', () => controller.abort());
      try {
        session = await startPage(document, api, controller.signal);
      } catch (e) {
        if ((e as Error).name !== 'AbortError' && ctx.isValid) console.warn('[dubao]', e);
      }
    };

    // Only the top frame answers the popup; frames still annotate their own text.
    if (window === window.top)
      answer<ContentMessages>(
        {
          status: async () => ({
            host,
            enabled: !(await disabledSites.getValue())[host],
            chinese: chinese ?? pageIsChinese(document),
            articles: session?.status() ?? [],
            terms: session?.index.allTerms().length ?? 0,
          }),
          command: async ({ name }) => {
            await session?.hover.step(name === 'next-term' ? 1 : -1);
            return true as const;
          },
        },
        ctx.signal,
      );

    const unwatch = disabledSites.watch((sites) => {
      if (sites?.[host]) stop();
      else if (!run) void start();
    });
    ctx.onInvalidated(() => {
      unwatch();
      stop();
    });
    if (!(await disabledSites.getValue())[host]) await start();
  },
});
