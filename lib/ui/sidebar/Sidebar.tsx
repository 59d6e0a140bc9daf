/**
 * The summary sidebar: every article of the page at a glance. Each item is a button; choosing
 * it scrolls the page to where the item stands and flashes it. Text goes in as text only.
 */
import type { Located, PageDigest } from '../../messages';
import { t } from '../i18n';

export interface SidebarProps {
  digest: PageDigest | null;
  onGo(article: number, at: Located): void;
  onExport(kind: 'md' | 'json' | 'tsv'): void;
  onClose(): void;
}

export function Sidebar({ digest, onGo, onExport, onClose }: SidebarProps) {
  return (
    <aside class="sidebar" role="complementary" aria-label={t('sidebarTitle')}>
      <header>
        <h2>{t('sidebarTitle')}</h2>
        <button type="button" class="close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {!digest && <p class="muted" aria-busy="true">…</p>}
      {digest && digest.articles.length === 0 && <p class="muted">{t('noArticles')}</p>}
      {digest && digest.articles.length > 0 && (
        <>
          <h3>
            {t('articlesHeading')} ({digest.articles.length})
          </h3>
          <ol class="articles">
            {digest.articles.map((a, i) => (
              <li class="article" data-index={i}>
                <button type="button" class="title" lang="zh" onClick={() => onGo(i, { text: a.title ?? '', start: 0, end: 1 })}>
                  {a.title ?? t('untitled')}
                </button>
                {(a.byline || a.source || a.dateline) && (
                  <div class="byline" lang="zh">
                    {[a.byline, a.source, a.dateline].filter(Boolean).join(' · ')}
                  </div>
                )}
                {a.sentences.length > 0 && (
                  <ul class="sentences" aria-label={t('keySentences')}>
                    {a.sentences.map((s) => (
                      <li>
                        <button type="button" class="item" lang="zh" onClick={() => onGo(i, s)}>
                          {s.text}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <Items label={t('people')} items={a.people.map((p) => ({ ...p, text: p.title ? `${p.title} ${p.name}` : p.name }))} onGo={(x) => onGo(i, x)} />
                <Items label={t('places')} items={a.places} onGo={(x) => onGo(i, x)} />
                <Items label={t('figures')} items={a.figures} onGo={(x) => onGo(i, x)} />
                <Items label={t('termsHeading')} items={a.terms.map((x) => ({ ...x.first, text: `${x.term}${x.count > 1 ? ` ×${x.count}` : ''}` }))} onGo={(x) => onGo(i, x)} />
              </li>
            ))}
          </ol>
          {digest.formulas.length > 0 && (
            <>
              <h3>{t('formulasHeading')}</h3>
              <div class="chips">
                {digest.formulas.map((f) => (
                  <button type="button" class="chip" lang="zh" onClick={() => onGo(f.article, f)}>
                    {f.text}
                  </button>
                ))}
              </div>
            </>
          )}
          <div class="exports">
            <button type="button" onClick={() => onExport('md')}>{t('exportMd')}</button>
            <button type="button" onClick={() => onExport('json')}>{t('exportJson')}</button>
            <button type="button" onClick={() => onExport('tsv')}>{t('exportAnki')}</button>
          </div>
        </>
      )}
    </aside>
  );
}

function Items({ label, items, onGo }: { label: string; items: Located[]; onGo(x: Located): void }) {
  if (!items.length) return null;
  return (
    <div class="group">
      <span class="label">{label}</span>
      <div class="chips">
        {items.map((x) => (
          <button type="button" class="chip" lang="zh" onClick={() => onGo(x)}>
            {x.text}
          </button>
        ))}
      </div>
    </div>
  );
}
