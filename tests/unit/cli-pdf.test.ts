// `dubao annotate|digest page.pdf`: the compiled command line (npm run build) on the fixture PDFs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRID_HEADLINES, pdfFixtures, SEED_HEADLINES, type PdfFixtures } from '../support/pdf-fixtures';

const BIN = new URL('../../bin/dubao.mjs', import.meta.url).pathname;
// Run asynchronously: a synchronous child would block the test worker's messages for its whole run.
const spawn = (args: string[], stdin?: Buffer) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('node', [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (e, stdout, stderr) => resolve({ status: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr }));
    child.stdin?.end(stdin ?? '');
  });
const run = async (...args: string[]) => {
  const r = await spawn(args);
  if (r.status !== 0) throw new Error(`dubao ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
};

interface Article {
  title: string;
  byline: string | null;
  start: number;
  end: number;
  page?: number;
  terms: string[];
  summary: string[];
  continued?: { to?: number; from?: number };
}

let fx: PdfFixtures;
beforeAll(async () => {
  fx = await pdfFixtures();
}, 180_000);

// A command takes seconds, more on a loaded machine: more time than the suite's default.
describe('dubao annotate page.pdf', { timeout: 120_000 }, () => {
  it.each(['twoColumn', 'threeColumn', 'grid'] as const)('finds the seed’s five articles and their headlines in the %s layout', async (layout) => {
    const r = JSON.parse(await run('annotate', fx[layout], '--format', 'json')) as { text: string; tokens: Array<{ start: number; end: number }>; terms: Array<{ id: string; term: string; start: number; end: number }>; articles: Article[]; banners: string[] };
    expect(r.articles.map((a) => a.title)).toEqual(layout === 'grid' ? GRID_HEADLINES : SEED_HEADLINES);
    expect(r.articles[0].byline).toBe('本报济宁讯（记者 宋仪凯）');
    // The same report as for text: tokens tile the text, terms point into it, articles are summarised.
    expect(r.tokens.map((t) => r.text.slice(t.start, t.end)).join('')).toBe(r.text);
    const term = r.terms.find((t) => t.term === '两个确立')!;
    expect(r.text.slice(term.start, term.end)).toBe('两个确立');
    expect(r.articles[0].terms).toEqual(expect.arrayContaining(['两个确立']));
    for (const a of r.articles) {
      expect(a.summary.length).toBeGreaterThan(0);
      expect(r.text.slice(a.start, a.end).replace(/\s/g, '').startsWith(a.title.replace(/\s/g, ''))).toBe(true);
    }
    expect(r.banners).toEqual(['济宁日报', '深入贯彻市两会精神 坚定不移推进高质量发展']);
  });

  it('reads every page of a four-page PDF and notes the article continued on page 3', async () => {
    const r = JSON.parse(await run('annotate', fx.fourPage)) as { articles: Article[] };
    expect(r.articles.map((a) => a.page)).toEqual([1, 1, 1, 1, 1, 2, 3, 4]);
    expect(r.articles.slice(0, 5).map((a) => a.title)).toEqual(SEED_HEADLINES);
    expect(r.articles[5].continued).toEqual({ to: 3 });
    expect(r.articles[6].continued).toEqual({ from: 2 });
  });

  it('reads a PDF on stdin by its first bytes', async () => {
    const r = await spawn(['annotate', '-'], readFileSync(fx.twoColumn));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { articles: Article[] }).articles.map((a) => a.title)).toEqual(SEED_HEADLINES);
  });

  it('digests a PDF as it digests a page', async () => {
    const md = await run('digest', fx.threeColumn);
    for (const t of SEED_HEADLINES) expect(md).toContain(t);
  });

  it('refuses bad PDFs with one line and exit code 2', async () => {
    const cases: Array<[string, RegExp]> = [
      [fx.scanned, /this page is an image; it has no text to read/],
      [fx.damaged, /is a damaged PDF/],
      [fx.encrypted, /is encrypted \(it needs a password\)/],
      [fx.notPdf, /is not a PDF/],
    ];
    for (const [file, message] of cases) {
      const r = await spawn(['annotate', file]);
      expect(r.status, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), file).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('gives an error line for a bad PDF in a batch, and goes on', async () => {
    const r = await spawn(['annotate', fx.twoColumn, fx.scanned, '--format', 'jsonl', '--jobs', '1']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; error?: string; articles?: Article[] });
    expect(lines.map((l) => l.file)).toEqual([fx.twoColumn, fx.scanned]);
    expect(lines[0].articles).toHaveLength(5);
    expect(lines[1].error).toMatch(/this page is an image; it has no text to read/);
  });
});
