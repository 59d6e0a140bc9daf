// Typed sendMessage helpers over the message maps in lib/messages.ts.
import { browser } from 'wxt/browser';
import type { BackgroundMessages, ContentMessages, Envelope, Res, Result } from '../messages';

export async function askBackground<K extends keyof BackgroundMessages>(
  type: K,
  data: Envelope<BackgroundMessages, K>['data'],
): Promise<Res<BackgroundMessages, K>> {
  const result = (await browser.runtime.sendMessage({ type, data })) as Result<Res<BackgroundMessages, K>> | undefined;
  if (!result) throw new Error(`no answer to ${String(type)}`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export async function askTab<K extends keyof ContentMessages>(
  tabId: number,
  type: K,
  data: Envelope<ContentMessages, K>['data'],
): Promise<Res<ContentMessages, K>> {
  const result = (await browser.tabs.sendMessage(tabId, { type, data })) as Result<Res<ContentMessages, K>> | undefined;
  if (!result) throw new Error(`no answer to ${String(type)}`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Who sent a message: a content script's tab and frame (absent for extension pages). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
}

type Handlers<M> = { [K in keyof M]: (data: Envelope<M, K>['data'], sender: MessageSender) => Promise<Res<M, K>> | Res<M, K> };

/**
 * Answer messages of map M. Uses sendResponse + `return true`, which both browsers support
 * (returning a Promise from the listener is not portable).
 */
export function answer<M>(handlers: Handlers<M>, signal?: AbortSignal): void {
  answerSome<M>(handlers, signal);
}

/** Answer only some messages of M (a frame answers selection pinyin, not the popup's status). */
export function answerSome<M>(handlers: Partial<Handlers<M>>, signal?: AbortSignal): void {
  const listener = (msg: unknown, sender: MessageSender, sendResponse: (r: unknown) => void) => {
    const m = msg as { type?: string; data?: unknown };
    if (!m || typeof m.type !== 'string' || !(m.type in (handlers as object))) return false;
    const h = (handlers as Record<string, (d: unknown, s: MessageSender) => unknown>)[m.type];
    Promise.resolve()
      .then(() => h(m.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never));
}
