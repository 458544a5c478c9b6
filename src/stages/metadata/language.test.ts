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

  it.each([
    ['zh', '港务局表示，从春季起，新的费用将由船主支付，这不是一项税。'],
    ['ja', '港湾局は、春から新しい料金を船の所有者が支払うと述べた。'],
    ['ko', '항만청은 봄부터 새 요금을 선주가 낸다고 밝혔다.'],
    ['ar', 'قال مجلس الميناء إن الرسوم الجديدة سيدفعها أصحاب القوارب.'],
    ['el', 'Το λιμενικό συμβούλιο είπε ότι τα νέα τέλη θα πληρώνονται από τους ιδιοκτήτες.'],
  ])('language: tells %s by its script, in one sentence', (lang, text) => {
    expect(detectLanguage(text)).toMatchObject({ value: lang, basis: 'text:script' })
  })

  it('language: a Latin name in Chinese text, or a Chinese name in English text, does not decide', () => {
    expect(detectLanguage('APEC峰会周三在北京开幕，美国总统拜登和中国国家主席习近平出席。')?.value).toBe('zh')
    expect(detectLanguage('The talks in 北京 ended on Wednesday, and the ministers said that they would meet again in the spring.')?.value).toBe('en')
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
