/**
 * The content script: small (no dictionaries), DOM work only. On a page that is not Chinese it
 * answers the popup and does nothing else. On Chinese pages a PageController keeps the page in
 * the state that the settings and the site's rule ask for, following changes without reload.
 */
import './highlights.css';
import { askBackground, answer, answerSome } from '../../lib/ext/messaging';
import { getSettings, patchSettings, patchSite, settingsItem, siteRules } from '../../lib/ext/settings';
import { siteEnabled } from '../../lib/settings/model';
import { wordsItem } from '../../lib/ext/words';
import { countSaved } from '../../lib/words/met';
import type { ContentMessages } from '../../lib/messages';
import { PageController, type ControllerApi } from '../../lib/dom/controller';

const api: ControllerApi = {
  annotate: (texts, wait) => askBackground('annotate', { texts, wait }),
  term: (id) => askBackground('term', { id }),
  lookup: (context, at) => askBackground('lookup', { context, at }),
  openOptions: (hash) => void askBackground('openOptions', { hash }),
  saveWords: (words) => askBackground('saveWords', { words }),
  noteSavedWords: (url, texts) =>
    void (async () => {
      const saved = await wordsItem.getValue();
      if (!saved.length) return;
      const counts = countSaved(texts, saved.map((w) => w.word));
      if (Object.keys(counts).length) await askBackground('metWords', { url, counts });
    })().catch(() => undefined),
  pinyin: async (texts) => (await askBackground('pinyin', { texts })).readings,
  convert: async (texts, mode) => (await askBackground('convert', { texts, mode })).texts,
  digest: (articles) => askBackground('digest', { articles }),
  setSidebarOpen: (open) => void patchSite(location.hostname, { sidebar: open }),
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main(ctx) {
    const host = location.hostname;
    const controller = new PageController(document, api, ctx.signal);

    const state = async () => {
      const [settings, rules] = await Promise.all([getSettings(), siteRules.getValue()]);
      return { settings, site: rules[host], enabled: siteEnabled(rules, host) };
    };

    const pinyinSelection = async () => {
      await controller.rubySelection();
      return true as const;
    };
    // Only the top frame answers the popup; frames still annotate their own text.
    if (window === window.top)
      answer<ContentMessages>(
        {
          status: async () => {
            const s = await state();
            return {
              host,
              enabled: s.enabled,
              chinese: controller.isChinese,
              articles: controller.session?.status() ?? [],
              terms: controller.session?.index.allTerms().length ?? 0,
              ...(document.contentType === 'application/pdf' ? { pdf: location.href } : {}),
            };
          },
          command: async ({ name }) => {
            if (name === 'toggle-pinyin') await patchSettings({ pinyin: !(await getSettings()).pinyin });
            else if (name === 'toggle-sidebar') await patchSite(host, { sidebar: !(await siteRules.getValue())[host]?.sidebar });
            else await controller.session?.hover.step(name === 'next-term' ? 1 : -1);
            return true as const;
          },
          pinyinSelection,
        },
        ctx.signal,
      );
    // Frames answer the context menu (it names the frame the selection is in).
    else answerSome<ContentMessages>({ pinyinSelection }, ctx.signal);

    // A page that is not Chinese costs one text sample and nothing more.
    if (!controller.isChinese) return;
    const follow = async () => void controller.update(await state());
    const unwatch = [settingsItem.watch(follow), siteRules.watch(follow)];
    ctx.onInvalidated(() => unwatch.forEach((u) => u()));
    await follow();
  },
});
