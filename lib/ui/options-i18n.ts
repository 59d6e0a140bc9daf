// Strings of the options page (zh / en), following the interface language.
import { uiLanguage } from './i18n';

type Entry = string | ((n: number) => string);
const zh: Record<string, Entry> = {
  glossary: '术语库', settings: '设置', searchLabel: '搜索术语', searchPlaceholder: '汉字、拼音（可不带声调）或英文',
  category: '类别', allCategories: '全部类别', scope: '范围', allScopes: '全部范围', national: '全国', local: '地方',
  loading: '正在载入…', results: (n) => `${n} 条结果`, pick: (n) => `共 ${n} 个词条。请搜索或从左侧选择。`,
  official: '官方译名', unofficial: '非官方译法', literal: '字面', components: '包括', variants: '其他写法',
  since: '始用年份', related: '相关术语',
  cat_formulas: '数字式提法与口号', cat_party: '党的组织与纪律', cat_reform: '机构改革与行政', cat_economy: '经济与产业',
  cat_rural: '农业农村', cat_regional: '区域战略', cat_welfare: '民生保障', cat_governance: '社会治理与执法',
  cat_environment: '生态环境', cat_local: '地方项目',
};
const en: Record<string, Entry> = {
  glossary: 'Glossary', settings: 'Settings', searchLabel: 'Search the glossary', searchPlaceholder: 'Characters, pinyin (tones optional) or English',
  category: 'Category', allCategories: 'All categories', scope: 'Scope', allScopes: 'All scopes', national: 'National', local: 'Local',
  loading: 'Loading…', results: (n) => `${n} results`, pick: (n) => `${n} entries. Search, or pick one on the left.`,
  official: 'official rendering', unofficial: 'our translation', literal: 'Literally', components: 'Made up of', variants: 'Other forms',
  since: 'Since', related: 'Related terms',
  cat_formulas: 'Numbered formulas and slogans', cat_party: 'Party organisation and discipline', cat_reform: 'Institutional reform and administration',
  cat_economy: 'Economy and industry', cat_rural: 'Rural policy', cat_regional: 'Regional strategies', cat_welfare: 'Welfare, health, education, housing',
  cat_governance: 'Governance and law enforcement', cat_environment: 'Environment', cat_local: 'Local programs',
};

export function optionsText(key: string, n = 0): string {
  const v = (uiLanguage() === 'zh' ? zh : en)[key];
  if (v === undefined) return '';
  return typeof v === 'function' ? v(n) : v;
}
