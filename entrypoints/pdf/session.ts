/**
 * One page of an open PDF on screen: drawn (canvas + text layer), read (reading text and
 * articles), annotated on the text layer, and shown as reflowed articles in the reading view,
 * where the page controller applies pinyin, conversion and the sidebar. Ends with its signal.
 */
import { PageController, type ControllerApi, type PageState } from '../../lib/dom/controller';
import { startTextLayer, textLayerModel, type TextLayerSession } from '../../lib/dom/pdf-text-layer';
import { drawPage, type PDFDocumentProxy } from './pdfjs';
import { readPage } from './layout';
import { knownArticles, renderReading } from './reading';

export interface PageOutcome {
  /** The page has no text (a scan): nothing more was done. */
  scan: boolean;
  articles: Array<{ title: string | null }>;
  layer: TextLayerSession | null;
  controller: PageController | null;
}

export async function showPage(
  pdf: PDFDocumentProxy,
  pageNo: number,
  hosts: { page: HTMLElement; reading: HTMLElement },
  api: ControllerApi,
  state: PageState,
  scale: number,
  signal: AbortSignal,
): Promise<PageOutcome> {
  const doc = hosts.page.ownerDocument;
  for (const key of ['drawnMs', 'readyMs', 'refinedMs', 'terms', 'shownPage']) delete hosts.page.dataset[key];
  const page = await pdf.getPage(pageNo);
  const drawn = await drawPage(page, hosts.page, scale, signal);
  // Figures as data-* on the page's element, in ms since the viewer's navigation started (as the
  // content script's readyMs): read by tests and the benchmark.
  const stamp = (key: string, value: number) => (hosts.page.dataset[key] = String(Math.round(value)));
  stamp('drawnMs', performance.now());
  const read = readPage(drawn.content, drawn.view);
  hosts.reading.replaceChildren();
  if (!read.text.trim()) {
    stamp('readyMs', performance.now());
    return { scan: true, articles: [], layer: null, controller: null };
  }
  const layer = await startTextLayer(doc, textLayerModel(read.text, read.item, read.offset, drawn.nodes), api, signal, stamp);
  // The page opened with its terms highlighted: the figure the benchmark reads.
  stamp('readyMs', performance.now());
  hosts.page.dataset.terms = String(layer.terms);
  // Which page these figures are of: a test that turns the page waits for it.
  hosts.page.dataset.shownPage = String(pageNo);
  const found = renderReading(hosts.reading, read);
  const controller = new PageController(doc, api, signal, knownArticles(found));
  await controller.update(state);
  return { scan: false, articles: found.map((a) => ({ title: a.title })), layer, controller };
}
