// The page controller (lib/dom/controller.ts) on a linkedom page, with a fake background that
// answers from the real engine (EngineHost over jieba-wasm and the glossary) and logs each call.
// What a browser has and linkedom lacks gets a minimal stand-in: Range.setStart/setEnd, the CSS
// Custom Highlight registry, IntersectionObserver (never reports: markers stay unplaced),
// requestAnimationFrame and the viewport size; Preact (hover card, sidebar) renders through the
// global `document`, set to the page's for the test's duration.
// Asserted: features go on in one order (conversion, then annotation, then ruby) and come off
// in the reverse order; a switch-off gives the document back exactly; a burst of updates is one run.
// The page, the stand-ins and the fake background: tests/support/controller-harness.ts.
import { describe, expect, it } from 'vitest';
import { PageController } from '../../lib/dom/controller';
import { TERM_HIGHLIGHT } from '../../lib/dom/highlights';
import { parseHTML } from 'linkedom';
import { log, rubies, baseText, traditional, setup, runs, spyOnRemoval, coldEngine, LONG_PAGE } from '../support/controller-harness';

describe('PageController on a linkedom page', () => {
  it('annotates a Chinese page: articles found, terms highlighted, a marker and a card host added outside <body>', async () => {
    const { document, controller, highlights, state } = setup();
    const body = document.body.innerHTML;
    expect(controller.isChinese).toBe(true);
    await controller.update(state());
    expect(log).toEqual(['annotate']);
    expect(controller.session?.articles).toHaveLength(1);
    const terms = [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    expect(terms).toEqual(expect.arrayContaining(['高质量发展', '机构改革', '两个确立', '两个维护', '三定']));
    expect(document.body.innerHTML).toBe(body);
    expect(document.querySelector('dubao-layer')?.parentNode).toBe(document.documentElement);
    expect(document.querySelector('dubao-card')?.parentNode).toBe(document.documentElement);
    // Terms off: no highlight, the session stays.
    await controller.update(state({ terms: false }));
    expect(highlights.get(TERM_HIGHLIGHT)).toBeUndefined();
    expect(log).toEqual(['annotate', 'highlights off']);
  });

  it('applies conversion, then annotation, then ruby; takes them off in reverse; off gives the document back exactly', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    // Annotation reads the converted text; ruby goes over it (near the viewport: here all is in
    // view); the session stays and reads through the ruby layer: no second annotation.
    expect(log).toEqual(['convert tw', 'annotate (traditional)', 'pinyin (traditional)']);
    expect(baseText(document.querySelector('h1')!)).toBe('我市推進高質量發展');
    const ruby = [...document.querySelectorAll('ruby[data-dubao]')];
    expect(ruby.length).toBeGreaterThan(100);
    const jin = ruby.find((r) => r.firstChild?.textContent === '進');
    expect(jin?.querySelector('rt')?.textContent).toBe('jìn');
    // Highlights are on the new nodes (inside ruby): the same ranges, moved.
    const shown = [...(highlights.get(TERM_HIGHLIGHT) ?? [])];
    expect(shown.some((r) => (r.startContainer as Text).parentElement?.tagName === 'RUBY')).toBe(true);
    expect(shown.every((r) => r.startContainer?.nodeType === 3 && r.startContainer.isConnected)).toBe(true);
    // A point in ruby's text reads as article text (the hover card's way in).
    const jinText = jin!.firstChild as Text;
    const point = controller.session!.index.pointAt(jinText, 0);
    expect(point && controller.session!.index.articles[point.article].model.text[point.offset]).toBe('進');

    log.length = 0;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }, false));
    // The session lets go of its highlights (and ranges) before ruby and conversion come off.
    expect(log).toEqual(['highlights off', 'ruby off', 'restore']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('changing the script takes ruby off, restores, and builds everything again on the simplified text', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    log.length = 0;
    await controller.update(state({ pinyin: true }));
    await controller.rubyIdle();
    expect(log).toEqual(['highlights off', 'ruby off', 'restore', 'annotate', 'pinyin']);
    expect(document.querySelector('h1 ruby')?.firstChild?.textContent).toBe('我');
    expect(baseText(document.querySelector('h1')!)).toBe('我市推进高质量发展');
    // Pinyin off keeps the conversion-free page, with no ruby: exactly as before. The session
    // stays (no new annotation) and its ranges are back on the original text nodes.
    log.length = 0;
    await controller.update(state());
    expect(log).toEqual(['ruby off']);
    expect(rubies(document)).toBe(0);
    const terms = [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    expect(terms).toEqual(expect.arrayContaining(['高质量发展', '机构改革', '两个确立', '两个维护', '三定']));
    expect(document.body.outerHTML).toBe(parseHTML(before).document.body.outerHTML);
    await controller.update(state({}, undefined, false));
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a burst of updates is one run, with the latest state', async () => {
    const { document, controller, state } = setup();
    const before = document.documentElement.outerHTML;
    const runs = [
      controller.update(state({ pinyin: true })),
      controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' })),
      controller.update(state({}, { mode: 'default', script: 'hk' })),
      controller.update(state({}, undefined, false)),
      controller.update(state()),
    ];
    await Promise.all(runs);
    expect(log).toEqual(['annotate']);
    expect(rubies(document)).toBe(0);
    expect(document.body.innerHTML).toBe(parseHTML(before).document.body.innerHTML);
  });

  it('annotates blocks the page adds after load like the first ones (converted, ruby, terms), once, never editable areas', async () => {
    const { document, controller, highlights, state } = setup({ intersecting: true });
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw' }));
    await controller.rubyIdle();
    const termsIn = (el: Element) => [...(highlights.get(TERM_HIGHLIGHT) ?? [])].filter((r) => el.contains(r.startContainer)).map((r) => r.toString());
    const add = (id: string, html: string, attrs: Record<string, string> = {}) => {
      const el = document.createElement('section');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.innerHTML = html;
      document.body.append(el);
      return el;
    };
    log.length = 0;
    const late = add('late', '<h2>县里新闻</h2><p>会议强调，坚定不移推进高质量发展，扎实做好“三定”工作。</p>');
    const editable = add('ed', '<p>编辑区：坚定不移推进高质量发展，扎实做好“三定”工作。</p>', { contenteditable: 'true' });
    const edHtml = editable.outerHTML;
    for (let t = 0; t < 200 && !(termsIn(late).length && late.querySelector('ruby')); t++) await new Promise((r) => setTimeout(r, 20));
    await controller.rubyIdle();
    // Converted first, then terms found, then ruby over it (near the viewport, as for the first
    // articles). ("over ruby": the first articles have theirs; the new block gets its own after.)
    expect(log).toEqual(['convert tw', 'annotate (traditional) (over ruby)', 'pinyin (traditional)']);
    expect(baseText(late)).toContain('推進高質量發展');
    expect(late.querySelectorAll('ruby[data-dubao]').length).toBeGreaterThan(20);
    // (高質量發展 and 三定; the stand-in Range reads no text across ruby's nodes: counted)
    expect(termsIn(late)).toHaveLength(2);
    // An editable area is left alone: not converted, no ruby, no highlights.
    expect(editable.outerHTML).toBe(edHtml);
    expect(termsIn(editable)).toEqual([]);
    // Ruby's own insertions are not new text: nothing is annotated twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(log).toEqual(['convert tw', 'annotate (traditional) (over ruby)', 'pinyin (traditional)']);
    expect(controller.session?.articles).toHaveLength(2);
    // The page replaces the block: the new one is annotated, the old one's ranges go with it.
    late.remove();
    const again = add('again', '<p>会议要求，各级各部门要明确职责分工，扎实做好“三定”工作。</p>');
    for (let t = 0; t < 200 && !termsIn(again).length; t++) await new Promise((r) => setTimeout(r, 20));
    expect(termsIn(again)).toHaveLength(1);
    // Pinyin off keeps the session: the added block keeps its terms, on its own text again, and
    // is not annotated again.
    log.length = 0;
    await controller.update(state({}, { mode: 'default', script: 'tw' }));
    expect(again.querySelectorAll('ruby').length).toBe(0);
    expect(termsIn(again)).toContain('三定');
    await new Promise((r) => setTimeout(r, 300));
    expect(log.filter((l) => l.startsWith('annotate'))).toHaveLength(0);
    // A new session (conversion off) keeps the added block and does not take it for new.
    await controller.update(state());
    await new Promise((r) => setTimeout(r, 300));
    expect(log.filter((l) => l.startsWith('annotate'))).toHaveLength(1);
    expect(termsIn(again)).toContain('三定');
    // Everything off: the added block is back in simplified characters.
    await controller.update(state({}, undefined, false));
    expect(again.textContent).toBe('会议要求，各级各部门要明确职责分工，扎实做好“三定”工作。');
  });

  // The first answer after the background started comes from the glossary alone (provisional);
  // the word-aware one follows. On a page of more than 3,000 terms (lazy highlights, here all in
  // view) no highlight shown with the first answer may go away when the second arrives.
  it('no flicker: the refined answer adds terms to the shown highlights and takes none away', async () => {
    const { cold, release } = coldEngine();
    const page = LONG_PAGE;
    const answers: string[] = [];
    const { controller, highlights, state } = setup({
      page,
      intersecting: true,
      annotate: async (texts, wait) => {
        if (wait) release();
        const a = await cold.annotate(texts, wait);
        answers.push(a.provisional ? 'provisional' : 'word-aware');
        return a;
      },
    });
    await controller.update(state());
    const shown = () => [...(highlights.get(TERM_HIGHLIGHT) ?? [])].map((r) => r.toString());
    // Wait for the word-aware answer's ranges (高质量发展 follows a Han character: not provisional).
    for (let t = 0; t < 500 && shown().filter((x) => x === '高质量发展').length < 900; t++) await new Promise((r) => setTimeout(r, 20));
    expect(answers[0]).toBe('provisional');
    expect(answers).toContain('word-aware');
    expect(shown().filter((x) => x === '高质量发展')).toHaveLength(900);
    expect(shown()).toHaveLength(3600);
    expect(highlights.taken).toEqual([]);
  }, 60_000);

  // Pinyin switched on while the background is still cold: ruby goes in while the word-aware
  // answer's ranges are being built (sliced) over the original text nodes. Every range shown at
  // the end must sit on the page's text (ruby's pieces), none on a node ruby took out.
  it('pinyin on during the refined answer: every term range ends up on the text in the page', async () => {
    const { cold, release } = coldEngine();
    const page = LONG_PAGE;
    let doc!: Document;
    const { document, controller, highlights, state } = setup({
      page,
      intersecting: true,
      annotate: async (texts, wait) => {
        // The word-aware answer is given once ruby has started going in.
        if (!wait) return cold.annotate(texts, wait);
        release();
        const answer = await cold.annotate(texts, wait);
        for (let t = 0; t < 1000 && !rubies(doc); t++) await new Promise((r) => setTimeout(r, 5));
        expect(rubies(doc)).toBeLessThan(900 * 30);
        return answer;
      },
    });
    doc = document;
    await controller.update(state({ pinyin: true }));
    const shown = () => [...(highlights.get(TERM_HIGHLIGHT) ?? [])];
    const refined = () => shown().filter((r) => r.startContainer?.parentElement?.closest('ruby') || r.toString() === '高质量发展').length;
    for (let t = 0; t < 1000 && (refined() < 3600 || rubies(document) < 900 * 30); t++) await new Promise((r) => setTimeout(r, 20));
    await controller.rubyIdle();
    const ranges = shown();
    expect(rubies(document)).toBeGreaterThan(900 * 30);
    expect(ranges).toHaveLength(3600);
    expect(ranges.filter((r) => !r.startContainer?.isConnected || !r.endContainer?.isConnected)).toEqual([]);
    expect(ranges.filter((r) => r.collapsed)).toEqual([]);
  }, 60_000);

  it('the open sidebar and its button follow a change of the interface language', async () => {
    const { document, controller, state } = setup();
    const root = () => document.querySelector('dubao-sidebar')!.shadowRoot!;
    await controller.update(state({ uiLanguage: 'en' }, { mode: 'default', sidebar: true }));
    expect(root().querySelector('aside')!.getAttribute('aria-label')).toBe('On this page');
    await controller.update(state({ uiLanguage: 'zh' }, { mode: 'default', sidebar: true }));
    expect(root().querySelector('aside')!.getAttribute('aria-label')).toBe('本页摘要');
    expect(root().querySelector('button.fab')!.getAttribute('aria-label')).toBe('打开摘要侧栏');
    await controller.update(state({ uiLanguage: 'auto' }, { mode: 'default', sidebar: true }));
  });

  it('aborting its signal tears everything down and leaves the document as it was', async () => {
    const { document, controller, state, run } = setup({ intersecting: true });
    spyOnRemoval(document);
    const before = document.documentElement.outerHTML;
    await controller.update(state({ pinyin: true }, { mode: 'default', script: 'tw', sidebar: true }));
    await controller.rubyIdle();
    expect(document.querySelector('dubao-sidebar')).not.toBeNull();
    expect(log).toContain('digest');
    log.length = 0;
    run.abort();
    expect(log).toEqual(['ruby off', 'restore', 'highlights off']);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
