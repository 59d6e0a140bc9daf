// Interface strings in Chinese and English; the browser's language decides.
const zh = {
  name: '读报 Dubao',
  unavailable: '读报无法在此页面运行。',
  onThisSite: '在此网站启用',
  notChinese: '此页面不是中文页面。',
  off: '已在此网站关闭。',
  foundArticles: (n: number) => (n ? `找到 ${n} 篇文章` : '未找到文章'),
  untitled: '（无标题）',
  official: '官方译名',
  unofficial: '非官方译法',
  onPage: (n: number) => `本页出现 ${n} 次`,
  components: '包括',
  related: '相关术语',
  more: '完整词条 →',
  since: (y: number) => `始于 ${y} 年`,
  scopeLocal: (s: string) => `地方：${s}`,
  formula: '数字式提法（词库未收录）',
  formulaHint: '以数字概括若干项工作或要求的提法；具体内容请见上下文。',
  noDefinition: '词典中没有此词。',
  simplified: '简',
  traditional: '繁',
  close: '关闭',
  termsFound: (n: number) => `高亮 ${n} 处术语`,
  literal: '字面',
  termsToggle: '术语高亮与释义',
  pinyinToggle: '文章拼音',
  scriptLabel: '繁简转换',
  scriptOff: '不转换',
  scriptT: '繁體',
  scriptTw: '臺灣正體',
  scriptHk: '香港繁體',
  scriptTwp: '臺灣用語',
  scriptS: '简体',
  sidebarToggle: '摘要侧栏',
  optionsLink: '术语库与设置',
  sidebarTitle: '本页摘要',
  articlesHeading: '文章',
  termsHeading: '本页术语',
  formulasHeading: '未收录的数字式提法',
  people: '人物',
  places: '地点',
  figures: '数据',
  keySentences: '要点',
  exportMd: '导出 Markdown',
  exportJson: '导出 JSON',
  exportAnki: '导出 Anki (TSV)',
  noArticles: '此页面没有找到文章。',
  openSidebar: '打开摘要侧栏',
};
const en: typeof zh = {
  name: 'Dubao 读报',
  unavailable: 'Dubao cannot run on this page.',
  onThisSite: 'On for this site',
  notChinese: 'This page is not in Chinese.',
  off: 'Switched off for this site.',
  foundArticles: (n: number) => (n === 0 ? 'No articles found' : n === 1 ? '1 article found' : `${n} articles found`),
  untitled: '(untitled)',
  official: 'official rendering',
  unofficial: 'our translation',
  onPage: (n: number) => (n === 1 ? 'once on this page' : `${n} times on this page`),
  components: 'Made up of',
  related: 'Related',
  more: 'Full entry →',
  since: (y: number) => `since ${y}`,
  scopeLocal: (s: string) => `local: ${s}`,
  formula: 'Numbered formula (not in the glossary)',
  formulaHint: 'A phrase that sums up several tasks or requirements with a number; the context names them.',
  noDefinition: 'Not in the dictionary.',
  simplified: 'S',
  traditional: 'T',
  close: 'Close',
  termsFound: (n: number) => `${n} term occurrences highlighted`,
  literal: 'literally',
  termsToggle: 'Terms: highlight and explain',
  pinyinToggle: 'Pinyin over articles',
  scriptLabel: 'Characters',
  scriptOff: 'as on the page',
  scriptT: 'Traditional (繁體)',
  scriptTw: 'Taiwan standard (臺灣正體)',
  scriptHk: 'Hong Kong standard (香港繁體)',
  scriptTwp: 'Taiwan phrasing (臺灣用語)',
  scriptS: 'Simplified (简体)',
  sidebarToggle: 'Summary sidebar',
  optionsLink: 'Glossary and settings',
  sidebarTitle: 'On this page',
  articlesHeading: 'Articles',
  termsHeading: 'Terms on this page',
  formulasHeading: 'Numbered formulas not in the glossary',
  people: 'People',
  places: 'Places',
  figures: 'Figures',
  keySentences: 'Key sentences',
  exportMd: 'Export Markdown',
  exportJson: 'Export JSON',
  exportAnki: 'Export Anki (TSV)',
  noArticles: 'No articles found on this page.',
  openSidebar: 'Open the summary sidebar',
};

type Strings = typeof zh;

let override: 'zh' | 'en' | null = null;

/** The interface language: the reader's setting, else the browser's language. */
export function uiLanguage(): 'zh' | 'en' {
  if (override) return override;
  const lang = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return lang.startsWith('zh') ? 'zh' : 'en';
}

export function setUiLanguage(lang: 'zh' | 'en' | 'auto'): void {
  override = lang === 'auto' ? null : lang;
}

export function t<K extends keyof Strings>(key: K, ...args: Strings[K] extends (...a: infer A) => string ? A : []): string {
  const s = (uiLanguage() === 'zh' ? zh : en)[key];
  return typeof s === 'function' ? (s as (...a: unknown[]) => string)(...args) : (s as string);
}
