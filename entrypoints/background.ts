/**
 * The background hosts the engine: it loads jieba's wasm once, keeps it warm, and answers the
 * typed messages of lib/messages.ts. Chrome runs it as a service worker, Firefox as an event page.
 */
import init, { cut, add_word } from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { answer } from '../lib/ext/messaging';
import type { BackgroundMessages } from '../lib/messages';
import { wasmSegmenter } from '../lib/segment/wasm';
import { tokenize, type Segmenter } from '../lib/segment/segmenter';

let segmenter: Promise<Segmenter> | null = null;

function getSegmenter(): Promise<Segmenter> {
  // The .wasm ships as a file of its own (copied by scripts/build-data.ts), not inlined.
  segmenter ??= init({ module_or_path: browser.runtime.getURL('/jieba/jieba_rs_wasm_bg.wasm' as '/') }).then(() =>
    wasmSegmenter({ cut, add_word }),
  );
  return segmenter;
}

export default defineBackground({
  type: 'module',
  main() {
    answer<BackgroundMessages>({
      async segment({ texts }) {
        const seg = await getSegmenter();
        return {
          engine: seg.name,
          tokens: texts.map((t) => tokenize(seg, t).flatMap((tok) => [tok.start, tok.end])),
        };
      },
      ping: () => ({ ready: segmenter !== null }),
    });
  },
});
