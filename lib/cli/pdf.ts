/**
 * PDF input for the command line (and the tests): pdf.js's Node build reads the pages' text items
 * in this thread (no worker thread: pdf.js runs its "fake worker" in Node), lib/pdf does the rest.
 * Loaded only for .pdf inputs (a dynamic import from report.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pageTextOf, hasText, NO_TEXT, type PdfPageText } from '../pdf';
import { InputError } from './files';

/** A PDF starts with %PDF- within its first 1024 bytes (ISO 32000-1, 7.5.2 as readers apply it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** The text items of every page. Throws InputError with one line for what cannot be read. */
export async function pdfPages(bytes: Uint8Array, name: string): Promise<PdfPageText[]> {
  if (!looksLikePdf(bytes)) throw new InputError(`'${name}' is not a PDF`);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + '/';
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: root + 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: root + 'standard_fonts/',
    wasmUrl: root + 'wasm/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(pageTextOf(await page.getTextContent(), page.view));
      page.cleanup();
    }
    if (!hasText(pages)) throw new InputError(`'${name}': ${NO_TEXT}`);
    return pages;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') throw new InputError(`'${name}' is encrypted (it needs a password); Dubao cannot read it`);
    throw new InputError(`'${name}' is a damaged PDF: ${(err.message ?? String(e)).split('\n')[0]}`);
  } finally {
    await task.destroy();
  }
}
