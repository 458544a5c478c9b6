import type { Lexicon } from './lexicon.js'

/** Chinese (simplified; a few traditional forms where they differ). Months and dates are numeric: "2025年10月15日". */
export const zh: Lexicon = {
  code: 'zh',
  name: 'Chinese',
  months: [['一月', '1月'], ['二月', '2月'], ['三月', '3月'], ['四月', '4月'], ['五月', '5月'], ['六月', '6月'], ['七月', '7月'], ['八月', '8月'], ['九月', '9月'], ['十月', '10月'], ['十一月', '11月'], ['十二月', '12月']],
  weekdays: [
    ['星期日', '星期天', '周日', '週日', '礼拜天'], ['星期一', '周一', '週一'], ['星期二', '周二', '週二'], ['星期三', '周三', '週三'],
    ['星期四', '周四', '週四'], ['星期五', '周五', '週五'], ['星期六', '周六', '週六'],
  ],
  relativeDays: { 前天: -2, 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 },
  shifts: [
    { word: '上', shift: -1, position: 'before' }, { word: '本', shift: 0, position: 'before' },
    { word: '这', shift: 0, position: 'before' }, { word: '下', shift: 1, position: 'before' },
  ],
  dayPrepositions: ['在', '于'],
  speechVerbs: ['说', '表示', '称', '指出', '强调', '透露', '宣布', '回应', '介绍', '坦言', '认为', '說', '稱', '強調'],
  verbParticles: ['在', '时', '时说', '也', '还', '则', '再次'],
  accordingTo: ['据', '根据', '據'],
  accordingToAfter: [],
  pronouns: ['他', '她'],
  quoteMarks: [['“', '”'], ['「', '」'], ['『', '』'], ['‘', '’']],
  dialogueDash: false,
  titles: [
    '市长', '省长', '主任', '局长', '专家', '议员','外长', '外交部长', '总统', '發言人', '发言人', '总理', '主席', '部长', '大使', '总书记'],
  speakerLeads: [],
  negations: ['不', '没有', '没', '未', '绝不', '从不', '非'],
  hedges: ['据称', '可能', '或许', '据报道'],
  numberWords: { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 },
  numberFormat: { decimal: '.', group: [','] },
  dateOrder: 'year-month-day',
  figures: {
    currencies: { 元: 'CNY', 人民币: 'CNY', 美元: 'USD', 欧元: 'EUR', 卢布: 'RUB', 英镑: 'GBP', 日元: 'JPY' },
    percent: ['％'],
    comparators: { gt: ['超过', '逾', '多于', '高于'], lt: ['不到', '不足', '少于', '低于'], approx: ['约', '约为', '大约', '近', '将近'] },
    timeUnits: { 年: 'year', 个月: 'month', 周: 'week', 天: 'day', 小时: 'hour' },
    linkers: [],
    classifiers: ['名', '个', '艘', '辆', '座', '家', '位', '只', '架', '台', '所', '项', '条', '件', '部', '户'],
    units: ['吨', '人', '公里', '公斤', '千米', '平方米', '平方公里', '桶', '亩'],
  },
  unspaced: true,
}
