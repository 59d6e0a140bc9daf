/**
 * A linkedom document set as the global `document` for the tests of one file (Preact renders into
 * it), put back after them with the interface language.
 */
import { afterAll, beforeAll } from 'vitest';
import { parseHTML } from 'linkedom';
import { setUiLanguage } from '../../lib/ui/i18n';

export function usePreactDocument(): Document {
  const { document: doc } = parseHTML('<!doctype html><html><body></body></html>');
  const saved = (globalThis as { document?: unknown }).document;
  beforeAll(() => void ((globalThis as { document?: unknown }).document = doc));
  afterAll(() => {
    (globalThis as { document?: unknown }).document = saved;
    setUiLanguage('auto');
  });
  return doc as unknown as Document;
}
