// "My words" in both browsers: words saved from hover cards on the seed page (a glossary term,
// a CC-CEDICT word, a word saved twice), listed with their sentences, exported to Anki TSV,
// deleted, and still there in new extension pages; the sidebar saving an article's terms;
// speech (the utterance asked for, and the message when there is no Chinese voice).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, EXT, launch, markerLabels, open, openExtensionPage } from './browsers';
import { cardText, pointOf, sendToPageTab, toBackground, waitForCard } from './page-helpers';
import type { WordDraft } from '../../lib/words/record';

const server = useFixtureServer();

/** Rest the pointer on the nth occurrence of `text` and wait for a card showing `expect`. */
async function hoverCard(page: Page, text: string, expectText: string, nth = 0): Promise<string> {
  await page.keyboard.press('Escape');
  const p = await pointOf(page, text, nth);
  await page.mouse.move(p.x + 1, p.y);
  return waitForCard(page, expectText).catch(async () => {
    throw new Error(`no card with '${expectText}' on '${text}'; card is ${await cardText(page)}`);
  });
}

/** Click a button of the open card with the mouse (the pointer moves into the card). */
async function clickInCard(page: Page, selector: string): Promise<void> {
  const r = await page.evaluate((sel) => {
    const b = document.querySelector('dubao-card')!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, selector);
  await page.mouse.click(r.x, r.y);
}

/** The card's save button once it reports `state` (added / updated), with its text. */
async function savedState(page: Page, state: 'added' | 'updated'): Promise<string> {
  const h = await page.waitForFunction(
    (s) => {
      const b = document.querySelector('dubao-card')?.shadowRoot?.querySelector('.save');
      return b?.getAttribute('data-saved') === s ? b.textContent : null;
    },
    { timeout: 20_000 },
    state,
  );
  return (await h.jsonValue()) as string;
}

interface Row {
  word: string;
  text: string;
  sentence: string;
}

async function rows(options: Page, n: number): Promise<Row[]> {
  await options.waitForFunction((k) => document.querySelectorAll('.word-row').length === k, { timeout: 20_000 }, n);
  return options.$$eval('.word-row', (els) =>
    els.map((e) => ({ word: e.getAttribute('data-word') ?? '', text: e.textContent ?? '', sentence: e.querySelector('.sentence')?.textContent ?? '' })),
  );
}

/** Keep every Blob the page turns into a download URL (the real download still happens). */
async function keepDownloads(options: Page): Promise<void> {
  await options.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[] };
    w.__blobs = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => (w.__blobs.push(b as Blob), make(b));
  });
}

const lastDownload = (options: Page) => options.evaluate(() => (window as unknown as { __blobs: Blob[] }).__blobs.at(-1)!.text());

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('saves three words from their cards (one twice), lists them with sentences, exports Anki TSV, deletes one, and keeps the rest', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);

    // A glossary term, saved with the card's button.
    const term = await hoverCard(page, '两个确立', 'Two Establishments');
    expect(term).toContain('Save word');
    await clickInCard(page, '.save');
    expect(await savedState(page, 'added')).toContain('Saved to My words');

    // A CC-CEDICT word, saved with the S key while its card is open.
    await hoverCard(page, '出席会议', 'attend');
    await page.keyboard.press('s');
    await savedState(page, 'added');

    // A word saved twice, from two places: the second save updates it.
    await hoverCard(page, '讲话', 'speech');
    await clickInCard(page, '.save');
    await savedState(page, 'added');
    await hoverCard(page, '讲话', 'speech', 1);
    await page.keyboard.press('S');
    expect(await savedState(page, 'updated')).toContain('Already saved: updated');
    await page.keyboard.press('Escape');

    const options = await openExtensionPage(s, 'options.html#words', '.word-row');
    const listed = await rows(options, 3);
    expect(listed.map((r) => r.word).sort()).toEqual(['两个确立', '出席', '讲话'].sort());
    const by = new Map(listed.map((r) => [r.word, r]));
    // The sentences, joined across the page's printed line breaks.
    expect(by.get('两个确立')!.sentence).toBe('各级各部门要充分认识深化机构改革的重大意义，切实把思想和行动统一到党中央决策部署上来，坚定不移抓好改革任务落实，以实际行动拥护“两个确立”、做到“两个维护”。');
    expect(by.get('出席')!.sentence).toContain('林红玉出席会议并讲话');
    expect(by.get('两个确立')!.text).toContain('Two Establishments');
    expect(by.get('出席')!.text).toContain('chū xí');
    expect(by.get('讲话')!.text).toContain('济宁日报');
    // Saved twice: one row, the second sentence (林红玉在讲话中指出…), met as often as the page has it.
    expect(by.get('讲话')!.sentence).toContain('林红玉在讲话中指出');

    // The Anki TSV: header lines, then word, back (pinyin, English, sentence with the word in bold), tags.
    await keepDownloads(options);
    await options.click('#words-export-tsv');
    const tsv = (await lastDownload(options)).split('\n');
    expect(tsv.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    expect(tsv.at(-1)).toBe('');
    const cells = new Map(tsv.slice(3, -1).map((l) => l.split('\t')).map((c) => [c[0], c]));
    expect([...cells.keys()].sort()).toEqual(['两个确立', '出席', '讲话'].sort());
    for (const c of cells.values()) expect(c).toHaveLength(3);
    expect(cells.get('两个确立')![1]).toBe('liǎng gè què lì<br>Two Establishments<br>各级各部门要充分认识深化机构改革的重大意义，切实把思想和行动统一到党中央决策部署上来，坚定不移抓好改革任务落实，以实际行动拥护“<b>两个确立</b>”、做到“两个维护”。');
    expect(cells.get('两个确立')![2]).toBe('formulas');
    expect(cells.get('出席')![1]).toMatch(/^chū xí<br>[^<]*attend[^<]*<br>[^<]*林红玉<b>出席<\/b>会议并讲话/);
    expect(cells.get('出席')![2]).toBe('127.0.0.1');
    expect(cells.get('讲话')![1]).toContain('林红玉在<b>讲话</b>中指出');

    // Delete one from its row.
    await options.click('.word-row[data-word="出席"] .delete');
    await rows(options, 2);
    await options.close();

    // New extension pages read the rest from storage.
    const again = await openExtensionPage(s, 'options.html#words', '.word-row');
    const left = await rows(again, 2);
    expect(left.map((r) => r.word).sort()).toEqual(['两个确立', '讲话'].sort());
    expect(left.find((r) => r.word === '两个确立')!.sentence).toContain('以实际行动拥护“两个确立”');
    await again.close();
    await page.close();
  });

  it('keyboard only: the next-term command opens a card, S saves its term, L asks for speech', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    // Alt+Shift+N reaches the page as the background's 'command' message (keys cannot reach browser UI here).
    await sendToPageTab(s, page, { type: 'command', data: { name: 'next-term' } });
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card .term')?.textContent === '机构改革', { timeout: 30_000 });
    await page.keyboard.press('s');
    expect(await savedState(page, 'added')).toContain('Saved to My words');
    await page.keyboard.press('l');
    await page.waitForFunction(() => !!document.querySelector('dubao-card')?.shadowRoot?.querySelector('.speak')?.getAttribute('data-speech'), { timeout: 10_000 });
    // A key typed into a field of the page is the page's: nothing is saved or spoken.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      input.style.cssText = 'position: fixed; top: 0; left: 0'; // focusing it does not scroll (which closes the card)
      document.body.prepend(input);
    });
    await page.focus('#typing');
    await page.keyboard.type('sl');
    expect(await page.$eval('#typing', (e) => (e as HTMLInputElement).value)).toBe('sl');
    // The card is still open and its word was not saved again (a second save says "updated").
    expect(await page.evaluate(() => document.querySelector('dubao-card')?.shadowRoot?.querySelector('.save')?.getAttribute('data-saved'))).toBe('added');
    const options = await openExtensionPage(s, 'options.html#words', '.word-row[data-word="机构改革"]');
    expect((await options.$eval('.word-row[data-word="机构改革"] .sentence', (e) => e.textContent)) ?? '').toContain('机构改革');
    await options.close();
    await page.close();
  });

  it('counts the saved words met on another page as "times met"', async () => {
    const metOf = async (options: Page, word: string) =>
      Number((await options.$eval(`.word-row[data-word="${word}"] .word-meta span:last-child`, (e) => e.textContent ?? '')).match(/\d+/)?.[0] ?? 1);
    const options = await openExtensionPage(s, 'options.html#words', '.word-row[data-word="两个确立"]');
    const before = await metOf(options, '两个确立');
    expect(before).toBeGreaterThanOrEqual(1);
    // The same front page at another address: its occurrences count too.
    const page = await open(s, server.url('/csp/seed.html'));
    await markerLabels(page);
    await options.waitForFunction(
      (n) => (document.querySelector('.word-row[data-word="两个确立"] .word-meta span:last-child')?.textContent ?? '').includes(`${n}`),
      { timeout: 20_000 },
      2 * before,
    );
    expect(await metOf(options, '两个确立')).toBe(2 * before);
    await page.close();
    await options.close();
  });

  it('speech in My words: the utterance asked for (text, zh-CN), and the message where no Chinese voice exists', async () => {
    const draft: WordDraft = { word: '高质量发展', pinyin: 'gāo zhì liàng fā zhǎn', english: 'high-quality development', source: 'glossary', sentence: '推动高质量发展。', title: 'test', url: server.url('/seed.html'), count: 1 };
    await toBackground(s, { type: 'saveWords', data: { words: [draft] } });
    const options = await openExtensionPage(s, 'options.html#words', '.word-row[data-word="高质量发展"]');
    // A stand-in for the platform's speech synthesis in the page under test: one Mandarin voice,
    // and a record of what is spoken.
    await options.evaluate(() => {
      const w = window as unknown as { __spoken: Array<{ text: string; lang: string }> };
      w.__spoken = [];
      const synth = speechSynthesis as unknown as Record<string, unknown>;
      synth.getVoices = () => [{ lang: 'en-US', name: 'English', localService: true }, { lang: 'zh-CN', name: 'Mandarin', localService: true }];
      synth.speak = (u: SpeechSynthesisUtterance) => void w.__spoken.push({ text: u.text, lang: u.lang });
      synth.cancel = () => undefined;
    });
    const speak = '.word-row[data-word="高质量发展"] .speak';
    await options.click(speak);
    await options.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-speech') === 'spoken', { timeout: 10_000 }, speak);
    expect(await options.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([{ text: '高质量发展', lang: 'zh-CN' }]);
    // No Chinese voice (English and Cantonese only): the button says so and nothing is spoken.
    await options.evaluate(() => {
      (speechSynthesis as unknown as Record<string, unknown>).getVoices = () => [{ lang: 'en-US', name: 'English' }, { lang: 'zh-HK', name: 'Cantonese' }];
    });
    await options.click(speak);
    await options.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-speech') === 'no-voice', { timeout: 10_000 }, speak);
    expect(await options.$eval(speak, (b) => [b.textContent, b.getAttribute('aria-label')])).toEqual(['No Chinese voice on this system', 'No Chinese voice on this system']);
    expect(await options.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toHaveLength(1);
    await options.close();
  });

  it("saves an article's terms from the sidebar in one step; the card's and the sidebar's speaker buttons answer as the system's voices allow", async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    // The card's speaker, with the browser's real voices (read in the page: the same platform).
    const hasChinese = await page.evaluate(async () => {
      if (!('speechSynthesis' in window)) return null;
      if (!speechSynthesis.getVoices().length) await new Promise((r) => setTimeout(r, 1500));
      return speechSynthesis.getVoices().some((v) => /^(zh[-_](cn|sg|tw)|cmn)/i.test(v.lang));
    });
    await hoverCard(page, '两个确立', 'Two Establishments');
    await clickInCard(page, '.speak');
    const expected = hasChinese === null ? 'unsupported' : hasChinese ? 'spoken' : 'no-voice';
    await page.waitForFunction((e) => document.querySelector('dubao-card')?.shadowRoot?.querySelector('.speak')?.getAttribute('data-speech') === e, { timeout: 10_000 }, expected);
    if (expected === 'no-voice') expect(await cardText(page)).toContain('No Chinese voice on this system');
    await page.keyboard.press('Escape');

    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.fab') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('dubao-sidebar')?.shadowRoot?.querySelector('li.article .save-terms'), { timeout: 20_000 });
    const terms = await page.evaluate(async () => {
      const first = document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('li.article')!;
      // (a long group shows its first chips: open it to read them all)
      ([...first.querySelectorAll('.group')].at(-1)!.querySelector('button.more[aria-expanded="false"]') as HTMLButtonElement | null)?.click();
      await new Promise((r) => setTimeout(r, 50));
      const chips = [...first.querySelectorAll('.group')].at(-1)!.querySelectorAll('.chip');
      return [...chips].map((c) => (c.textContent ?? '').replace(/ ×\d+$/, ''));
    });
    expect(terms).toContain('机构改革');
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('li.article .save-terms') as HTMLButtonElement).click());
    const said = await page.waitForFunction(() => {
      const b = document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('li.article .save-terms');
      return b?.getAttribute('data-saved') === 'added' ? b.textContent : null;
    }, { timeout: 20_000 });
    expect(await said.jsonValue()).toContain(`${terms.length} terms in My words`);
    // A key sentence's speaker.
    await page.evaluate(() => (document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.sentence-row .speak') as HTMLButtonElement).click());
    await page.waitForFunction((e) => document.querySelector('dubao-sidebar')!.shadowRoot!.querySelector('.sentence-row .speak')?.getAttribute('data-speech') === e, { timeout: 10_000 }, expected);

    const options = await openExtensionPage(s, 'options.html#words', '.word-row');
    await options.waitForFunction((n) => document.querySelectorAll('.word-row').length >= n, { timeout: 20_000 }, terms.length);
    const listed = await options.$$eval('.word-row', (els) => els.map((e) => ({ word: e.getAttribute('data-word')!, sentence: e.querySelector('.sentence')?.textContent ?? '' })));
    for (const term of terms) expect(listed.filter((r) => r.word === term), term).toHaveLength(1);
    expect(listed.find((r) => r.word === '机构改革')!.sentence).toContain('机构改革');
    await options.close();
    await page.close();
  });

  it('My words: search, sort by times met, select all and delete, export JSON and import it back (merged by word)', async () => {
    const options = await openExtensionPage(s, 'options.html#words', '.word-row');
    const n = await options.$$eval('.word-row', (els) => els.length);
    expect(n).toBeGreaterThanOrEqual(3);
    if (name === 'chromium') {
      // The README's picture of My words.
      await options.setViewport({ width: 1000, height: 640 });
      await options.screenshot({ path: 'docs/screenshot-words.png' });
    }
    // Search: characters, toneless pinyin.
    await options.type('#words-search', 'queli');
    expect((await rows(options, 1)).map((r) => r.word)).toEqual(['两个确立']);
    await options.$eval('#words-search', (e) => ((e as HTMLInputElement).value = ''));
    await options.type('#words-search', ' ');
    await rows(options, n);
    // Sort by times met: the counts shown never increase down the list.
    await options.select('#words-sort', 'frequency');
    const met = await options.$$eval('.word-row .word-meta span:last-child', (els) => els.map((e) => Number((e.textContent ?? '').match(/\d+/)?.[0] ?? 1)));
    expect(met).toHaveLength(n);
    expect(met).toEqual([...met].sort((a, b) => b - a));

    await keepDownloads(options);
    await options.click('#words-export-json');
    const exported = JSON.parse(await lastDownload(options)) as { format: string; words: Array<{ word: string; sentence: string }> };
    expect(exported.format).toBe('dubao-words');
    expect(exported.words).toHaveLength(n);

    await options.click('#words-select-all');
    await options.waitForFunction((k) => document.querySelector('#words-delete-selected')?.textContent?.includes(`(${k})`), {}, n);
    await options.click('#words-delete-selected');
    await options.waitForFunction(() => document.querySelectorAll('.word-row').length === 0, { timeout: 20_000 });

    // The export, with one more word, imported back.
    const dir = mkdtempSync(join(tmpdir(), 'dubao-words-'));
    const file = join(dir, 'words.json');
    const extra = { ...exported.words[0], word: '新质生产力', sentence: '发展新质生产力。', seen: { 'https://example.cn/': 2 } };
    writeFileSync(file, JSON.stringify({ ...exported, words: [...exported.words, extra] }));
    try {
      const input = (await options.$('#words-import'))!;
      await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
      const back = await rows(options, n + 1);
      expect(await options.$eval('#words-status', (e) => e.textContent)).toBe(`${n + 1} words imported (new or merged).`);
      expect(back.find((r) => r.word === '两个确立')!.sentence).toContain('以实际行动拥护“两个确立”');
      expect(back.find((r) => r.word === '新质生产力')!.sentence).toBe('发展新质生产力。');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await options.close();
  });
});

describe.each(BROWSERS)('%s, restarted', (name) => {
  it('keeps the words across a browser restart on the same profile, and the extension installed again over itself', async () => {
    const profile = mkdtempSync(join(tmpdir(), `dubao-${name}-kept-`));
    try {
      const first = await launch(name, { profile });
      try {
        const draft: WordDraft = { word: '出席', pinyin: 'chū xí', english: 'to attend', source: 'dictionary', sentence: '市委书记林红玉出席会议并讲话。', title: '济宁日报', url: server.url('/seed.html'), count: 2 };
        expect(await toBackground(first, { type: 'saveWords', data: { words: [draft] } })).toEqual({ added: 1, updated: 0, removed: 0, total: 1 });
      } finally {
        await first.close();
      }
      const again = await launch(name, { profile });
      try {
        const options = await openExtensionPage(again, 'options.html#words', '.word-row');
        const [row] = await rows(options, 1);
        expect(row.word).toBe('出席');
        expect(row.sentence).toBe('市委书记林红玉出席会议并讲话。');
        // The extension installed again from its folder over itself, as an update installs it:
        // its open pages go away (it really was reloaded), the words stay.
        await again.browser.installExtension(EXT[name]);
        await expect.poll(() => options.isClosed() || options.evaluate(() => false).catch(() => true), { timeout: 10_000 }).toBe(true);
        const deadline = Date.now() + 30_000;
        for (;;) {
          try {
            const reopened = await openExtensionPage(again, 'options.html#words', '.word-row[data-word="出席"]');
            expect(await reopened.$eval('.word-row .sentence', (e) => e.textContent)).toBe('市委书记林红玉出席会议并讲话。');
            break;
          } catch (e) {
            // The extension is still coming back: its pages fail to load until it is.
            if (Date.now() > deadline) throw e;
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      } finally {
        await again.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 150_000); // two browser starts on a new profile (Firefox builds one on its first start)
});
