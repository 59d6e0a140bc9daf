// Loading the content script's second stage into a frame (see lib/ext/stages.ts).
import { browser } from 'wxt/browser';

/** Inject the second stage's styles and script into one frame of a tab. */
export async function injectSecondStage(tabId: number, frameId = 0): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, files: ['/assets/highlights.css'] });
  await browser.scripting.executeScript({ target, files: ['/content-main.js'] });
}

/**
 * Send a message to a frame's content script; if nothing answers there (a page without
 * Chinese has only the first stage, which listens to nothing), load the second stage and send
 * again. Fails where no script may run (the browser's own pages).
 */
export async function sendToFrame<T>(tabId: number, message: unknown, frameId = 0): Promise<T> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as T;
  } catch {
    await injectSecondStage(tabId, frameId);
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as T;
  }
}
