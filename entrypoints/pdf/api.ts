// The viewer's way to the background: the messages every page sends (lib/messages.ts).
import { askBackground } from '../../lib/ext/messaging';
import { wordsItem } from '../../lib/ext/words';
import { countSaved } from '../../lib/words/met';
import type { ControllerApi } from '../../lib/dom/controller';

export function viewerApi(setSidebarOpen: (open: boolean) => void): ControllerApi {
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
