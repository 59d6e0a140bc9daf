/**
 * pdf.js for the viewer page only: the worker, the cMaps (Chinese PDFs name the encodings of their
 * CID fonts by cMap) and the standard fonts are files of the extension (public/pdfjs, copied by
 * scripts/build-data.ts), fetched by this page and nowhere else. Nothing leaves the machine.
 */
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { browser } from 'wxt/browser';

const asset = (path: string) => browser.runtime.getURL(path as '/');
pdfjs.GlobalWorkerOptions.workerSrc = asset('/pdfjs/pdf.worker.min.mjs');

export type PdfProblem = 'notPdf' | 'damaged' | 'encrypted';

/** A file Dubao cannot read, and why. */
export class PdfError extends Error {
  constructor(readonly problem: PdfProblem, detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

/** Open a PDF from its bytes (the bytes are handed to pdf.js's worker). */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  // A PDF says so in its first kilobyte (%PDF-1.x); anything else is not one, whatever its name.
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new PdfError('notPdf');
  try {
    return await pdfjs.getDocument({
      data,
      cMapUrl: asset('/pdfjs/cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: asset('/pdfjs/standard_fonts/'),
      isEvalSupported: false,
      enableXfa: false,
    }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new PdfError('encrypted');
    throw new PdfError('damaged', (e as Error)?.message);
  }
}

export interface DrawnPage {
  /** The page's text content, as pdf.js gives it (its items are the text layer's spans, in order). */
  content: TextContent;
  /** The page's view box in PDF points ([x0, y0, x1, y1]). */
  view: number[];
  /** For each of content's items, the text node of its span in the text layer (null: none). */
  nodes: Array<Text | null>;
  width: number;
  height: number;
}

/**
 * Draw a page into `host`: a canvas at the screen's pixel density and pdf.js's text layer over it
 * (transparent spans where the text is, which highlights and hover cards use).
 */
export async function drawPage(page: PDFPageProxy, host: HTMLElement, scale: number, signal: AbortSignal): Promise<DrawnPage> {
  const viewport = page.getViewport({ scale });
  const doc = host.ownerDocument;
  host.replaceChildren();
  host.style.setProperty('--total-scale-factor', String(scale));
  host.style.width = `${viewport.width}px`;
  host.style.height = `${viewport.height}px`;
  const canvas = doc.createElement('canvas');
  const ratio = doc.defaultView?.devicePixelRatio ?? 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const layer = doc.createElement('div');
  layer.className = 'textLayer';
  host.append(canvas, layer);
  const content = await page.getTextContent();
  const task = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
  signal.addEventListener('abort', () => task.cancel());
  const text = new pdfjs.TextLayer({ textContentSource: content, container: layer, viewport });
  await Promise.all([task.promise, text.render()]);
  // One span per text item; marked-content entries (when asked for) have none.
  const divs = text.textDivs;
  let k = 0;
  const nodes = content.items.map((it) => {
    if (!('str' in it)) return null;
    const d = divs[k++];
    return d?.firstChild && d.firstChild.nodeType === 3 ? (d.firstChild as Text) : null;
  });
  const { pageWidth, pageHeight } = viewport.rawDims as { pageWidth: number; pageHeight: number };
  return { content, view: page.view, nodes, width: pageWidth, height: pageHeight };
}

export type { PDFDocumentProxy, PDFPageProxy };
