// Terms on the page in both browsers: highlights across a <br>, the term card, the dictionary
// card for any other word, Esc, keyboard stepping.
import { describe, expect, it } from 'vitest';
import { useBrowser, useFixtureServer } from './suite';
import { BROWSERS, markerLabels, open } from './browsers';
import { cardText, highlightTexts, pointOf, sendToPageTab, waitForCard } from './page-helpers';

const server = useFixtureServer();

describe.each(BROWSERS)('%s', (name) => {
  const s = useBrowser(name);

  it('highlights glossary terms with the Custom Highlight API, across line breaks', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    const terms = await highlightTexts(page, 'dubao-term');
    expect(terms).toContain('两个确立');
    expect(terms).toContain('两个维护');
    expect(terms).toContain('三定');
    // 高 / 质量发展 is broken by a <br> on the page: one highlight spans both text nodes.
    const across = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dubao-term')!]
        .filter((r) => r.startContainer !== r.endContainer)
        .map((r) => `${(r.startContainer as Text).data.slice(r.startOffset)}|${(r.endContainer as Text).data.slice(0, r.endOffset)}`.replace(/\s/g, '')),
    );
    expect(across).toContain('高|质量发展');
    const formulas = await highlightTexts(page, 'dubao-formula');
    expect(formulas.map((f) => f.replace(/\s/g, ''))).toEqual(expect.arrayContaining(['六个三年行动计划', '三大行动', '双百工程', '六进']));
    await page.close();
  });

  it('shows the term card on hover, a dictionary card for other words, and Esc closes it', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    const p = await pointOf(page, '两个确立');
    await page.mouse.move(p.x, p.y);
    const card = await waitForCard(page, 'Two Establishments').catch(async () => {
      throw new Error(`no term card; card is ${await cardText(page)}`);
    });
    expect(card).toContain('liǎng gè què lì');
    // Other renderings in use (english_alt), in the interface language.
    expect(card).toMatch(/(?:also: |又译：)Two Affirmations(?:, |、)Two Establishes/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card'), { timeout: 30_000 }).catch(() => {
      throw new Error('Esc did not close the card');
    });
    // 出席 is an ordinary word: the dictionary card.
    const q = await pointOf(page, '出席会议');
    await page.mouse.move(q.x + 1, q.y);
    const dict = await waitForCard(page, 'attend').catch(async () => {
      throw new Error(`no dictionary card; card is ${await cardText(page)}`);
    });
    expect(dict).toContain('chū xí');
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBeNull();
    await page.close();
  });

  it('steps through the terms from the keyboard command', async () => {
    const page = await open(s, server.url('/seed.html'));
    await markerLabels(page);
    // The manifest command reaches the content script as a 'command' message from the
    // background; an extension page sends the same message (keys cannot reach browser UI here).
    const step = async () => {
      await sendToPageTab(s, page, { type: 'command', data: { name: 'next-term' } });
      await page.bringToFront();
      await page.waitForFunction(() => !!document.querySelector('dubao-card')?.shadowRoot?.querySelector('.card .term'), { timeout: 30_000 });
      const [active] = await highlightTexts(page, 'dubao-active');
      return { active, card: (await cardText(page))! };
    };
    const first = await step();
    // The first term of the first article: 机构改革 (…全市机构改革动员部署会议召开).
    expect(first.active).toBe('机构改革');
    expect(first.card).toContain('机构改革');
    const second = await step();
    expect(second.active).not.toBe(first.active);
    expect(second.card).toContain(second.active.replace(/\s/g, ''));
    await page.close();
  });
});
