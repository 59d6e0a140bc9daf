/**
 * The PDF viewer page (pdf.html): open a PDF by address (?url=…), file picker or drop; the page as
 * pdf.js draws it with terms and hover cards on its text layer, and beside it the reading view
 * (articles reflowed; pinyin, characters and the summary sidebar as on any page).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ControllerApi, PageState } from '../../lib/dom/controller';
import { UI_HOST_ATTR } from '../../lib/dom/walk';
import type { ScriptMode, Settings } from '../../lib/settings/model';
import { t, type StringKey } from '../../lib/ui/i18n';
import { SCRIPT_CHOICES } from '../../lib/ui/script-choices';
import { backgroundControllerApi } from '../../lib/ext/controller-api';
import { openPdf, PdfError, type PDFDocumentProxy } from './pdfjs';
import { showPage, type PageOutcome } from './session';
import { fetchPdf, requestAccess } from './source';

type Phase =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'permission'; url: string; site: string }
  | { kind: 'error'; message: string }
  | { kind: 'open'; pdf: PDFDocumentProxy; name: string };

type View = 'both' | 'page' | 'reading';


const PROBLEM: Record<string, StringKey> = { notPdf: 'pdfNotPdf', damaged: 'pdfDamaged', encrypted: 'pdfEncrypted' };

function problemText(e: unknown): string {
  return e instanceof PdfError ? t(PROBLEM[e.problem]) : t('pdfDamaged');
}

/** The scale that fits the page's width into its pane (between 0.6 and 2). */
function fitScale(pane: HTMLElement | null, width: number): number {
  const room = (pane?.clientWidth ?? 800) - 24;
  return Math.min(2, Math.max(0.6, room / width));
}

export function Viewer({ settings, url }: { settings: Settings; url: string | null }) {
  const [phase, setPhase] = useState<Phase>(url ? { kind: 'loading' } : { kind: 'empty' });
  const [pageNo, setPageNo] = useState(1);
  const [view, setView] = useState<View>('both');
  const [pinyin, setPinyin] = useState(settings.pinyin);
  const [script, setScript] = useState<ScriptMode | null>(null);
  const [sidebar, setSidebar] = useState(false);
  const [outcome, setOutcome] = useState<PageOutcome | { kind: 'failed'; message: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const pageHost = useRef<HTMLDivElement>(null);
  const readingHost = useRef<HTMLDivElement>(null);
  const pagePane = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const api = useRef<ControllerApi>(backgroundControllerApi((open) => setSidebar(open)));
  const current = useRef<PageOutcome | null>(null);

  const state = (): PageState => ({ enabled: true, settings: { ...settings, pinyin }, site: { mode: 'always', script, sidebar } });

  const openBytes = async (data: Uint8Array, name: string) => {
    setPhase({ kind: 'loading' });
    try {
      const pdf = await openPdf(data);
      document.title = `${name} — Dubao 读报`;
      setPageNo(1);
      setPhase({ kind: 'open', pdf, name });
    } catch (e) {
      setPhase({ kind: 'error', message: problemText(e) });
    }
  };

  const openUrl = async (address: string) => {
    setPhase({ kind: 'loading' });
    const got = await fetchPdf(address, new AbortController().signal);
    if (got.kind === 'bytes') return openBytes(got.data, got.name);
    if (got.kind === 'permission') return setPhase({ kind: 'permission', url: address, site: new URL(address).host });
    setPhase({
      kind: 'error',
      message: got.kind === 'http' ? t('pdfFetchFailed', got.status) : got.kind === 'local' ? t('pdfLocalUrl') : t('pdfUnreachable'),
    });
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  };

  useEffect(() => {
    if (url) void openUrl(url);
  }, []);

  // Draw and read the shown page; a new page, a new file or leaving ends the last one's work.
  const pdf = phase.kind === 'open' ? phase.pdf : null;
  useEffect(() => {
    if (!pdf || !pageHost.current || !readingHost.current) return;
    const run = new AbortController();
    setOutcome(null);
    current.current = null;
    void (async () => {
      const first = await pdf.getPage(pageNo);
      const scale = fitScale(pagePane.current, first.getViewport({ scale: 1 }).width);
      try {
        const got = await showPage(pdf, pageNo, { page: pageHost.current!, reading: readingHost.current! }, api.current, state(), scale, run.signal);
        if (run.signal.aborted) return;
        current.current = got;
        setOutcome(got);
      } catch (e) {
        if (!run.signal.aborted && (e as Error).name !== 'AbortError') setOutcome({ kind: 'failed', message: problemText(e) });
      }
    })();
    return () => run.abort();
  }, [pdf, pageNo]);

  // Reading options follow the toolbar (the controller collapses a burst of changes into one run).
  useEffect(() => {
    void current.current?.controller?.update(state());
  }, [pinyin, script, sidebar]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (!pdf || e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(el?.tagName ?? '')) return;
      // N / P: the next / previous term on the printed page, with its card (as Alt+Shift+N / P on web pages).
      if (e.key === 'n' || e.key === 'p') void current.current?.layer?.hover.step(e.key === 'n' ? 1 : -1);
      else if (e.key === 'ArrowRight' || e.key === 'PageDown') setPageNo((n) => Math.min(pdf.numPages, n + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setPageNo((n) => Math.max(1, n - 1));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pdf]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer?.files?.[0]);
  };

  const status =
    phase.kind === 'loading'
      ? t('pdfLoading')
      : phase.kind === 'error'
        ? '' // said once, in the alert below
        : outcome && 'kind' in outcome
          ? outcome.message
          : outcome?.scan
            ? t('pdfScan')
            : outcome
              ? `${t('foundArticles', outcome.articles.length)} · ${t('termsFound', outcome.layer?.terms ?? 0)}`
              : phase.kind === 'open'
                ? t('pdfLoading')
                : '';
  const open = phase.kind === 'open';
  const ready = !!outcome && !('kind' in outcome) && !outcome.scan;

  return (
    <div
      class={`viewer view-${view}${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header class="toolbar" {...{ [UI_HOST_ATTR]: 'pdf-toolbar' }}>
        <h1>{t('name')}</h1>
        <button type="button" id="pdf-open" onClick={() => fileInput.current?.click()}>
          {t('pdfOpenFile')}
        </button>
        <input ref={fileInput} id="pdf-file" type="file" accept="application/pdf,.pdf" hidden onChange={(e) => void openFile(e.currentTarget.files?.[0])} />
        {open && (
          <>
            <span class="name" title={phase.name}>
              {phase.name}
            </span>
            <nav class="pages" aria-label={t('pdfPage', pageNo, phase.pdf.numPages)}>
              <button type="button" id="pdf-prev" aria-label={t('pdfPrev')} title={t('pdfPrev')} disabled={pageNo <= 1} onClick={() => setPageNo(pageNo - 1)}>
                ‹
              </button>
              <span id="pdf-page">{t('pdfPage', pageNo, phase.pdf.numPages)}</span>
              <button type="button" id="pdf-next" aria-label={t('pdfNext')} title={t('pdfNext')} disabled={pageNo >= phase.pdf.numPages} onClick={() => setPageNo(pageNo + 1)}>
                ›
              </button>
            </nav>
            <label>
              {t('pdfView')}{' '}
              <select id="pdf-view" value={view} onChange={(e) => setView(e.currentTarget.value as View)}>
                <option value="both">{t('pdfViewBoth')}</option>
                <option value="page">{t('pdfViewPage')}</option>
                <option value="reading">{t('pdfViewReading')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" id="pdf-pinyin" checked={pinyin} disabled={!ready} onChange={(e) => setPinyin(e.currentTarget.checked)} /> {t('pinyinToggle')}
            </label>
            <label>
              {t('scriptLabel')}{' '}
              <select id="pdf-script" value={script ?? ''} disabled={!ready} onChange={(e) => setScript((e.currentTarget.value || null) as ScriptMode | null)}>
                {SCRIPT_CHOICES.map(([v, key]) => (
                  <option value={v}>{t(key)}</option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" id="pdf-sidebar" checked={sidebar} disabled={!ready} onChange={(e) => setSidebar(e.currentTarget.checked)} /> {t('sidebarToggle')}
            </label>
          </>
        )}
        <span id="pdf-status" role="status" aria-live="polite">
          {status}
        </span>
      </header>
      {phase.kind === 'empty' && (
        <section class="message" id="pdf-empty" {...{ [UI_HOST_ATTR]: 'pdf-message' }}>
          <p>{t('pdfEmpty')}</p>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('pdfOpenFile')}
          </button>
        </section>
      )}
      {phase.kind === 'permission' && (
        <section class="message" id="pdf-permission" {...{ [UI_HOST_ATTR]: 'pdf-message' }}>
          <p>{t('pdfAllowWhy')}</p>
          <button
            type="button"
            id="pdf-allow"
            onClick={() => {
              // The request must start in the click itself (a user gesture), before any await.
              const asked = requestAccess(phase.url);
              void asked.then((ok) => void (ok && openUrl(phase.url)));
            }}
          >
            {t('pdfAllow', phase.site)}
          </button>
        </section>
      )}
      {phase.kind === 'error' && (
        <section class="message error" id="pdf-error" role="alert" {...{ [UI_HOST_ATTR]: 'pdf-message' }}>
          <p>{phase.message}</p>
        </section>
      )}
      <main class="panes" hidden={!open}>
        <section class="page-pane" ref={pagePane} aria-label={t('pdfPagePane')} {...{ [UI_HOST_ATTR]: 'pdf-page' }}>
          <div class="pdf-page" id="pdf-page-host" ref={pageHost} />
        </section>
        <section class="reading-pane" aria-label={t('pdfReadingPane')} lang="zh-CN">
          {ready && outcome.articles.length === 0 && <p class="muted">{t('pdfNoArticles')}</p>}
          {outcome && 'scan' in outcome && outcome.scan && (
            <p class="scan" id="pdf-scan">
              {t('pdfScan')}
            </p>
          )}
          <div id="pdf-reading" ref={readingHost} />
        </section>
      </main>
    </div>
  );
}
