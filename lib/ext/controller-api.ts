// A PageController's way to the background (the messages of lib/messages.ts), for the content script's
// second stage and the PDF viewer alike; only where the sidebar's open state is kept differs.
import { askBackground } from './messaging';
import { wordsItem } from './words';
import { countSaved } from '../words/met';
import type { ControllerApi } from '../dom/controller';

export function backgroundControllerApi(setSidebarOpen: (open: boolean) => void): ControllerApi {
  return {
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
    setSidebarOpen,
  };
}
