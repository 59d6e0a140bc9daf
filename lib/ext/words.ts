// "My words" in extension storage (storage.local: kept across browser restarts and extension
// updates). Only the background writes it (lib/words/store.ts); pages read and watch it.
import { storage } from '@wxt-dev/storage';
import type { SavedWord } from '../words/record';
import { WordStore } from '../words/store';

export const wordsItem = storage.defineItem<SavedWord[]>('local:words', { fallback: [], version: 1 });

/** The background's store over the storage item. */
export function wordStore(): WordStore {
  return new WordStore({ get: () => wordsItem.getValue(), set: (w) => wordsItem.setValue(w) });
}
