import { describe, expect, it } from 'vitest'
import { isNegated, joinTranslations, statementScore, type StatementAnchors } from './quote-translations.js'

const anchors = (language: string | undefined, terms: readonly string[], negated = false, speaker: string | null = 'person:~ruth-alder'): StatementAnchors =>
  ({ language, speaker, direct: true, terms: new Set(terms), negated })

describe('quote translations: polarity', () => {
  it.each([
    ['We will not sell it', 'en', true],
    ['We won’t sell it', 'en', true],
    ['We will sell it', 'en', false],
    ['Wir verkaufen an niemanden', 'de', true],
    ["Nous n'avons rien vendu", 'fr', true],
    ['Nous vendons tout', 'fr', false],
    ['Мы никому не продадим', 'ru', true],
    ['我们不会出售', 'zh', true],
    ['我们会出售', 'zh', false],
    ['Satamaa ei myydä', 'fi', false],
  ] as const)('isNegated(%j, %s) is %s', (text, language, negated) => {
    expect(isNegated(text, language)).toBe(negated)
  })
})

describe('quote translations: one statement in two languages', () => {
  it('statementScore: the share of the smaller side\'s names, figures and dates the other holds', () => {
    expect(statementScore(anchors('en', ['country:RU']), anchors('ru', ['country:RU', 'country:CN']))).toBe(1)
    expect(statementScore(anchors('en', ['country:RU', 'country:US']), anchors('de', ['country:RU', 'country:CN']))).toBe(0.5)
  })

  it.each([
    ['the same language (words compare there)', anchors('en', ['country:RU']), anchors('en', ['country:RU'])],
    ['a language unknown', anchors(undefined, ['country:RU']), anchors('ru', ['country:RU'])],
    ['another speaker', anchors('en', ['country:RU']), anchors('ru', ['country:RU'], false, 'person:~someone-else')],
    ['no speaker', anchors('en', ['country:RU'], false, null), anchors('ru', ['country:RU'], false, null)],
    ['one says no', anchors('en', ['country:RU'], true), anchors('ru', ['country:RU'])],
    ['nothing shared', anchors('en', ['country:RU']), anchors('ru', ['country:CN'])],
    ['figures on both sides that differ', anchors('en', ['country:RU', '#40']), anchors('ru', ['country:RU', '#400'])],
    ['too little shared', anchors('en', ['country:RU', 'country:CN', 'country:US']), anchors('ru', ['country:RU', 'country:FR', 'country:DE'])],
  ] as const)('statementScore: 0 for %s', (_why, a, b) => {
    expect(statementScore(a, b)).toBe(0)
  })

  it('joinTranslations: each language joins its best match; a statement holds each language once', () => {
    const groups = [anchors('en', ['country:RU']), anchors('ru', ['country:RU', 'country:CN']), anchors('de', ['country:RU']), anchors('en', ['country:CN'], true)]
    expect(joinTranslations(groups)).toEqual([0, 0, 0, 3])
  })

  it('joinTranslations: two quotes of one language that fit equally well join neither', () => {
    const groups = [anchors('en', ['country:RU']), anchors('de', ['country:RU']), anchors('de', ['country:RU', 'treaty:new-start'])]
    expect(joinTranslations(groups)).toEqual([0, 1, 2])
  })
})
