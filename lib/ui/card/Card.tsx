/**
 * The hover card: a glossary entry, a numbered formula, or a dictionary word. Rendered by Preact
 * into a shadow root (see host.ts); all page-derived text goes in as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { TermInfo, WordInfo } from '../../messages';
import { t, uiLanguage } from '../i18n';
import { altTitle, officialSources } from '../sources';

export type CardContent =
  | { kind: 'term'; info: TermInfo; count: number; pageForm: string }
  | { kind: 'formula'; text: string; pinyin: string }
  | { kind: 'word'; info: WordInfo }
  | { kind: 'loading'; text: string };

export interface CardProps {
  content: CardContent;
  onRelated(id: string): void;
  onMore(id: string): void;
  onClose(): void;
  /** Save and listen (WordActions), under the body. */
  actions?: ComponentChildren;
}

export function Card({ content, onRelated, onMore, onClose, actions }: CardProps) {
  return (
    <div class="card" role="dialog" aria-label="Dubao" data-kind={content.kind}>
      <button class="close" type="button" aria-label={t('close')} title={t('close')} onClick={onClose}>
        ×
      </button>
      {content.kind === 'term' && <TermBody {...content} onRelated={onRelated} onMore={onMore} />}
      {content.kind === 'formula' && (
        <>
          <div class="head">
            <span class="term" lang="zh">{content.text}</span>
          </div>
          <div class="pinyin">{content.pinyin}</div>
          <div class="tag">{t('formula')}</div>
          <p class="summary">{t('formulaHint')}</p>
        </>
      )}
      {content.kind === 'word' && <WordBody info={content.info} />}
      {content.kind === 'loading' && <div class="term" lang="zh">{content.text}</div>}
      {actions}
    </div>
  );
}

function TermBody({ info, count, pageForm, onRelated, onMore }: { info: TermInfo; count: number; pageForm: string; onRelated(id: string): void; onMore(id: string): void }) {
  const e = info.entry;
  const zh = uiLanguage() === 'zh';
  const otherForm = pageForm !== e.term ? e.term : e.traditional?.[0];
  const sources = officialSources(e);
  const alts = e.english_alt ?? [];
  return (
    <>
      <div class="head">
        <span class="term" lang="zh">{pageForm}</span>
        {otherForm && <span class="alt" lang="zh">{otherForm}</span>}
      </div>
      <div class="pinyin">{e.pinyin}</div>
      <div class="english">
        {e.english} <span class={e.english_official ? 'tag official' : 'tag'} title={sources.full || undefined}>{e.english_official ? t('official') : t('unofficial')}</span>
      </div>
      {sources.short && (
        <div class="source" title={sources.full}>
          {t('source')}
          {sources.short}
        </div>
      )}
      {alts.length > 0 && (
        <div class="also">
          {t('also')}
          {alts.map((a, i) => (
            <>
              {i > 0 && t('alsoSeparator')}
              <span title={altTitle(a, t('official'), t('otherUsage'))}>{a.text}</span>
            </>
          ))}
        </div>
      )}
      {e.literal && (
        <div class="literal">
          {t('literal')}: {e.literal}
        </div>
      )}
      <p class="summary" lang={zh ? 'zh' : 'en'}>{zh ? e.summary_zh : e.summary_en}</p>
      {e.components && e.components.length > 0 && (
        <div class="components">
          <span class="label">{t('components')}</span>
          <ol lang="zh">
            {e.components.map((c) => (
              <li>{c}</li>
            ))}
          </ol>
        </div>
      )}
      <div class="meta">
        <span>{t('onPage', count)}</span>
        {e.since && <span class="since">{e.since_basis === 'attested' ? t('sinceAttested', e.since) : t('since', e.since)}</span>}
        {e.scope !== 'national' && <span>{t('scopeLocal', e.scope)}</span>}
      </div>
      {info.related.length > 0 && (
        <div class="related">
          <span class="label">{t('related')}</span>
          {info.related.map((r) => (
            <button type="button" class="chip" lang="zh" title={r.english} onClick={() => onRelated(r.id)}>
              {r.term}
            </button>
          ))}
        </div>
      )}
      <button type="button" class="more" onClick={() => onMore(e.id)}>
        {t('more')}
      </button>
    </>
  );
}

function WordBody({ info }: { info: WordInfo }) {
  const first = info.entries[0];
  return (
    <>
      <div class="head">
        <span class="term" lang="zh">{info.word}</span>
        {first && first.simplified !== first.traditional && (
          <span class="alt" lang="zh">
            {t('simplified')} {first.simplified} · {t('traditional')} {first.traditional}
          </span>
        )}
      </div>
      <div class="pinyin">{info.pinyin}</div>
      {info.entries.length === 0 && <p class="summary">{t('noDefinition')}</p>}
      <ul class="defs">
        {info.entries.slice(0, 4).map((d) => (
          <li>
            <span class="dpy">{d.pinyin}</span> {d.definitions.slice(0, 5).join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
}
