/**
 * Small lexicons for the summary's people and places. Surnames: the common single-character
 * surnames of the 百家姓 frequency lists (a name is only read after a title, in a byline or in a
 * list after one; function characters that are only rare surnames, 和 但 都 时 …, are left out)
 * and the compound ones. Places: provinces, their capitals and the larger cities, Shandong's prefectures and
 * Jining's counties — names that appear without an administrative suffix (济宁, 山东, 新疆).
 */

export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇湛宾戎勾茅呼揭尉冶束檀衣展阴昝智幸奉植衡富尧闭习',
]);

export const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '夏侯', '长孙', '宇文', '司徒', '端木', '轩辕', '独孤', '南宫', '西门', '呼延', '百里', '东郭', '申屠', '太史', '闻人', '澹台', '公冶', '濮阳', '淳于', '单于', '钟离', '宗政', '仲孙', '万俟']);

/** Provinces and regions, full names and the short forms news uses. */
const PROVINCES = '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门';
/** Provincial capitals and large or often-named cities. */
const CITIES = '石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 大连 青岛 宁波 厦门 深圳 苏州 无锡 温州 佛山 东莞 珠海 唐山 保定 洛阳 徐州 常州 南通 扬州 绍兴 嘉兴 金华 台州 泉州 烟台 潍坊 临沂 淄博 枣庄 东营 威海 日照 德州 聊城 滨州 菏泽 泰安 济宁 博兴 雄安 浦东 滨海';
/** Jining's county-level units, without suffix. */
const JINING = '任城 兖州 曲阜 邹城 微山 鱼台 金乡 嘉祥 汶上 泗水 梁山';
const COUNTRIES = '中国';

export const PLACE_NAMES = new Set([...PROVINCES.split(' '), ...CITIES.split(' '), ...JINING.split(' '), ...COUNTRIES.split(' ')]);

/** Administrative suffixes, longest first. */
export const ADMIN_SUFFIXES = ['自治州', '自治县', '自治区', '特别行政区', '经济开发区', '高新区', '开发区', '新区', '街道', '省', '市', '县', '区', '镇', '乡', '村', '旗', '盟'];
