// Settings kept in extension storage (typed items from @wxt-dev/storage).
import { storage } from '@wxt-dev/storage';

/** Sites where the reader switched Dubao off (host → true). On by default everywhere. */
export const disabledSites = storage.defineItem<Record<string, true>>('local:disabledSites', {
  fallback: {},
  version: 1,
});

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSites.getValue())[host];
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const current = { ...(await disabledSites.getValue()) };
  if (enabled) delete current[host];
  else current[host] = true;
  await disabledSites.setValue(current);
}
