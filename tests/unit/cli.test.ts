import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPageHtml } from '../fixtures/make-seed-page';

const BIN = new URL('../../bin/dubao.mjs', import.meta.url).pathname;
const SEED_TXT = new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url).pathname;
// The seed page (tests/fixtures/make-seed-page.ts), written where the CLI can read it.
const SEED_HTML = join(mkdtempSync(join(tmpdir(), 'dubao-seed-')), 'seed.html');
writeFileSync(SEED_HTML, seedPageHtml());
const ARTICLE_HTML = new URL('../fixtures/pages/article.html', import.meta.url).pathname;

/**
 * Node with these arguments, its output collected. Asynchronous: a command of many seconds must not
 * block the test worker's event loop (vitest's own messages time out when it does).
 */
function node(args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input ?? '');
  });
}
/** stdout of a command that must succeed. */
async function stdoutOf(args: string[], input?: string): Promise<string> {
  const r = await node(args, input);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}
const dubao = async (...args: string[]) => JSON.parse(await stdoutOf([BIN, ...args]));
const fail = (...args: string[]) => node([BIN, ...args]);

describe('dubao annotate', () => {
  it('prints the fixed report fields for the seed text', async () => {
    const r = await dubao('annotate', SEED_TXT, '--format', 'json');
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['text', 'tokens', 'terms', 'formulas', 'articles']));
    expect(r.tokens.map((t: { start: number; end: number }) => r.text.slice(t.start, t.end)).join('')).toBe(r.text);
    for (const t of r.tokens) {
      const han = [...r.text.slice(t.start, t.end)].filter((c: string) => /\p{Script=Han}/u.test(c)).length;
      expect(t.pinyin).toHaveLength(han);
    }
    expect(r.articles).toHaveLength(5);
    expect(r.articles[0]).toMatchObject({ title: '全市机构改革动员部署会议召开', byline: '本报济宁讯（记者 宋仪凯）' });
    for (const a of r.articles) expect(a.end).toBeGreaterThan(a.start);
    // Pinyin in context: 济宁 jǐ níng, the reporter 宋仪凯's surname.
    const at = r.text.indexOf('为济宁争先') + 1;
    expect(r.tokens.find((t: { start: number }) => t.start === at).pinyin).toEqual(['jǐ', 'níng']);
    // Articles carry their summary: key sentences, people with titles, figures, terms.
    const first = r.articles[0];
    expect(first.summary.length).toBeGreaterThanOrEqual(2);
    expect(first.people).toContainEqual({ name: '林红玉', title: '市委书记' });
    expect(first.people).toContainEqual({ name: '于永生', title: '市委副书记、市长' });
    expect(first.terms).toEqual(expect.arrayContaining(['两个确立', '三定']));
    expect(r.articles[1].figures).toEqual(expect.arrayContaining(['临时救助 2.49万人次']));
    expect(r.articles[4].figures.some((f: string) => f.includes('154亿元'))).toBe(true);
    expect(r.formulas.map((f: { text: string }) => f.text)).toEqual(expect.arrayContaining(['六个三年行动计划', '三大行动']));
    // A word broken at the column's edge is one token; `text` keeps the break.
    const i = r.text.indexOf('下\n午，全市');
    expect(r.tokens.some((t: { start: number; end: number }) => t.start === i && t.end === i + 3)).toBe(true);
  });

  it('reads HTML with the extension’s article finder', async () => {
    const seed = await dubao('annotate', SEED_HTML);
    expect(seed.articles.map((a: { title: string }) => a.title)).toEqual([
      '全市机构改革动员部署会议召开', '厚植民生福祉 擦亮为民底色', '推动民生保障取得更大成效', '新春开工忙 奋进正当时', '省内首家县域算力中心落户嘉祥',
    ]);
    expect(seed.text).toContain('坚定不移推进高质量发展提供强有力'.slice(6)); // joined across <br>
    const news = await dubao('annotate', ARTICLE_HTML);
    expect(news.articles).toHaveLength(1);
    expect(news.text).not.toContain('网友');
    expect(news.text).not.toContain('热点新闻');
    expect(news.articles[0].byline).toBe('本报记者 张明远　通讯员 李晓');
  });

  it('converts with --script, word-aware', async () => {
    const out = (await stdoutOf([BIN, 'annotate', '-', '--script', 'tw'], '坚持一个中国原则，踏上新征程，更加注重实效'));
    expect(JSON.parse(out).converted).toBe('堅持一個中國原則，踏上新征程，更加注重實效');
    const twp = (await stdoutOf([BIN, 'annotate', '-', '--script', 'twp'], '推进国内存款保险'));
    expect(JSON.parse(twp).converted).toBe('推進國內存款保險');
  });

  it('reads stdin with -', async () => {
    const out = (await stdoutOf([BIN, 'annotate', '-'], '高质量发展'));
    expect(JSON.parse(out).text).toBe('高质量发展');
  });

  it('rejects bad input with one line and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dubao-cli-'));
    const latin1 = join(dir, 'gbk.txt');
    writeFileSync(latin1, Buffer.from([0xb8, 0xdf, 0xd6, 0xca, 0xc1, 0xbf])); // 高质量 in GBK
    for (const args of [['annotate', join(dir, 'missing.txt')], ['annotate', SEED_TXT, '--bogus'], ['annotate', latin1], ['frobnicate'], ['annotate', SEED_TXT, '--script', 'xx'], ['annotate']]) {
      const r = await fail(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});

describe('the report keeps the input', () => {
  const lines = ['全市机构改革动员部署会议召开', '', '深化党和国家机构改革', '高质量完成机构改革各项目标任务', '以实际行动拥护两个确立'].join('\n') + '\n';

  it('gives a file of one sentence per line back as it was, converted line for line', async () => {
    const r = JSON.parse((await stdoutOf([BIN, 'annotate', '-', '--script', 't', '--format', 'json'], lines)));
    expect(r.text).toBe(lines);
    expect(r.converted.split('\n')).toEqual(['全市機構改革動員部署會議召開', '', '深化黨和國家機構改革', '高質量完成機構改革各項目標任務', '以實際行動擁護兩個確立', '']);
  });

  it('keeps the seed as it is in `text` while reading words broken at line ends (下 / 午) as one', async () => {
    const seedText = readFileSync(SEED_TXT, 'utf8');
    const r = JSON.parse((await stdoutOf([BIN, 'annotate', SEED_TXT, '--script', 't', '--format', 'json'])));
    expect(r.text).toBe(seedText);
    // converted: every line break stays where it was.
    expect(r.converted.split('\n').map((l: string) => l.length)).toEqual(seedText.split('\n').map((l) => l.length));
    // Terms broken across a line read as one (党和国 / 家机构改革).
    const broken = r.terms.filter((t: { start: number; end: number }) => r.text.slice(t.start, t.end).includes('\n'));
    expect(broken.length).toBeGreaterThan(0);
    for (const t of broken) expect(r.text.slice(t.start, t.end).replace(/\s+/g, '')).toBe(t.term);
    expect(r.joinedBreaks.length).toBeGreaterThan(200);
  });
});

describe('dubao annotate on one big file', () => {
  const LOG_WORKERS = new URL('./support/log-workers.mjs', import.meta.url).pathname;
  const CORPUS = new URL('../../../shared/corpora/party-congress-reports.jsonl', import.meta.url).pathname;

  it('reads its pinyin on a second thread, and reports exactly what one thread does', async () => {
    const report = JSON.parse(readFileSync(CORPUS, 'utf8').trim().split('\n').at(-1)!) as { text: string };
    const big = join(mkdtempSync(join(tmpdir(), 'dubao-big-')), 'congress.txt');
    writeFileSync(big, report.text);
    const threaded = await node(['--import', LOG_WORKERS, BIN, 'annotate', big, '--script', 'tw']);
    expect(threaded.status).toBe(0);
    expect(threaded.stderr).toMatch(/@@worker .*pinyin-worker\.mjs/);
    const one = await node(['--import', LOG_WORKERS, BIN, 'annotate', big, '--script', 'tw', '--jobs', '1']);
    expect(one.stderr).not.toContain('@@worker');
    expect(threaded.stdout).toBe(one.stdout);
    const r = JSON.parse(threaded.stdout);
    expect(r.tokens.filter((t: { pinyin: string[] }) => t.pinyin.length).length).toBeGreaterThan(10_000);
  });

  it('keeps a small file on one thread', async () => {
    const small = await node(['--import', LOG_WORKERS, BIN, 'annotate', SEED_TXT]);
    expect(small.status).toBe(0);
    expect(small.stderr).not.toContain('@@worker');
  });
});

describe('dubao annotate on many files, and dubao digest', () => {
  const REAL = new URL('../../../shared/fixtures/real-pages/', import.meta.url).pathname;

  it('reads a folder and a bad file as JSON lines, in input order, one error line, exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dubao-batch-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const r = await node([BIN, 'annotate', REAL, bad, '--format', 'jsonl', '--jobs', '2']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error?: string; text?: string; articles?: unknown[] });
    expect(lines).toHaveLength(53);
    const files = lines.map((l) => l.file);
    expect(files.slice(0, 52)).toEqual([...files.slice(0, 52)].sort());
    expect(files[52]).toBe(bad);
    expect(lines.filter((l) => l.error)).toEqual([{ file: bad, error: `'${bad}' is not UTF-8 text` }]);
    // Each page's report is the one `dubao annotate page.html` gives alone.
    const alone = await dubao('annotate', join(REAL, 'sina-1.html'));
    expect(lines.find((l) => l.file.endsWith('sina-1.html'))).toEqual({ file: join(REAL, 'sina-1.html'), ...alone });
  }, 180_000); // a whole batch of 53 files in worker threads: generous for a busy machine

  it('prints the sidebar’s digest: Markdown by default, JSON on request', async () => {
    const md = (await stdoutOf([BIN, 'digest', SEED_TXT]));
    expect(md).toContain('## 1. 全市机构改革动员部署会议召开');
    expect(md).toContain('市委书记 林红玉');
    const json = JSON.parse((await stdoutOf([BIN, 'digest', SEED_TXT, '--format', 'json'])));
    expect(json.url).toBe(SEED_TXT);
    expect(json.articles).toHaveLength(5);
    expect(json.articles[0].people).toContainEqual(expect.objectContaining({ name: '林红玉', title: '市委书记' }));
    expect(json.articles[0].terms.map((t: { term: string }) => t.term)).toEqual(expect.arrayContaining(['两个确立', '三定']));
    // A real page's article carries its source and dateline into the digest, as the sidebar shows them.
    const page = JSON.parse((await stdoutOf([BIN, 'digest', join(REAL, '163-1.html'), '--format', 'json'])));
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ title: '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？', source: '证券市场红周刊', dateline: '2019-09-07 13:43:45' });
    expect((await stdoutOf([BIN, 'digest', join(REAL, '163-1.html')]))).toContain('*证券市场红周刊 · 2019-09-07 13:43:45*');
  });

  it('keeps nodejieba as an option', async () => {
    const r = await dubao('annotate', SEED_TXT, '--segmenter', 'nodejieba');
    expect(r.articles).toHaveLength(5);
    expect((await fail('annotate', SEED_TXT, '--segmenter', 'thulac')).status).toBe(2);
  });
});
