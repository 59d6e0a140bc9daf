/**
 * "My words": the words the reader saved from cards and the sidebar. Search, sort (date, page,
 * times met), select, delete, hear; export to Anki (TSV), CSV and JSON, and import JSON back
 * (merged by word). The list lives in extension storage and is changed only by the background.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { askBackground } from '../../lib/ext/messaging';
import { wordsItem } from '../../lib/ext/words';
import { t, uiLanguage } from '../../lib/ui/i18n';
import { SpeakButton } from '../../lib/ui/words/SpeakButton';
import { frequency, type SavedWord } from '../../lib/words/record';
import { parseWordsJson, wordsCsv, wordsJson, wordsTsv } from '../../lib/words/export';
import { searchWords, sortWords, type WordSort } from '../../lib/words/query';

export function Words() {
  const [words, setWords] = useState<SavedWord[] | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<WordSort>('date');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');

  useEffect(() => {
    void wordsItem.getValue().then(setWords);
    return wordsItem.watch((w) => setWords(w ?? []));
  }, []);

  const shown = useMemo(() => sortWords(searchWords(words ?? [], query), sort), [words, query, sort]);
  // A selection only holds words that are still there.
  const chosen = shown.filter((w) => selected.has(w.word));
  const toExport = chosen.length ? chosen : sortWords(words ?? [], sort);

  const toggle = (word: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(word);
    else next.delete(word);
    setSelected(next);
  };
  const remove = async (list: string[]) => {
    await askBackground('deleteWords', { words: list });
    setSelected(new Set([...selected].filter((w) => !list.includes(w))));
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { words: records } = parseWordsJson(await file.text());
      const r = await askBackground('importWords', { words: records });
      setStatus(t('imported', r.added + r.updated));
    } catch {
      setStatus(t('importFailed'));
    }
  };

  if (!words) return <section class="words" aria-busy="true" />;
  return (
    <section class="words">
      <div class="words-tools">
        <input type="search" id="words-search" aria-label={t('wordsSearch')} placeholder={t('wordsPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <label>
          {t('sortBy')}{' '}
          <select id="words-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as WordSort)}>
            <option value="date">{t('sortDate')}</option>
            <option value="page">{t('sortPage')}</option>
            <option value="frequency">{t('sortFrequency')}</option>
          </select>
        </label>
        <span class="muted" id="words-count">{t('wordCount', words.length)}</span>
      </div>
      <div class="words-tools">
        <label>
          <input
            type="checkbox"
            id="words-select-all"
            checked={shown.length > 0 && chosen.length === shown.length}
            onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((w) => w.word)) : new Set())}
          />{' '}
          {t('selectAll')}
        </label>
        <button type="button" id="words-delete-selected" disabled={!chosen.length} onClick={() => void remove(chosen.map((w) => w.word))}>
          {t('deleteSelected', chosen.length)}
        </button>
        <button type="button" id="words-export-tsv" disabled={!words.length} onClick={() => download('dubao-words.tsv', 'text/tab-separated-values', wordsTsv(toExport))}>
          {t('exportAnki')}
        </button>
        <button type="button" id="words-export-csv" disabled={!words.length} onClick={() => download('dubao-words.csv', 'text/csv', wordsCsv(toExport))}>
          {t('exportCsv')}
        </button>
        <button type="button" id="words-export-json" disabled={!words.length} onClick={() => download('dubao-words.json', 'application/json', wordsJson(toExport, new Date().toISOString()))}>
          {t('exportJson')}
        </button>
        <label class="import">
          {t('importJson')}{' '}
          <input type="file" id="words-import" accept="application/json,.json" onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).then(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      <p class="muted">{words.length > 0 && t('exportWhich', chosen.length)}</p>
      <p class="muted" id="words-status" role="status">{status}</p>
      {words.length === 0 && <p class="muted">{t('noWords')}</p>}
      <ul class="word-list">
        {shown.map((w) => (
          <WordRow key={w.word} w={w} selected={selected.has(w.word)} onSelect={(on) => toggle(w.word, on)} onDelete={() => void remove([w.word])} />
        ))}
      </ul>
    </section>
  );
}

function WordRow({ w, selected, onSelect, onDelete }: { w: SavedWord; selected: boolean; onSelect(on: boolean): void; onDelete(): void }) {
  const at = w.sentence.indexOf(w.word);
  const date = new Date(w.updated).toLocaleDateString(uiLanguage() === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
  return (
    <li class="word-row" data-word={w.word}>
      <input type="checkbox" checked={selected} aria-label={t('selectWord', w.word)} onChange={(e) => onSelect(e.currentTarget.checked)} />
      <div class="word-main">
        <div class="word-head">
          <span class="word" lang="zh">{w.word}</span>
          <span class="py">{w.pinyin}</span>
          <SpeakButton text={w.word} />
        </div>
        <div class="english">{w.english}</div>
        {w.sentence && (
          <p class="sentence" lang="zh">
            {at < 0 ? (
              w.sentence
            ) : (
              <>
                {w.sentence.slice(0, at)}
                <mark>{w.word}</mark>
                {w.sentence.slice(at + w.word.length)}
              </>
            )}
          </p>
        )}
        <div class="word-meta muted">
          <a href={w.url} target="_blank" rel="noopener noreferrer" lang="zh">
            {w.title || w.site}
          </a>
          <span>{w.site}</span>
          <time dateTime={w.updated}>{date}</time>
          <span>{t('metTimes', frequency(w))}</span>
        </div>
      </div>
      <button type="button" class="delete" aria-label={t('deleteWordOf', w.word)} title={t('deleteWordOf', w.word)} onClick={onDelete}>
        {t('deleteWord')}
      </button>
    </li>
  );
}

function download(name: string, type: string, body: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
