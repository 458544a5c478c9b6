import { describe, expect, it } from 'vitest'
import { chooseLanguage, detectLanguage, normaliseLanguageTag } from './language.js'

describe('detectLanguage', () => {
  it.each([
    ['en', 'The harbour board said that the new fees will be paid by the owners of the boats from the spring, and that it was not a tax.'],
    ['de', 'Der Hafenrat hat gesagt, dass die neuen Gebühren von den Eigentümern der Boote ab dem Frühjahr gezahlt werden und es sich nicht um eine Steuer handelt.'],
    ['fr', 'Le conseil du port a dit que les nouveaux frais seront payés par les propriétaires des bateaux dès le printemps, et que ce n’est pas une taxe.'],
    ['es', 'La junta del puerto dijo que las nuevas tarifas serán pagadas por los dueños de los barcos desde la primavera y que no es un impuesto.'],
    ['it', 'Il consiglio del porto ha detto che le nuove tariffe saranno pagate dai proprietari delle barche dalla primavera e che non è una tassa.'],
    ['nl', 'Het havenbestuur heeft gezegd dat de nieuwe tarieven vanaf het voorjaar door de eigenaars van de boten worden betaald en dat het geen belasting is.'],
    ['ru', 'Совет порта заявил, что новые сборы будут платить владельцы лодок с весны, и что это не налог, а только плата за место.'],
  ])('language: detects %s', (lang, text) => {
    expect(detectLanguage(text)?.value).toBe(lang)
  })

  it('language: says nothing on too little text', () => {
    expect(detectLanguage('Harbour fees')).toBeUndefined()
  })
})

describe('normaliseLanguageTag', () => {
  it.each([
    ['de-DE', 'de'],
    ['en_US', 'en'],
    ['FR', 'fr'],
    ['not a tag', undefined],
  ])('language: normalises %s to %s', (tag, expected) => {
    expect(normaliseLanguageTag(tag)).toBe(expected)
  })
})

describe('chooseLanguage', () => {
  const german = 'Der Hafenrat hat gesagt, dass die neuen Gebühren von den Eigentümern der Boote ab dem Frühjahr gezahlt werden und es sich nicht um eine Steuer handelt.'

  it('language: a declaration the text agrees with wins, with its basis', () => {
    expect(chooseLanguage([{ field: 'language', value: 'de-AT', basis: 'html[lang]' }], undefined, german)).toMatchObject({ value: 'de', basis: 'html[lang]' })
  })

  it('language: the text overrules a template declaration it contradicts', () => {
    expect(chooseLanguage([{ field: 'language', value: 'en', basis: 'html[lang]' }], undefined, german)).toMatchObject({ value: 'de', basis: 'text:stop-words' })
  })

  it('language: uses the container hint when the page declares nothing', () => {
    expect(chooseLanguage([], 'fr-FR', '')).toMatchObject({ value: 'fr', basis: 'hint:language' })
  })
})
