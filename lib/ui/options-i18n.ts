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
  display: '显示', pinyinStyle: '拼音样式', styleMarks: '声调符号（zhōng）', styleNumbers: '数字声调（zhong1）', styleZhuyin: '注音符号（ㄓㄨㄥ）',
  toneColors: '按声调着色', uiLanguage: '界面语言', langAuto: '跟随浏览器', highlightStyle: '术语标记样式', underline: '下划线', background: '底色',
  hoverNeedsAlt: '仅在按住 Alt 键时显示释义卡片', reset: '恢复默认', sites: '网站规则', noSites: '尚无网站规则。在弹出窗口中为某网站关闭读报后，会在此列出。',
  rule: '规则', ruleDefault: '默认（开启）', ruleAlways: '始终开启', ruleNever: '从不开启', addNever: '不在此网站运行：', add: '添加',
  shortcuts: '快捷键', scNext: '下一个 / 上一个术语（打开释义卡片）', scPinyin: '显示 / 隐藏拼音', scSidebar: '打开 / 关闭摘要侧栏', scEsc: '关闭卡片或侧栏',
  ffShortcuts: '管理扩展快捷键',
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
  display: 'Display', pinyinStyle: 'Pinyin style', styleMarks: 'Tone marks (zhōng)', styleNumbers: 'Tone numbers (zhong1)', styleZhuyin: 'Zhuyin (ㄓㄨㄥ)',
  toneColors: 'Colour syllables by tone', uiLanguage: 'Interface language', langAuto: 'Follow the browser', highlightStyle: 'Term highlight', underline: 'Underline', background: 'Background',
  hoverNeedsAlt: 'Show hover cards only while Alt is held', reset: 'Reset to defaults', sites: 'Site rules', noSites: 'No site rules yet. Switching Dubao off for a site in the popup lists it here.',
  rule: 'Rule for', ruleDefault: 'Default (on)', ruleAlways: 'Always on', ruleNever: 'Never on', addNever: 'Never run on:', add: 'Add',
  shortcuts: 'Keyboard shortcuts', scNext: 'next / previous term (opens its card)', scPinyin: 'show / hide pinyin', scSidebar: 'open / close the summary sidebar', scEsc: 'close the card or the sidebar',
  ffShortcuts: 'Manage Extension Shortcuts',
};

export function optionsText(key: string, n = 0): string {
  const v = (uiLanguage() === 'zh' ? zh : en)[key];
  if (v === undefined) return '';
  return typeof v === 'function' ? v(n) : v;
}
