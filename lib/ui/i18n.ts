// Interface strings in Chinese and English; the browser's language decides.
const zh = {
  name: '读报 Dubao',
  unavailable: '读报无法在此页面运行。',
  onThisSite: '在此网站启用',
  notChinese: '此页面不是中文页面。',
  off: '已在此网站关闭。',
  foundArticles: (n: number) => (n ? `找到 ${n} 篇文章` : '未找到文章'),
  untitled: '（无标题）',
};
const en: typeof zh = {
  name: 'Dubao 读报',
  unavailable: 'Dubao cannot run on this page.',
  onThisSite: 'On for this site',
  notChinese: 'This page is not in Chinese.',
  off: 'Switched off for this site.',
  foundArticles: (n: number) => (n === 0 ? 'No articles found' : n === 1 ? '1 article found' : `${n} articles found`),
  untitled: '(untitled)',
};

type Strings = typeof zh;

export function uiLanguage(): 'zh' | 'en' {
  const lang = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return lang.startsWith('zh') ? 'zh' : 'en';
}

export function t<K extends keyof Strings>(key: K, ...args: Strings[K] extends (...a: infer A) => string ? A : []): string {
  const s = (uiLanguage() === 'zh' ? zh : en)[key];
  return typeof s === 'function' ? (s as (...a: unknown[]) => string)(...args) : (s as string);
}
