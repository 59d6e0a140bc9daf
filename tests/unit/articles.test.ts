import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';

const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const model = textModelFromString(seed);
const layout = splitArticles(model.text);

describe('article splitting on the seed front page', () => {
  it('finds its five articles with their headlines (which follow the body in this extraction)', () => {
    expect(layout.articles.map((a) => a.title)).toEqual([
      '全市机构改革动员部署会议召开',
      '厚植民生福祉 擦亮为民底色',
      '推动民生保障取得更大成效',
      '新春开工忙 奋进正当时',
      '省内首家县域算力中心落户嘉祥',
    ]);
  });

  it('reads each source line', () => {
    expect(layout.articles.map((a) => a.byline)).toEqual([
      '本报济宁讯（记者 宋仪凯）',
      '本报记者 梁琨',
      '满涛',
      '本报记者 鲍童 本报通讯员 雷夫幸 谷雨阳',
      '本报嘉祥讯（通讯员 李超）',
    ]);
  });

  it('keeps the subtitle, the sub-headlines and the photo captions apart', () => {
    const [, second, , , fifth] = layout.articles;
    expect(second.subtitle).toBe('我市扎实推进保障和改善民生工作综述');
    expect(second.subheads.map((s) => s.text)).toEqual(['强化救助兜底保障', '夯实教育发展基石', '优化就医便民措施']);
    expect(fifth.captions.map((c) => c.text.slice(0, 8))).toEqual(['新春伊始，兖州区', '“养老”变“享老']);
    expect(layout.banners.map((b) => b.text)).toContain('深入贯彻市两会精神坚定不移推进高质量发展日导读今');
  });

  it('gives spans that hold their own text and do not overlap', () => {
    let prevEnd = 0;
    for (const a of layout.articles) {
      expect(a.start).toBeGreaterThanOrEqual(prevEnd);
      expect(model.text.slice(a.start, a.end)).toContain(a.title!.slice(0, 4));
      prevEnd = a.end;
    }
    expect(model.text.slice(layout.articles[0].bodyStart, layout.articles[0].bodyEnd)).toMatch(/^2版>>本报济宁讯[\s\S]*参加会议。$/);
  });

  it('handles the usual order too: headline, source line, body', () => {
    const text = '我市召开优化营商环境推进会\n\n本报讯（记者 张明远）3月5日上午，全市优化营商环境工作推进会召开。会议总结去年以来全市营商环境建设成效，安排部署下一阶段重点任务。\n\n会议强调，要坚持问题导向，聚焦企业反映的堵点难点，落实好惠企政策。';
    const { articles } = splitArticles(text);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('我市召开优化营商环境推进会');
    expect(articles[0].byline).toBe('本报讯（记者 张明远）');
    expect(articles[0].start).toBe(0);
  });
});
