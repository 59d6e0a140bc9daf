/**
 * The word list behind one writer: the background runs every change (save, import, delete) through
 * this queue, so that two tabs saving at once never lose a word. Storage is passed in.
 */
import { mergeImported, noteMet, removeWords, saveDrafts } from './merge';
import type { SavedWord, WordDraft } from './record';

export interface WordStorage {
  get(): Promise<SavedWord[]>;
  set(words: SavedWord[]): Promise<void>;
}

export interface Change {
  added: number;
  updated: number;
  removed: number;
  total: number;
}

export class WordStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private storage: WordStorage, private now: () => string = () => new Date().toISOString()) {}

  save(drafts: WordDraft[]): Promise<Change> {
    return this.change((list) => {
      const r = saveDrafts(list, drafts, this.now());
      return { words: r.words, added: r.added, updated: r.updated, removed: 0 };
    });
  }

  import(words: SavedWord[]): Promise<Change> {
    return this.change((list) => ({ ...mergeImported(list, words), removed: 0 }));
  }

  /** Saved words met on a page the reader opened: word → occurrences there. */
  met(url: string, counts: Record<string, number>): Promise<Change> {
    return this.change((list) => ({ ...noteMet(list, url, counts), added: 0, removed: 0 }));
  }

  remove(words: string[]): Promise<Change> {
    return this.change((list) => {
      const next = removeWords(list, words);
      return { words: next, added: 0, updated: 0, removed: list.length - next.length };
    });
  }

  private change(f: (list: SavedWord[]) => { words: SavedWord[]; added: number; updated: number; removed: number }): Promise<Change> {
    const run = this.queue.then(async () => {
      const { words, ...counts } = f(await this.storage.get());
      if (counts.added || counts.updated || counts.removed) await this.storage.set(words);
      return { ...counts, total: words.length };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
