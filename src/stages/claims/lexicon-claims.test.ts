import { describe, expect, it } from 'vitest'
import type { RawDocument } from '../../document/index.js'
import { processDocument } from '../../pipeline/process.js'

/** The claims a text in a language gives: each as [words, value, unit, comparator]. */
function claimsOf(text: string, language: string): Array<[string, number, string | null, string]> {
  const raw: RawDocument = { id: 'c', origin: { input: 'c', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language, published: '2025-06-01' }, content: { kind: 'text', body: `Schlagzeile\n\n${text}` } }
  const doc = processDocument(raw)
  return (doc.layers.claims?.claims ?? []).map((c) => [doc.source.slice(c.span.start, c.span.end), c.value, c.unit, c.comparator])
}

describe('claims in other languages: numbers in the locale\'s format, scales, units and comparators', () => {
  it.each([
    ['de', 'Der Kreis gibt 2,75 Milliarden Euro aus und stellt rund 3.400 Lehrer ein.', [['2,75 Milliarden Euro', 2_750_000_000, 'EUR', 'eq'], ['3.400 Lehrer', 3400, 'lehrer', 'approx']]],
    ['de', 'Die Preise stiegen um 4,2 Prozent, knapp 90 Mio. Euro mehr.', [['4,2 Prozent', 4.2, 'percent', 'eq'], ['90 Mio. Euro', 90_000_000, 'EUR', 'lt']]],
    ['fr', 'La région versera 1,5 milliard d\'euros à plus de 12 000 agriculteurs.', [['1,5 milliard d\'euros', 1_500_000_000, 'EUR', 'eq'], ['12 000 agriculteurs', 12000, 'agriculteurs', 'gt']]],
    ['es', 'El paro bajó al 11,3 % y se crearon unos 25.000 empleos.', [['11,3 %', 11.3, 'percent', 'eq'], ['25.000 empleos', 25000, 'empleos', 'approx']]],
    ['it', 'Il governo ha stanziato 800 milioni di euro per oltre 40 ospedali.', [['800 milioni di euro', 800_000_000, 'EUR', 'eq'], ['40 ospedali', 40, 'ospedali', 'gt']]],
    ['ru', 'Бюджет составит около 2,4 трлн рублей, а в программе участвуют более 150 предприятий.', [['150 предприятий', 150, 'предприятий', 'gt']]],
    ['ru', 'Проект обойдётся в 4,8 млрд рублей и продлится 30 месяцев.', [['4,8 млрд рублей', 4_800_000_000, 'RUB', 'eq'], ['30 месяцев', 30, 'month', 'eq']]],
    ['pl', 'Gmina wyda 12,4 mln zł na 35 nowych mieszkań.', [['12,4 mln zł', 12_400_000, 'PLN', 'eq'], ['35 nowych mieszkań', 35, 'mieszkań', 'eq']]],
    ['zh', '该省今年投资约3.2万亿元，新建学校超过120所，共有1.8万名教师。', [['3.2万亿元', 3.2e12, 'CNY', 'approx'], ['1.8万名教师', 18000, '教师', 'eq']]],
  ] as const)('claims (%s): %s', (language, text, expected) => {
    const found = claimsOf(text, language)
    for (const e of expected) expect(found).toContainEqual(e)
  })

  it('claims: a number word counts before a scale, a currency or a time span, and is no figure alone', () => {
    expect(claimsOf('Der Bau dauerte drei Jahre und kostete zwei Millionen Euro.', 'de')).toEqual([['drei Jahre', 3, 'year', 'eq'], ['zwei Millionen Euro', 2_000_000, 'EUR', 'eq']])
    expect(claimsOf('Drei Minister kamen nach Bonn.', 'de')).toEqual([])
  })

  it('claims: a year, a date and a line number are no figures', () => {
    expect(claimsOf('Die Linie 7 fährt seit 2019 wieder, zuletzt am 3. März 2025.', 'de')).toEqual([])
    expect(claimsOf('该线路于2019年开通。', 'zh')).toEqual([])
  })

  it('claims: the source a figure is given by, after the language\'s according-to phrase', () => {
    const raw: RawDocument = { id: 's', origin: { input: 's', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language: 'de', published: '2025-06-01' }, content: { kind: 'text', body: 'Titel\n\nLaut dem Statistikamt stieg die Zahl der Pendler um 6 Prozent.' } }
    const doc = processDocument(raw)
    const [claim] = doc.layers.claims!.claims
    expect(doc.source.slice(claim!.source!.span.start, claim!.source!.span.end)).toBe('dem Statistikamt')
    const zh: RawDocument = { ...raw, hints: { language: 'zh', published: '2025-06-01' }, content: { kind: 'text', body: '标题\n\n据市统计局统计，全市人口增长了3%。' } }
    const zhDoc = processDocument(zh)
    const [zhClaim] = zhDoc.layers.claims!.claims
    expect(zhDoc.source.slice(zhClaim!.source!.span.start, zhClaim!.source!.span.end)).toBe('市统计局')
  })
})
