/**
 * PDF fixtures, made in the test setup (never committed): e-paper layouts of the seed
 * (../shared/fixtures/jining-daily-front-page.txt, its 5 articles) printed to PDF by the test
 * Chromium (`page.pdf()`: fonts embedded, a real text layer), and the bad inputs. Unit tests and the
 * viewer's e2e tests call `pdfFixtures()`; the files are made once per set of inputs and kept in
 * the system's temp folder under a hash of everything that goes into them.
 *
 *   twoColumn    the seed, one article under another, each headline over its body's 2 columns
 *   threeColumn  the seed flowing through 3 page columns (articles continue from one column to the next)
 *   grid         the seed as a front page is made up: rows of stories side by side, their headlines in
 *                one row (lead story over 2 columns | commentary, its headline set vertically on its
 *                left; a story across 3 columns; 2 | 1)
 *   fourPage     the seed (3 columns) + three pages of government work reports; page 2's article
 *                ends "（下转第3版）", page 3's begins "（上接第2版）"
 *   scanned      one page that is only a picture (a canvas) of text: no text layer
 *   damaged      the two-column PDF cut short (its first third)
 *   notPdf       a .pdf that is an HTML page
 *   encrypted    a one-page PDF that needs a password (standard security handler, unknown password)
 *   cidFont      a one-page PDF written by hand whose Chinese font is not embedded (STSong-Light,
 *                UniGB-UCS2-H): its text reads only with pdf.js's CMaps, as many papers' PDFs
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';

export interface PdfFixtures {
  dir: string;
  twoColumn: string;
  threeColumn: string;
  grid: string;
  fourPage: string;
  scanned: string;
  damaged: string;
  notPdf: string;
  encrypted: string;
  cidFont: string;
}

/** The seed's five headlines, in page order (the gold of tests/unit/articles.test.ts). */
export const SEED_HEADLINES = ['全市机构改革动员部署会议召开', '厚植民生福祉 擦亮为民底色', '推动民生保障取得更大成效', '新春开工忙 奋进正当时', '省内首家县域算力中心落户嘉祥'];

const SHARED = new URL('../../../shared/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 1100; // CSS px; a printed point is 0.75 px

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface SeedArticle {
  title: string;
  subtitle: string | null;
  paragraphs: Array<{ text: string; kind: 'p' | 'byline' | 'subhead' }>;
}

/** The seed's articles as the text splitter reads them: headline, subtitle, paragraphs. */
export function seedArticles(): { articles: SeedArticle[]; captions: string[]; banner: string } {
  const raw = readFileSync(new URL('fixtures/jining-daily-front-page.txt', SHARED), 'utf8');
  const model = textModelFromString(raw);
  const layout = splitArticles(model.text);
  const articles = layout.articles.map((a): SeedArticle => {
    const subheads = new Set(a.subheads.map((s) => s.text));
    const paragraphs = model.text
      .slice(a.bodyStart, a.bodyEnd)
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, '').trim())
      .filter(Boolean)
      .map((text) => ({ text, kind: text.startsWith('■') ? ('byline' as const) : subheads.has(text) ? ('subhead' as const) : ('p' as const) }));
    return { title: a.title ?? '', subtitle: a.subtitle, paragraphs };
  });
  return { articles, captions: layout.articles.flatMap((a) => a.captions.map((c) => c.text)), banner: '深入贯彻市两会精神 坚定不移推进高质量发展' };
}

const CSS = `
  @page { margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; background: #fff; color: #111; }
  body { width: ${WIDTH}px; font: 11px/1.6 "Noto Serif CJK SC", serif; padding: 28px 36px; }
  header { text-align: center; padding-bottom: 10px; margin-bottom: 22px; border-bottom: 3px double #8b1e1e; }
  .masthead { font-size: 48px; font-weight: bold; color: #8b1e1e; line-height: 1.2; }
  .banner { font-size: 26px; font-weight: bold; margin: 10px 0 6px; line-height: 1.3; }
  .dateline { font-size: 9px; color: #555; }
  h2 { font-size: 22px; line-height: 1.3; margin: 0 0 16px; font-weight: bold; text-align: center; }
  h3 { font-size: 13px; line-height: 1.4; margin: -6px 0 16px; font-weight: normal; text-align: center; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  p.byline, p.subhead, p.jump { text-indent: 0; }
  p.subhead { font-weight: bold; }
  figure { margin: 16px 0; break-inside: avoid; }
  .photo { height: 70px; background: #ccc; }
  figcaption { font-size: 9px; line-height: 1.4; margin-top: 4px; }
  footer { font-size: 9px; color: #777; margin-top: 22px; padding-top: 6px; border-top: 1px solid #ccc; }
`;

const para = (p: { text: string; kind: string }) => `<p class="${p.kind}">${esc(p.text)}</p>`;
const headline = (t: string) => `<h2>${t.split(' ').map(esc).join('<br>')}</h2>`;
const articleHtml = (a: SeedArticle, bodyClass: string, sectionClass = '') =>
  `<section class="article ${sectionClass}">${headline(a.title)}${a.subtitle ? `<h3>——${esc(a.subtitle)}</h3>` : ''}<div class="${bodyClass}">${a.paragraphs.map(para).join('')}</div></section>`;

function masthead(banner: string): string {
  return `<header><div class="masthead">济宁日报</div><div class="banner">${esc(banner)}</div><div class="dateline">2024年3月2日 星期六 第01版：要闻</div></header>`;
}

function figures(captions: string[]): string {
  return captions.map((c) => `<figure><div class="photo"></div><figcaption>${esc(c)}</figcaption></figure>`).join('');
}

/** Two columns per article, articles one under another. */
export function twoColumnHtml(): string {
  const seed = seedArticles();
  const css = `${CSS} .cols { column-count: 2; column-gap: 30px; } section.article { margin-bottom: 26px; } .figs { display: flex; gap: 30px; } .figs figure { flex: 1; }`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报 第01版</title><style>${css}</style></head><body>${masthead(seed.banner)}${seed.articles.map((a) => articleHtml(a, 'cols')).join('')}<div class="figs">${figures(seed.captions)}</div><footer>济宁日报社主办 · 版权所有</footer></body></html>`;
}

/** The page as three columns the articles flow through, headlines inside a column. */
function threeColumnBody(): string {
  const seed = seedArticles();
  return `${masthead(seed.banner)}<main class="flow">${seed.articles.map((a) => articleHtml(a, 'body')).join('')}${figures(seed.captions)}</main><footer>济宁日报社主办 · 版权所有</footer>`;
}
const FLOW_CSS = `.flow { column-count: 3; column-gap: 26px; } .flow h2 { break-after: avoid; margin-top: 18px; } .flow section:first-child h2 { margin-top: 0; } .flow h3 { break-after: avoid; }`;

export function threeColumnHtml(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报 第01版</title><style>${CSS}${FLOW_CSS}</style></head><body>${threeColumnBody()}</body></html>`;
}

/** Stories side by side in rows, as a front page is made up. */
export function gridHtml(): string {
  const seed = seedArticles();
  const [lead, survey, comment, work, centre] = seed.articles;
  const css = `${CSS} .row { display: grid; grid-template-columns: 2fr 1fr; column-gap: 32px; margin-bottom: 26px; }
    .cols2 { column-count: 2; column-gap: 26px; } .cols3 { column-count: 3; column-gap: 26px; } .full { margin-bottom: 26px; }
    .figs { display: flex; gap: 30px; } .figs figure { flex: 1; }
    .vertical { display: flex; gap: 14px; align-items: flex-start; } .vertical h2 { writing-mode: vertical-rl; margin: 0; }`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报 第01版</title><style>${css}</style></head><body>${masthead(seed.banner)}
    <div class="row">${articleHtml(lead, 'cols2')}${articleHtml(comment, 'one', 'vertical')}</div>
    <div class="full">${articleHtml(survey, 'cols3')}</div>
    <div class="row">${articleHtml(work, 'cols2')}${articleHtml(centre, 'one')}</div>
    <div class="figs">${figures(seed.captions)}</div><footer>济宁日报社主办 · 版权所有</footer></body></html>`;
}

/** The grid page's stories in reading order: row by row, left to right. */
export const GRID_HEADLINES = [SEED_HEADLINES[0], SEED_HEADLINES[2], SEED_HEADLINES[1], SEED_HEADLINES[3], SEED_HEADLINES[4]];

interface ReportText {
  title: string;
  paragraphs: string[];
}

function reports(): ReportText[] {
  const lines = readFileSync(new URL('corpora/government-work-reports.jsonl', SHARED), 'utf8').split('\n').filter(Boolean);
  const docs = lines.map((l) => JSON.parse(l) as { year: number | string | null; text: string });
  return [2019, 2018].map((year) => {
    const d = docs.find((x) => Number(x.year) === year)!;
    const paragraphs = d.text
      .replace(/[\u200b\u200d]/g, '')
      .split(/\n{2,}/)
      .map((p) => p.replace(/\s+/g, '').trim())
      .filter((p) => p.length > 0);
    return { title: `${year}年政府工作报告`, paragraphs };
  });
}

/**
 * Pages of a report: each a fixed-size sheet of three columns, filled in the browser paragraph by
 * paragraph until the next one would overflow (clipped text would still be in the PDF).
 */
const SHEET_CSS = `.sheet { height: var(--h); overflow: hidden; break-after: page; padding: 28px 36px; width: ${WIDTH}px; }
  .sheet .flow { height: calc(var(--h) - 140px); column-fill: auto; }
  body.multi { padding: 0; }`;

async function fourPagePdf(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // Page 1's height: the seed in three columns.
    await page.setViewport({ width: WIDTH, height: 900 });
    await page.setContent(threeColumnHtml(), { waitUntil: 'load' });
    const h = Math.ceil(await page.evaluate(() => document.documentElement.scrollHeight));
    const [r2019, r2018] = reports();
    const sheets = [
      { title: r2019.title, lead: '■李克强', paragraphs: r2019.paragraphs, jumpIn: null, jumpOut: '（下转第3版）' },
      { title: r2019.title, lead: null, paragraphs: null, jumpIn: '（上接第2版）', jumpOut: null },
      { title: r2018.title, lead: '■李克强', paragraphs: r2018.paragraphs, jumpIn: null, jumpOut: null },
    ];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${CSS}${FLOW_CSS}${SHEET_CSS}</style></head>
      <body class="multi" style="--h:${h}px"><div class="sheet">${threeColumnBody()}</div>
      ${sheets.map((s, i) => `<div class="sheet" id="s${i}"><h2>${esc(s.title)}</h2><main class="flow"></main></div>`).join('')}</body></html>`;
    await page.setContent(html, { waitUntil: 'load' });
    // Fill sheet 2 and (with what is left of the same report) sheet 3, then sheet 4.
    await page.evaluate(
      (sheets: Array<{ lead: string | null; paragraphs: string[] | null; jumpIn: string | null; jumpOut: string | null }>) => {
        let rest: string[] = [];
        sheets.forEach((s, i) => {
          const flow = document.querySelector(`#s${i} .flow`) as HTMLElement;
          const add = (text: string, cls: string) => {
            const p = document.createElement('p');
            p.className = cls;
            p.textContent = text;
            flow.append(p);
            return p;
          };
          const fits = () => flow.scrollWidth <= flow.clientWidth + 1;
          if (s.jumpIn) add(s.jumpIn, 'jump');
          if (s.lead) add(s.lead, 'byline');
          const source = s.paragraphs ?? rest;
          const out = s.jumpOut ? add(s.jumpOut, 'jump') : null;
          let k = 0;
          for (; k < source.length; k++) {
            const p = add(source[k], /^[一二三四五六七八九十]+、/.test(source[k]) ? 'subhead' : 'p');
            if (out) flow.append(out);
            if (!fits()) {
              p.remove();
              break;
            }
          }
          rest = source.slice(k);
        });
      },
      sheets,
    );
    return await page.pdf({ width: `${WIDTH}px`, height: `${h}px`, printBackground: true });
  } finally {
    await page.close();
  }
}

async function printOne(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: WIDTH, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // One page as tall as the content: a newspaper page is one sheet.
    const h = Math.ceil(await page.evaluate(() => document.documentElement.scrollHeight));
    return await page.pdf({ width: `${WIDTH}px`, height: `${h + 2}px`, printBackground: true });
  } finally {
    await page.close();
  }
}

/** A page that is only a picture of text: drawn on a canvas, printed as an image. */
const SCANNED_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:0} body{margin:0}</style></head><body>
<canvas id="c" width="800" height="1000"></canvas><script>
const c = document.getElementById('c').getContext('2d');
c.fillStyle = '#f4f1e8'; c.fillRect(0, 0, 800, 1000); c.fillStyle = '#222';
c.font = 'bold 40px "Noto Serif CJK SC"'; c.fillText('全市机构改革动员部署会议召开', 60, 90);
c.font = '20px "Noto Serif CJK SC"';
for (let i = 0; i < 30; i++) c.fillText('本报济宁讯 3月1日下午，全市机构改革动员部署会议召开。', 60, 150 + i * 28);
</script></body></html>`;

/**
 * A PDF that needs a password: the standard security handler (RC4, revision 2) with /O and /U
 * values no password gives, so a reader can only ask for one.
 */
function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, n * 2);
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 5 0 R >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(16, 'o')}${hex(16, 'o2')}> /U <${hex(16, 'u')}${hex(16, 'u2')}> >>`,
    '<< /Length 12 >>\nstream\nxxxxxxxxxxxx\nendstream',
  ];
  return writePdf(objs, `/Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 'id')}> <${hex(16, 'id')}>]`);
}

/** The lines of the cidFont fixture: [font size, text], top to bottom. */
export const CID_FONT_LINES: Array<[number, string]> = [
  [20, '以实际行动拥护两个确立'],
  [10, '本报北京讯 会议强调，以实际行动拥护“两个确立”、做到“两个维护”，'],
  [10, '坚定不移推进高质量发展。'],
];

/** A PDF with a non-embedded CID font: text shown as UCS-2 codes through the UniGB-UCS2-H CMap. */
function cidFontPdf(): Uint8Array {
  const ucs2 = (t: string) => [...t].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  let y = 250;
  const content = CID_FONT_LINES.map(([size, text]) => {
    const line = `BT /F1 ${size} Tf 30 ${y} Td <${ucs2(text)}> Tj ET`;
    y -= size * 1.8;
    return line;
  }).join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  return writePdf(objs, '/Root 1 0 R');
}

/** A PDF file from its objects (numbered from 1) and the trailer's entries, with a correct xref table. */
function writePdf(objs: string[], trailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

let made: Promise<PdfFixtures> | null = null;

/** The fixture PDFs: made on the first call (Chromium prints them), then read from the cache. */
export function pdfFixtures(): Promise<PdfFixtures> {
  made ??= make();
  return made;
}

async function make(): Promise<PdfFixtures> {
  const key = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(readFileSync(new URL('fixtures/jining-daily-front-page.txt', SHARED)))
    .update(readFileSync(new URL('corpora/government-work-reports.jsonl', SHARED)))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `dubao-pdf-fixtures-${key}`);
  const files: PdfFixtures = {
    dir,
    twoColumn: join(dir, 'seed-two-column.pdf'),
    threeColumn: join(dir, 'seed-three-column.pdf'),
    grid: join(dir, 'seed-grid.pdf'),
    fourPage: join(dir, 'seed-and-reports-4-pages.pdf'),
    scanned: join(dir, 'scanned.pdf'),
    damaged: join(dir, 'damaged.pdf'),
    notPdf: join(dir, 'not-a-pdf.pdf'),
    encrypted: join(dir, 'encrypted.pdf'),
    cidFont: join(dir, 'cid-font.pdf'),
  };
  if (existsSync(join(dir, 'done'))) return files;
  // One process makes the set; others (test files run in parallel) wait for it rather than start
  // a Chromium of their own. A lock left by a process that died is taken over after two minutes.
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(dir, 'done'))) return files;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(join(dir, 'done'))) return files;
    await makeInto(dir, files, key);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return files;
}

async function makeInto(dir: string, files: PdfFixtures, key: string): Promise<void> {
  // Made in a folder of its own and renamed into place, so no reader ever sees half a set.
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(tmp, { recursive: true });
  const at = (f: string) => join(tmp, f.slice(dir.length + 1));
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const two = await printOne(browser, twoColumnHtml());
    writeFileSync(at(files.twoColumn), two);
    writeFileSync(at(files.threeColumn), await printOne(browser, threeColumnHtml()));
    writeFileSync(at(files.grid), await printOne(browser, gridHtml()));
    writeFileSync(at(files.fourPage), await fourPagePdf(browser));
    writeFileSync(at(files.scanned), await printOne(browser, SCANNED_HTML));
    writeFileSync(at(files.damaged), two.subarray(0, Math.floor(two.length / 3)));
    writeFileSync(at(files.notPdf), '<!doctype html><html><body><p>这不是PDF文件。</p></body></html>\n');
    writeFileSync(at(files.encrypted), encryptedPdf());
    writeFileSync(at(files.cidFont), cidFontPdf());
    writeFileSync(join(tmp, 'done'), key);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    await browser.close();
  }
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process made the same set first.
    rmSync(tmp, { recursive: true, force: true });
  }
}
