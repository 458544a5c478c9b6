import { describe, expect, it } from 'vitest'
import { termCounts } from './similarity.js'
import { languageTermCounts } from './terms.js'

// Sentences in our own words; what is checked is that two reports of one event in one language
// share their terms however each inflects them, and that a name meets its English spelling.
describe('story terms in languages other than English', () => {
  it('terms: German words meet across inflections, and its stop words are dropped', () => {
    const a = languageTermCounts('Die Regierung hat die neuen Gebühren für den Hafen beschlossen.', 'de')
    const b = languageTermCounts('Die Regierungen der Länder beschließen eine Gebühr für Häfen.', 'de')
    const shared = [...a.keys()].filter((t) => b.has(t))
    expect(shared).toEqual(expect.arrayContaining(['regier', 'gebuhr']))
    expect(a.has('die')).toBe(false)
    expect(a.has('für')).toBe(false)
  })

  it('terms: a capitalised name counts whole too, so it meets the English term however the stemmer cuts it', () => {
    const german = languageTermCounts('Präsident Biden traf am Mittwoch den Kanzler.', 'de')
    const english = termCounts('President Biden met the chancellor on Wednesday.')
    expect(german.has('biden')).toBe(true)
    expect(english.has('biden')).toBe(true)
  })

  it('terms: French elisions are cut and accents folded', () => {
    const a = languageTermCounts("L’incendie d’un entrepôt a été maîtrisé dimanche.", 'fr')
    const b = languageTermCounts("Les pompiers ont maitrisé l'incendie de l'entrepôt.", 'fr')
    expect([...a.keys()].filter((t) => b.has(t))).toEqual(expect.arrayContaining(['incend', 'entrepot', 'maitris']))
    expect([...a.keys()].some((t) => t.includes('’'))).toBe(false)
    // An elided lower-case word is no name: it counts once, as its stem.
    expect(languageTermCounts("d’incendie", 'fr')).toEqual(new Map([['incend', 1]]))
  })

  it('terms: Polish, with no stemmer here, is cut to the first six letters', () => {
    const a = languageTermCounts('Policja zatrzymała kierowcę autobusu.', 'pl')
    const b = languageTermCounts('Kierowca autobusu został zatrzymany przez policję.', 'pl')
    expect([...a.keys()].filter((t) => b.has(t))).toEqual(expect.arrayContaining(['policj', 'zatrzy', 'kierow', 'autobu']))
  })

  it('terms: Chinese is cut into words, one-character words and stop words dropped, Latin names kept', () => {
    const counts = languageTermCounts('外交部发言人表示，中方欢迎APEC会谈。', 'zh')
    expect([...counts.keys()]).toEqual(expect.arrayContaining(['外交部', '发言', '欢迎', 'apec']))
    expect([...counts.keys()].every((t) => t.length >= 2)).toBe(true)
  })

  it('terms: English keeps its own path', () => {
    expect(termCounts('Sanctions on Russia; the sanction list grew', 'en')).toEqual(termCounts('Sanctions on Russia; the sanction list grew'))
  })
})
