/**
 * The content script's first stage, on every page the reader opens (declared in wxt.config.ts):
 * a few kilobytes that look for Chinese on the page (its text scanned natively, no layout)
 * and touch no extension API unless they find some. Where they do, the background injects the
 * second stage (entrypoints/content-main: the controller, the UI, Preact) into this frame. A page
 * without Chinese costs one sample, then a few bounded re-checks at idle time if the page
 * changes (lib/dom/sample.ts: single-page sites that render their text later).
 *
 * What it touches on a page without Chinese is kept to the least: the document, a Range over it
 * and a mutation observer. In the content script's world every DOM interface is made on first
 * use: reaching document.body alone cost about as much script time as reading the text, and
 * location and an AbortController a tenth of a millisecond more (CDP's ScriptDuration; the bench
 * part is in bench/browser.ts).
 *
 * It is a plain script, not a WXT content script: WXT's content-script context (invalidation
 * events, a location watcher, `runtime` reached at start) cost more script time than the sample
 * itself. It registers no message listener either (the first use of `runtime` is what costs):
 * the popup, keyboard commands and the context menu load the second stage when no one answers
 * (lib/ext/second-stage.ts).
 *
 * The second stage is injected by the background (scripting.executeScript), not imported from a
 * web-accessible file: a web-accessible script can be fetched by any page, which tells every site
 * that Dubao is installed (and which version). Injection needs the `scripting` permission and
 * host permissions for the pages the content script already runs on (docs/permissions.md).
 */
import { pageIsChinese, watchForChinese } from '../lib/dom/sample';
import { stageRecord } from '../lib/ext/stages';

// The extension API, reached only once there is Chinese (Firefox names it browser, Chrome chrome).
type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(f: (c: Record<string, unknown>, area: string) => void): void; removeListener(f: (c: Record<string, unknown>, area: string) => void): void };
  };
};
const ext = (): Ext => {
  const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
  return g.browser ?? g.chrome;
};

export default defineUnlistedScript(() => {
  const t0 = performance.now();
  const record = stageRecord();

  // v2 keeps { host: { mode } }, v1 kept { host: true } for a switched-off host.
  const siteOff = async () => {
    const rule = ((await ext().storage.local.get('sites')).sites as Record<string, unknown> | undefined)?.[location.hostname];
    return rule === true || (rule as { mode?: string } | undefined)?.mode === 'never';
  };
  const load = () => void ext().runtime.sendMessage({ type: 'loadSecondStage', data: {} }).catch(() => undefined);

  // Chinese found: load the second stage, unless the reader switched this site off (then wait
  // for it to be switched on: the popup, which loads the second stage itself, or the options).
  const found = async () => {
    record.chinese = true;
    if (record.second) return record.second.chineseFound();
    if (!(await siteOff())) return load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !('sites' in changes)) return;
      void siteOff().then((off) => {
        if (off) return;
        ext().storage.onChanged.removeListener(onChange);
        if (!record.second) load();
      });
    };
    ext().storage.onChanged.addListener(onChange);
  };

  // An orphaned first stage (the extension was updated or removed) fails to reach the
  // background on its next find and stops there: nothing else of it runs but bounded checks.
  if (pageIsChinese(document)) void found().catch(() => undefined);
  else watchForChinese(document, () => void found().catch(() => undefined), (ms) => (record.firstStageMs += ms));
  record.firstStageMs += performance.now() - t0;
});
