/**
 * Interface strings of every surface: the content UI (hover card, sidebar), the popup and the
 * options page, in English and Chinese. The English table defines the keys and the shape of each
 * string (plain, or a function of its numbers); the Chinese table has exactly the same keys and
 * shapes (a missing or extra key is a type error), and `t` accepts only known keys.
 * The interface language is the reader's setting, else the browser's language.
 */

const en = {
  // The popup.
  name: 'Dubao 读报',
  unavailable: 'Dubao cannot run on this page.',
  onThisSite: 'On for this site',
  notChinese: 'This page is not in Chinese.',
  off: 'Switched off for this site.',
  foundArticles: (n: number) => (n === 0 ? 'No articles found' : n === 1 ? '1 article found' : `${n} articles found`),
  termsFound: (n: number) => `${n} term occurrences highlighted`,
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

  // The hover card (official, unofficial and components also on the options page's entries).
  official: 'official rendering',
  unofficial: 'our translation',
  also: 'also: ',
  alsoSeparator: ', ',
  otherUsage: 'in use',
  source: 'source: ',
  components: 'Made up of',
  literal: 'literally',
  related: 'Related',
  onPage: (n: number) => (n === 1 ? 'once on this page' : `${n} times on this page`),
  more: 'Full entry →',
  since: (y: number) => `since ${y}`,
  // `since` as the earliest report in the corpora using the term (origin not known): a weaker claim.
  sinceAttested: (y: number) => `in the reports since ${y}`,
  scopeLocal: (s: string) => `local: ${s}`,
  formula: 'Numbered formula (not in the glossary)',
  formulaHint: 'A phrase that sums up several tasks or requirements with a number; the context names them.',
  noDefinition: 'Not in the dictionary.',
  simplified: 'S',
  traditional: 'T',
  close: 'Close',

  // Keeping and hearing words (hover card, sidebar, "My words").
  saveWord: 'Save word',
  saveWordTitle: 'Save to My words (key S)',
  savedWord: 'Saved to My words',
  updatedWord: 'Already saved: updated',
  saveFailed: 'Could not save',
  listen: 'Listen',
  listenTitle: 'Listen (key L)',
  listenSentence: 'Listen to this sentence',
  noChineseVoice: 'No Chinese voice on this system',
  noSpeech: 'This browser cannot speak',
  saveTerms: (n: number) => (n === 1 ? 'Save this term to My words' : `Save these ${n} terms to My words`),
  savedTerms: (n: number) => (n === 1 ? '1 term in My words' : `${n} terms in My words`),

  // The summary sidebar (untitled also in the popup).
  untitled: '(untitled)',
  openSidebar: 'Open the summary sidebar',
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

  // The options page: the glossary browser and its entries.
  glossary: 'Glossary',
  settings: 'Settings',
  searchLabel: 'Search the glossary',
  searchPlaceholder: 'Characters, pinyin (tones optional) or English',
  category: 'Category',
  allCategories: 'All categories',
  scope: 'Scope',
  allScopes: 'All scopes',
  national: 'National',
  local: 'Local',
  loading: 'Loading…',
  results: (n: number) => `${n} results`,
  pick: (n: number) => `${n} entries. Search, or pick one on the left.`,
  literalLabel: 'Literally',
  variants: 'Other forms',
  sinceLabel: 'Since',
  sinceAttestedLabel: 'In the reports since',
  sourcesLabel: 'Rendering used by',
  altLabel: 'Other renderings',
  quoteLabel: 'Official definition (quoted)',
  relatedTerms: 'Related terms',

  // The options page: My words.
  myWords: 'My words',
  wordsSearch: 'Search my words',
  wordsPlaceholder: 'Characters, pinyin, English, sentence or page',
  sortBy: 'Sort by',
  sortDate: 'Date saved',
  sortPage: 'Page',
  sortFrequency: 'Times met',
  selectAll: 'Select all shown',
  selectWord: (w: string) => `Select ${w}`,
  deleteWord: 'Delete',
  deleteWordOf: (w: string) => `Delete ${w}`,
  deleteSelected: (n: number) => `Delete selected (${n})`,
  exportWhich: (n: number) => (n ? `Exports take the ${n} selected.` : 'Exports take every word.'),
  exportCsv: 'Export CSV',
  importJson: 'Import JSON',
  imported: (n: number) => (n === 1 ? '1 word imported (new or merged).' : `${n} words imported (new or merged).`),
  importFailed: 'This file is not a Dubao word list (JSON export).',
  wordCount: (n: number) => (n === 1 ? '1 word' : `${n} words`),
  noWords: 'No words yet. On a page, save a word from its card (the Save button, or the S key while the card is open).',
  metTimes: (n: number) => (n === 1 ? 'met once' : `met ${n}×`),
  colWord: 'Word',
  colMeaning: 'Meaning and sentence',
  colPage: 'Page',
  colActions: 'Actions',

  // Glossary categories: cat_<category id> (see categoryName).
  cat_formulas: 'Numbered formulas and slogans',
  cat_party: 'Party organisation and discipline',
  cat_reform: 'Institutional reform and administration',
  cat_economy: 'Economy and industry',
  cat_rural: 'Rural policy',
  cat_regional: 'Regional strategies',
  cat_welfare: 'Welfare, health, education, housing',
  cat_governance: 'Governance and law enforcement',
  cat_environment: 'Environment',
  cat_local: 'Local programs',

  // The options page: settings.
  display: 'Display',
  pinyinStyle: 'Pinyin style',
  styleMarks: 'Tone marks (zhōng)',
  styleNumbers: 'Tone numbers (zhong1)',
  styleZhuyin: 'Zhuyin (ㄓㄨㄥ)',
  toneColors: 'Colour syllables by tone',
  uiLanguage: 'Interface language',
  langAuto: 'Follow the browser',
  highlightStyle: 'Term highlight',
  underline: 'Underline',
  background: 'Background',
  hoverNeedsAlt: 'Show hover cards only while Alt is held',
  reset: 'Reset to defaults',
  sites: 'Site rules',
  noSites: 'No site rules yet. Switching Dubao off for a site in the popup lists it here.',
  rule: 'Rule for',
  ruleDefault: 'Default (on)',
  ruleAlways: 'Always on',
  ruleNever: 'Never on',
  addNever: 'Never run on:',
  add: 'Add',
  shortcuts: 'Keyboard shortcuts',
  scNext: 'next / previous term (opens its card)',
  scPinyin: 'show / hide pinyin',
  scSidebar: 'open / close the summary sidebar',
  scEsc: 'close the card or the sidebar',
  scSaveListen: 'while a card is open: save the word to My words / listen to it',
  ffShortcuts: 'Manage Extension Shortcuts',
};

/** A known interface string. */
export type StringKey = keyof typeof en;
/** A table of interface strings: every key of the English table, each of the same shape. */
export type Strings = { [K in StringKey]: (typeof en)[K] };

const zh: Strings = {
  name: '读报 Dubao',
  unavailable: '读报无法在此页面运行。',
  onThisSite: '在此网站启用',
  notChinese: '此页面不是中文页面。',
  off: '已在此网站关闭。',
  foundArticles: (n) => (n ? `找到 ${n} 篇文章` : '未找到文章'),
  termsFound: (n) => `高亮 ${n} 处术语`,
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

  official: '官方译名',
  unofficial: '非官方译法',
  also: '又译：',
  alsoSeparator: '、',
  otherUsage: '其他用法',
  source: '来源：',
  components: '包括',
  literal: '字面',
  related: '相关术语',
  onPage: (n) => `本页出现 ${n} 次`,
  more: '完整词条 →',
  since: (y) => `始于 ${y} 年`,
  sinceAttested: (y) => `${y} 年起见于报告`,
  scopeLocal: (s) => `地方：${s}`,
  formula: '数字式提法（词库未收录）',
  formulaHint: '以数字概括若干项工作或要求的提法；具体内容请见上下文。',
  noDefinition: '词典中没有此词。',
  simplified: '简',
  traditional: '繁',
  close: '关闭',

  saveWord: '收藏',
  saveWordTitle: '加入生词本（S 键）',
  savedWord: '已加入生词本',
  updatedWord: '已在生词本中，已更新',
  saveFailed: '未能保存',
  listen: '朗读',
  listenTitle: '朗读（L 键）',
  listenSentence: '朗读此句',
  noChineseVoice: '系统中没有中文语音',
  noSpeech: '此浏览器不能朗读',
  saveTerms: (n) => `将这 ${n} 个术语加入生词本`,
  savedTerms: (n) => `生词本中已有这 ${n} 个术语`,

  untitled: '（无标题）',
  openSidebar: '打开摘要侧栏',
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

  glossary: '术语库',
  settings: '设置',
  searchLabel: '搜索术语',
  searchPlaceholder: '汉字、拼音（可不带声调）或英文',
  category: '类别',
  allCategories: '全部类别',
  scope: '范围',
  allScopes: '全部范围',
  national: '全国',
  local: '地方',
  loading: '正在载入…',
  results: (n) => `${n} 条结果`,
  pick: (n) => `共 ${n} 个词条。请搜索或从左侧选择。`,
  literalLabel: '字面',
  variants: '其他写法',
  sinceLabel: '始用年份',
  sinceAttestedLabel: '最早见于报告',
  sourcesLabel: '译名出处',
  altLabel: '其他译法',
  quoteLabel: '官方表述（引文）',
  relatedTerms: '相关术语',

  myWords: '生词本',
  wordsSearch: '搜索生词',
  wordsPlaceholder: '汉字、拼音、英文、例句或页面',
  sortBy: '排序',
  sortDate: '收藏时间',
  sortPage: '来源页面',
  sortFrequency: '出现次数',
  selectAll: '全选所列',
  selectWord: (w) => `选择 ${w}`,
  deleteWord: '删除',
  deleteWordOf: (w) => `删除 ${w}`,
  deleteSelected: (n) => `删除所选（${n}）`,
  exportWhich: (n) => (n ? `导出所选的 ${n} 个。` : '导出全部生词。'),
  exportCsv: '导出 CSV',
  importJson: '导入 JSON',
  imported: (n) => `已导入 ${n} 个生词（新增或合并）。`,
  importFailed: '此文件不是读报生词本（JSON 导出）。',
  wordCount: (n) => `${n} 个生词`,
  noWords: '生词本还是空的。在页面上打开词语的卡片，点“收藏”或按 S 键即可加入。',
  metTimes: (n) => `出现 ${n} 次`,
  colWord: '词语',
  colMeaning: '释义与例句',
  colPage: '来源',
  colActions: '操作',

  cat_formulas: '数字式提法与口号',
  cat_party: '党的组织与纪律',
  cat_reform: '机构改革与行政',
  cat_economy: '经济与产业',
  cat_rural: '农业农村',
  cat_regional: '区域战略',
  cat_welfare: '民生保障',
  cat_governance: '社会治理与执法',
  cat_environment: '生态环境',
  cat_local: '地方项目',

  display: '显示',
  pinyinStyle: '拼音样式',
  styleMarks: '声调符号（zhōng）',
  styleNumbers: '数字声调（zhong1）',
  styleZhuyin: '注音符号（ㄓㄨㄥ）',
  toneColors: '按声调着色',
  uiLanguage: '界面语言',
  langAuto: '跟随浏览器',
  highlightStyle: '术语标记样式',
  underline: '下划线',
  background: '底色',
  hoverNeedsAlt: '仅在按住 Alt 键时显示释义卡片',
  reset: '恢复默认',
  sites: '网站规则',
  noSites: '尚无网站规则。在弹出窗口中为某网站关闭读报后，会在此列出。',
  rule: '规则',
  ruleDefault: '默认（开启）',
  ruleAlways: '始终开启',
  ruleNever: '从不开启',
  addNever: '不在此网站运行：',
  add: '添加',
  shortcuts: '快捷键',
  scNext: '下一个 / 上一个术语（打开释义卡片）',
  scPinyin: '显示 / 隐藏拼音',
  scSidebar: '打开 / 关闭摘要侧栏',
  scEsc: '关闭卡片或侧栏',
  scSaveListen: '卡片打开时：将词语加入生词本 / 朗读',
  ffShortcuts: '管理扩展快捷键',
};

/** Both tables, for tests. */
export const STRINGS: Readonly<Record<'zh' | 'en', Strings>> = { zh, en };

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

/** The arguments a string takes: none for a plain string, else its function's. */
export type StringArgs<K extends StringKey> = Strings[K] extends (...a: infer A) => string ? A : [];

/** The interface string `key` in the interface language. */
export function t<K extends StringKey>(key: K, ...args: StringArgs<K>): string {
  const s = STRINGS[uiLanguage()][key];
  return typeof s === 'function' ? (s as (...a: unknown[]) => string)(...args) : (s as string);
}

type CategoryKey = Extract<StringKey, `cat_${string}`>;

/** The name of a glossary category in the interface language; an unknown category keeps its id. */
export function categoryName(category: string): string {
  const key = `cat_${category}`;
  return Object.hasOwn(en, key) ? t(key as CategoryKey) : category;
}
