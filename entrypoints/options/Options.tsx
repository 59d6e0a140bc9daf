/**
 * The options page: the glossary browser (search by characters, pinyin or English; filter by
 * category and scope; one page per entry with related terms linked). The hover card's "Full
 * entry" link lands on #term=<id>.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../../lib/glossary/schema';
import { buildSearchIndex } from '../../lib/glossary/search';
import { categoryName, t } from '../../lib/ui/i18n';
import { sourceFull } from '../../lib/ui/sources';
import { Settings } from './Settings';
import { Words } from './Words';

type Route = { page: 'glossary'; id: string | null } | { page: 'settings' } | { page: 'words' };

function parseHash(): Route {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.has('settings')) return { page: 'settings' };
  if (h.has('words')) return { page: 'words' };
  return { page: 'glossary', id: h.get('term') };
}

export function Options() {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [route, setRoute] = useState<Route>(parseHash());
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [scope, setScope] = useState('');

  useEffect(() => {
    void fetch(browser.runtime.getURL('/data/glossary.json' as '/'))
      .then((r) => r.json())
      .then(setEntries);
    const onHash = () => setRoute(parseHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const index = useMemo(() => (entries ? buildSearchIndex(entries) : null), [entries]);
  const byId = useMemo(() => new Map((entries ?? []).map((e) => [e.id, e])), [entries]);
  const categories = useMemo(() => [...new Set((entries ?? []).map((e) => e.category))].sort(), [entries]);
  const results = index ? index.search(query, { category: category || undefined, scope: scope || undefined }) : [];
  const current = route.page === 'glossary' && route.id ? byId.get(route.id) : undefined;

  return (
    <>
      <header>
        <h1>读报 Dubao</h1>
        <nav>
          <a href="#" aria-current={route.page === 'glossary' ? 'page' : undefined}>{t('glossary')}</a>
          <a href="#words" aria-current={route.page === 'words' ? 'page' : undefined}>{t('myWords')}</a>
          <a href="#settings" aria-current={route.page === 'settings' ? 'page' : undefined}>{t('settings')}</a>
        </nav>
      </header>
      {route.page === 'settings' ? (
        <Settings />
      ) : route.page === 'words' ? (
        <Words />
      ) : (
        <div class="layout">
          <aside class="list">
            <div class="filters">
              <input type="search" id="glossary-search" aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
              <select aria-label={t('category')} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                <option value="">{t('allCategories')}</option>
                {categories.map((c) => (
                  <option value={c}>{categoryName(c)}</option>
                ))}
              </select>
              <select aria-label={t('scope')} value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
                <option value="">{t('allScopes')}</option>
                <option value="national">{t('national')}</option>
                <option value="local">{t('local')}</option>
              </select>
            </div>
            {!entries && <p class="muted">{t('loading')}</p>}
            {entries && <p class="muted" id="result-count">{t('results', results.length)}</p>}
            <ul class="results">
              {results.slice(0, 300).map((e) => (
                <li>
                  <a href={`#term=${encodeURIComponent(e.id)}`} aria-current={current?.id === e.id ? 'true' : undefined} lang="zh">
                    {e.term}
                    <span class="py">{e.pinyin}</span>
                  </a>
                </li>
              ))}
            </ul>
          </aside>
          <main class="entry">{current ? <Entry e={current} byId={byId} /> : <p class="muted">{entries ? t('pick', entries.length) : ''}</p>}</main>
        </div>
      )}
    </>
  );
}

function Entry({ e, byId }: { e: GlossaryEntry; byId: Map<string, GlossaryEntry> }) {
  return (
    <article id="entry" data-id={e.id}>
      <h2 lang="zh">{e.term}</h2>
      <p class="muted">
        {e.pinyin}
        {e.traditional?.length ? <span lang="zh-Hant"> · {e.traditional.join(' / ')}</span> : null}
      </p>
      <p>
        <strong>{e.english}</strong>
        <span class="tag">{e.english_official ? t('official') : t('unofficial')}</span>
      </p>
      <p lang="zh">{e.summary_zh}</p>
      <p lang="en">{e.summary_en}</p>
      {e.detail && <p class="muted">{e.detail}</p>}
      <dl>
        {e.literal && (<><dt>{t('literalLabel')}</dt><dd>{e.literal}</dd></>)}
        {e.components?.length ? (<><dt>{t('components')}</dt><dd><ol lang="zh">{e.components.map((c) => <li>{c}</li>)}</ol></dd></>) : null}
        {e.variants.length ? (<><dt>{t('variants')}</dt><dd lang="zh">{e.variants.join('、')}</dd></>) : null}
        <dt>{t('category')}</dt><dd>{categoryName(e.category)}</dd>
        <dt>{t('scope')}</dt><dd>{e.scope === 'national' ? t('national') : e.scope}</dd>
        {e.since && (<><dt>{e.since_basis === 'attested' ? t('sinceAttestedLabel') : t('sinceLabel')}</dt><dd class="since">{e.since}</dd></>)}
        {e.english_official && e.english_sources?.length ? (<><dt>{t('sourcesLabel')}</dt><dd>{e.english_sources.map((x) => <div>{sourceFull(x)}</div>)}</dd></>) : null}
        {e.english_alt?.length ? (<><dt>{t('altLabel')}</dt><dd>{e.english_alt.map((a) => <div><strong>{a.text}</strong> <span class="tag">{a.official ? t('official') : t('otherUsage')}</span> {sourceFull(a.source)}</div>)}</dd></>) : null}
        {e.quote && (<><dt>{t('quoteLabel')}</dt><dd><blockquote lang="zh">{e.quote.text}</blockquote>{sourceFull(e.quote.source)}</dd></>)}
      </dl>
      {e.related.length > 0 && (
        <>
          <h3>{t('relatedTerms')}</h3>
          <p class="chips">
            {e.related.map((r) => byId.get(r)).filter(Boolean).map((r) => (
              <a href={`#term=${encodeURIComponent(r!.id)}`} lang="zh" title={r!.english}>{r!.term}</a>
            ))}
          </p>
        </>
      )}
    </article>
  );
}
