/**
 * The content script's second stage: everything but the sampling (the controller, the UI,
 * Preact). Injected into a frame (lib/ext/second-stage.ts, with highlights.css) where the first
 * stage (entrypoints/first-stage.ts) found Chinese text, or where the popup, a keyboard command
 * or the context menu found no one answering. A PageController keeps the page in the state the
 * settings and the site's rule ask for, following changes without reload.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { answer, answerSome } from '../../lib/ext/messaging';
import { getSettings, patchSettings, patchSite, settingsItem, siteRules } from '../../lib/ext/settings';
import { stageRecord } from '../../lib/ext/stages';
import { siteEnabled } from '../../lib/settings/model';
import { backgroundControllerApi } from '../../lib/ext/controller-api';
import type { ContentMessages } from '../../lib/messages';
import { PageController, type ControllerApi } from '../../lib/dom/controller';

const api: ControllerApi = backgroundControllerApi((open) => void patchSite(location.hostname, { sidebar: open }));

export default defineUnlistedScript(() => {
  const record = stageRecord();
  // Two requests crossing may inject it twice into one frame: the first one stays.
  if (record.second) return;
  // WXT's context: aborted when the extension is updated or removed (everything below is bound to it).
  const ctx = new ContentScriptContext('content-main');
  const host = location.hostname;
  const controller = new PageController(document, api, ctx.signal);
  if (record.chinese) controller.noteChinese();

  const state = async () => {
    const [settings, rules] = await Promise.all([getSettings(), siteRules.getValue()]);
    return { settings, site: rules[host], enabled: siteEnabled(rules, host) };
  };
  // Settings are followed once the page is known to be Chinese (a page loaded on a request
  // may never be).
  let following = false;
  const follow = async () => void controller.update(await state());
  const startFollowing = () => {
    if (following || !controller.isChinese) return;
    following = true;
    const unwatch = [settingsItem.watch(follow), siteRules.watch(follow)];
    ctx.onInvalidated(() => unwatch.forEach((u) => u()));
    void follow();
  };
  record.second = {
    chineseFound: () => {
      controller.noteChinese();
      startFollowing();
    },
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
  startFollowing();
});
