import { describe, expect, it } from 'vitest'
import type { RawDocument } from '../../document/index.js'
import { processDocument } from '../../pipeline/process.js'

/** The entity ids a text names, in a language, with the surface forms seen. */
function entitiesOf(text: string, language: string): Record<string, string[]> {
  const raw: RawDocument = { id: 'e', origin: { input: 'e', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language }, content: { kind: 'text', body: `Headline\n\n${text}` } }
  const layer = processDocument(raw).layers.entities!
  return Object.fromEntries(layer.entities.filter((e) => e.known).map((e) => [e.id, [...e.aliases].sort()]))
}

describe('entities named in other languages resolve to the same gazetteer ids', () => {
  it('countries and people by their names in each language', () => {
    expect(entitiesOf('Russland und China sprachen am Montag. Wladimir Putin empfing den Gast.', 'de')).toMatchObject({ 'country:RU': ['Russland'], 'country:CN': ['China'], 'person:vladimir-putin': ['Wladimir Putin'] })
    expect(entitiesOf('La Russie et la Chine ont parlé lundi. Vladimir Poutine a reçu son hôte.', 'fr')).toMatchObject({ 'country:RU': ['Russie'], 'country:CN': ['Chine'], 'person:vladimir-putin': ['Vladimir Poutine'] })
    expect(entitiesOf('普京和习近平在北京会晤，俄罗斯与中国签署了声明。', 'zh')).toMatchObject({ 'person:vladimir-putin': ['普京'], 'person:xi-jinping': ['习近平'], 'country:RU': ['俄罗斯'], 'country:CN': ['中国'] })
  })

  it('Russian and Polish names in any grammatical case', () => {
    expect(entitiesOf('Делегация России встретилась с Лавровым, а потом с представителями Китая.', 'ru')).toMatchObject({ 'country:RU': ['России'], 'person:sergey-lavrov': ['Лавровым'], 'country:CN': ['Китая'] })
    expect(entitiesOf('Delegacja Rosji spotkała się z Ławrowem w Chinach.', 'pl')).toMatchObject({ 'country:RU': ['Rosji'], 'person:sergey-lavrov': ['Ławrowem'], 'country:CN': ['Chinach'] })
  })

  it('a name in one language is no name in another: "Maurice" is Mauritius only in French', () => {
    expect(entitiesOf('Maurice Dupont arrived in Paris on Monday.', 'en')['country:MU']).toBeUndefined()
    expect(entitiesOf("L'île Maurice a signé l'accord lundi.", 'fr')['country:MU']).toEqual(['Maurice'])
  })

  it('a Russian short name keeps its letters: США is the United States, not a stem', () => {
    expect(entitiesOf('США и Россия провели переговоры.', 'ru')).toMatchObject({ 'country:US': ['США'], 'country:RU': ['Россия'] })
  })

  it('a name Russian does not decline is matched whole: "Самое" (the most) is not Samoa, and "Перу" stays Peru', () => {
    const found = entitiesOf('Самое читаемое за неделю. Делегация Самоа прибыла в Москву, как и посол Перу.', 'ru')
    expect(found['country:WS']).toEqual(['Самоа'])
    expect(found['country:PE']).toEqual(['Перу'])
    expect(entitiesOf('Делегации Гвинеи и Индии прибыли в Москву.', 'ru')).toMatchObject({ 'country:GN': ['Гвинеи'], 'country:IN': ['Индии'] })
  })

  it('German: a name after a noun in one run of capitals starts at its first name ("Elternvertreterin Miriam Holz")', () => {
    const raw: RawDocument = { id: 'e', origin: { input: 'e', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language: 'de' }, content: { kind: 'text', body: 'Titel\n\nDie Elternvertreterin Miriam Holz zeigte Verständnis für die Entscheidung.' } }
    const people = processDocument(raw).layers.entities!.entities.filter((e) => e.type === 'person').map((e) => [e.id, e.name])
    expect(people).toEqual([['person:~miriam-holz', 'Miriam Holz']])
  })

  it('capitals and seats of power by their names in each language, the capital one place in every language', () => {
    expect(entitiesOf('Nuestras relaciones con Pekín son excelentes, dijo el portavoz del Kremlin.', 'es'))
      .toMatchObject({ 'place:~beijing': ['Pekín'], 'country:RU': ['Kremlin'] })
    expect(entitiesOf('Кремль не ответил на вопросы журналистов в Пекине.', 'ru'))
      .toMatchObject({ 'country:RU': ['Кремль'], 'place:~beijing': ['Пекине'] })
    expect(entitiesOf('Das Weiße Haus und Moskau verhandeln.', 'de'))
      .toMatchObject({ 'country:US': ['Weiße Haus'] })
    expect(Object.keys(entitiesOf('Das Weiße Haus und Moskau verhandeln.', 'de')).some((id) => id === 'country:RU' || id === 'place:~moscow')).toBe(true)
    expect(entitiesOf('白宫和克里姆林宫都没有回应。', 'zh')).toMatchObject({ 'country:US': ['白宫'], 'country:RU': ['克里姆林宫'] })
  })

  it('organisations and treaties by their names and acronyms in each language, in any case', () => {
    expect(entitiesOf('Россия приостанавливает участие в Договоре о мерах по дальнейшему сокращению и ограничению стратегических наступательных вооружений (ДСНВ), сообщил МИД России.', 'ru'))
      .toMatchObject({ 'treaty:new-start': expect.arrayContaining(['ДСНВ']), 'org:ru-mfa': ['МИД России'] })
    expect(entitiesOf('Эксперты МАГАТЭ и представители Международного агентства по атомной энергии прибыли на станцию.', 'ru'))
      .toMatchObject({ 'org:iaea': ['МАГАТЭ', 'Международного агентства по атомной энергии'] })
    expect(entitiesOf('Die Internationale Atomenergiebehörde und der Internationale Währungsfonds legten Berichte vor.', 'de'))
      .toMatchObject({ 'org:iaea': ['Internationale Atomenergiebehörde'], 'org:imf': ['Internationale Währungsfonds'] })
    expect(entitiesOf("L'ONU et la Cour pénale internationale ont réagi au nouveau traité START.", 'fr'))
      .toMatchObject({ 'org:un': ['ONU'], 'org:icc': ['Cour pénale internationale'], 'treaty:new-start': ['nouveau traité START'] })
    expect(entitiesOf('联合国安理会和国际原子能机构讨论了新削减战略武器条约。', 'zh'))
      .toMatchObject({ 'org:unsc': ['联合国安理会'], 'org:iaea': ['国际原子能机构'], 'treaty:new-start': ['新削减战略武器条约'] })
    expect(entitiesOf('Przedstawiciele ONZ i Unii Europejskiej spotkali się w Warszawie.', 'pl'))
      .toMatchObject({ 'org:un': ['ONZ'], 'org:eu': ['Unii Europejskiej'] })
  })

  it('an acronym in another language counts only as written in capitals: "ООН" is the UN, "оон" is nothing', () => {
    expect(entitiesOf('Генсек ООН выступил в среду.', 'ru')['org:un']).toEqual(['ООН'])
    expect(entitiesOf('Слово оон здесь ничего не значит.', 'ru')['org:un']).toBeUndefined()
  })
})
