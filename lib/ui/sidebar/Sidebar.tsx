/**
 * The summary sidebar: every article of the page at a glance. Each item is a button; choosing
 * it scrolls the page to where the item stands and flashes it. Text goes in as text only.
 */
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { ArticleDigest, Located, PageDigest, WordChange } from '../../messages';
import { t, uiLanguage } from '../i18n';
import { SaveButton } from '../words/SaveButton';
import { SpeakButton } from '../words/SpeakButton';

export interface SidebarProps {
  digest: PageDigest | null;
  onGo(article: number, at: Located): void;
  onExport(kind: 'md' | 'json' | 'tsv'): void;
  /** Save an article's terms to "My words" in one step. */
  onSaveTerms(article: number): Promise<WordChange>;
  onClose(): void;
  /**
   * Articles rendered so far (all by default). A long page's digest is put in a few articles a
   * frame (sidebar.ts): fifty parts of a 1,000,000-character page at once were ~0.2 s of work.
   */
  shown?: number;
}

export function Sidebar({ digest, onGo, onExport, onSaveTerms, onClose, shown }: SidebarProps) {
  const count = Math.min(shown ?? Infinity, digest?.articles.length ?? 0);
  const lang = uiLanguage();
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
          <ol class="articles" aria-busy={count < digest.articles.length ? 'true' : undefined}>
            {digest.articles.slice(0, count).map((a, i) => (
              <ArticleItem a={a} i={i} lang={lang} onGo={onGo} onSaveTerms={onSaveTerms} />
            ))}
          </ol>
          {digest.formulas.length > 0 && (
            <>
              <h3>{t('formulasHeading')}</h3>
              <Chips items={digest.formulas} onGo={(f) => onGo(f.article, f)} />
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

/**
 * One article of the digest. Its props are the digest's (never changed once received), the
 * interface language and the panel's handlers (same behaviour on every paint): rendered once,
 * not diffed again each time more articles come in; again when the reader changes the language.
 */
class ArticleItem extends Component<{ a: ArticleDigest; i: number; lang: string; onGo: SidebarProps['onGo']; onSaveTerms: SidebarProps['onSaveTerms'] }> {
  override shouldComponentUpdate(next: { a: ArticleDigest; i: number; lang: string }): boolean {
    return next.a !== this.props.a || next.i !== this.props.i || next.lang !== this.props.lang;
  }

  override render() {
    const { a, i, onGo, onSaveTerms } = this.props;
    return (
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
              <li class="sentence-row">
                <button type="button" class="item" lang="zh" onClick={() => onGo(i, s)}>
                  {s.text}
                </button>
                <SpeakButton text={s.text} label={t('listenSentence')} />
              </li>
            ))}
          </ul>
        )}
        <Items label={t('people')} items={a.people.map((p) => ({ ...p, text: p.title ? `${p.title} ${p.name}` : p.name }))} onGo={(x) => onGo(i, x)} />
        <Items label={t('places')} items={a.places} onGo={(x) => onGo(i, x)} />
        <Items label={t('figures')} items={a.figures} onGo={(x) => onGo(i, x)} />
        <Items label={t('termsHeading')} items={a.terms.map((x) => ({ ...x.first, text: `${x.term}${x.count > 1 ? ` ×${x.count}` : ''}` }))} onGo={(x) => onGo(i, x)} />
        {a.terms.length > 0 && (
          <SaveButton
            class="save save-terms"
            save={() => onSaveTerms(i)}
            labels={{ idle: t('saveTerms', a.terms.length), title: t('saveTerms', a.terms.length), added: t('savedTerms', a.terms.length), updated: t('savedTerms', a.terms.length) }}
          />
        )}
      </li>
    );
  }
}

function Items({ label, items, onGo }: { label: string; items: Located[]; onGo(x: Located): void }) {
  if (!items.length) return null;
  return (
    <div class="group">
      <span class="label">{label}</span>
      <Chips items={items} onGo={onGo} />
    </div>
  );
}

/**
 * Chips shown before a group is opened. A long report has hundreds of terms and figures per
 * article: all of them at once made a panel of ~22,000 elements on a 1,000,000-character page
 * (half a second of style and layout); the rest come on a keyboard-reachable toggle.
 */
export const CHIPS_SHOWN = 12;

function Chips<T extends Located>({ items, onGo }: { items: T[]; onGo(x: T): void }) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, CHIPS_SHOWN);
  const hidden = items.length - CHIPS_SHOWN;
  return (
    <div class="chips">
      {shown.map((x) => (
        <button type="button" class="chip" lang="zh" onClick={() => onGo(x)}>
          {x.text}
        </button>
      ))}
      {hidden > 0 && (
        <button type="button" class="more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('fewerItems') : t('moreItems', hidden)}
        </button>
      )}
    </div>
  );
}
