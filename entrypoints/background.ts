/**
 * The background hosts the engine (lib/background/engine-host.ts): it loads jieba's wasm, the glossary and
 * the dictionary once and answers the typed messages of lib/messages.ts. Chrome runs it as a
 * service worker, Firefox as an event page.
 */
import init, { cut, add_word } from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { answer } from '../lib/ext/messaging';
import type { BackgroundMessages, CommandName } from '../lib/messages';
import { wasmSegmenter } from '../lib/segment/wasm';
import { EngineHost } from '../lib/background/engine-host';
import type { GlossaryEntry } from '../lib/glossary/schema';
import { wordStore } from '../lib/ext/words';
import { injectSecondStage, sendToFrame } from '../lib/ext/second-stage';

const url = (path: string) => browser.runtime.getURL(path as '/');
/** Links the "open the PDF in Dubao" menu item shows on (the path ends .pdf, any query). */
const PDF_LINKS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*'];
const pdfViewerUrl = (pdf: string) => url(`/pdf.html?url=${encodeURIComponent(pdf)}`);

const engine = new EngineHost({
  // The .wasm ships as a file of its own (copied by scripts/build-data.ts), not inlined.
  segmenter: () => init({ module_or_path: url('/jieba/jieba_rs_wasm_bg.wasm') }).then(() => wasmSegmenter({ cut, add_word })),
  glossary: async () => (await (await fetch(url('/data/glossary.json'))).json()) as GlossaryEntry[],
  cedict: async () => (await fetch(url('/data/cedict.tsv'))).text(),
  idf: async () => (await fetch(url('/data/idf.tsv'))).text(),
  // The polyphone model (g2pM, int8): fetched on the first pinyin request, once.
  g2pm: async () => {
    const [meta, bin] = await Promise.all([fetch(url('/data/g2pm.json')), fetch(url('/data/g2pm.bin'))]);
    if (!meta.ok || !bin.ok) return null;
    return { meta: await meta.json(), bin: await bin.arrayBuffer() };
  },
});
// "My words": every change goes through the background, one at a time.
const words = wordStore();

export default defineBackground({
  type: 'module',
  main() {
    answer<BackgroundMessages>({
      annotate: ({ texts, wait }) => engine.annotate(texts, wait),
      term: ({ id }) => engine.term(id),
      lookup: ({ context, at }) => engine.lookup(context, at),
      tokens: async ({ texts }) => ({ tokens: await engine.tokens(texts) }),
      pinyin: async ({ texts }) => ({ readings: await engine.pinyin(texts) }),
      convert: async ({ texts, mode }) => ({ texts: await engine.convert(texts, mode) }),
      digest: ({ articles }) => engine.digest(articles),
      saveWords: ({ words: drafts }) => words.save(drafts),
      importWords: ({ words: records }) => words.import(records),
      deleteWords: ({ words: list }) => words.remove(list),
      metWords: ({ url, counts }) => words.met(url, counts),
      loadSecondStage: async (_, sender) => {
        if (sender.tab?.id === undefined) throw new Error('loadSecondStage: not from a page');
        await injectSecondStage(sender.tab.id, sender.frameId ?? 0);
        return true as const;
      },
      openOptions: async ({ hash }) => {
        await browser.tabs.create({ url: url(`/options.html#${hash}`) });
        return true as const;
      },
    });
    // Keyboard shortcuts are manifest commands: relay them to the active tab's content script.
    browser.commands?.onCommand.addListener(async (name, tab) => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      // A page without Chinese has no one listening yet: sendToFrame loads the second stage.
      if (id !== undefined) void sendToFrame(id, { type: 'command', data: { name: name as CommandName } }).catch(() => undefined);
    });
    // Pinyin over a selection, from the context menu.
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({ id: 'dubao-pinyin-selection', title: i18n.t('menuPinyinSelection'), contexts: ['selection'] });
      // A link to a PDF (an e-paper's page): open it in the viewer page.
      browser.contextMenus.create({ id: 'dubao-open-pdf', title: i18n.t('menuOpenPdf'), contexts: ['link'], targetUrlPatterns: PDF_LINKS });
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === 'dubao-open-pdf' && info.linkUrl) {
        void browser.tabs.create({ url: pdfViewerUrl(info.linkUrl), index: tab ? tab.index + 1 : undefined });
        return;
      }
      if (info.menuItemId !== 'dubao-pinyin-selection' || tab?.id === undefined) return;
      void sendToFrame(tab.id, { type: 'pinyinSelection', data: {} }, info.frameId ?? 0).catch(() => undefined);
    });
    // Load the engine as soon as the background starts (also after Chrome stopped an idle
    // worker): a page's first request then waits on work already under way.
    void engine.ready();
  },
});
