import { describe, expect, it } from 'vitest'
import type { RawDocument } from '../../document/index.js'
import { processDocument } from '../../pipeline/process.js'

/** The quotes of a text in a language (under a headline: a text page's first line is its title), each as [quoted words, speaker words, entity]. */
function quotesOf(text: string, language: string): [string, string | null, string | null][] {
  const raw: RawDocument = { id: 'q', origin: { input: 'q', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language }, content: { kind: 'text', body: `Headline\n\n${text}` } }
  const doc = processDocument(raw)
  return (doc.layers.quotes?.quotes ?? []).map((q) => [
    doc.source.slice(q.span.start, q.span.end),
    q.speaker.span === null ? null : doc.source.slice(q.speaker.span.start, q.speaker.span.end),
    q.speaker.entity,
  ])
}

describe('direct quotes and their speakers in other languages', () => {
  it('German: „…“ with the speaker before, after, by "so" and by a pronoun (the person it stands for)', () => {
    const text = 'Der Bürgermeister Jonas Feldkamp sagte am Montag: „Die Brücke wird bis zum Sommer repariert.“ ' +
      '„Wir haben genug Geld dafür“, fügte er hinzu. „Die Arbeiten laufen nach Plan“, so Feldkamp.'
    expect(quotesOf(text, 'de').map((q) => [q[0], q[1]])).toEqual([
      ['Die Brücke wird bis zum Sommer repariert.', 'Der Bürgermeister Jonas Feldkamp'],
      // The pronoun stands for the person named before: the name itself, an entity now that a
      // German run of capitals starts its name at the first name.
      ['Wir haben genug Geld dafür', 'Jonas Feldkamp'],
      ['Die Arbeiten laufen nach Plan', 'Feldkamp'],
    ])
  })

  it('German: the verb before its subject, and »…« marks', () => {
    const text = 'Am Dienstag erklärte Ministerin Petra Lindqvist: »Das Gesetz kommt noch in diesem Jahr.«'
    expect(quotesOf(text, 'de').map((q) => [q[0], q[1]])).toEqual([['Das Gesetz kommt noch in diesem Jahr.', 'Ministerin Petra Lindqvist']])
  })

  it('French: « … » with an inverted verb, a time before the subject, and "a-t-il" (the person it stands for)', () => {
    const text = '« Le port rouvrira la semaine prochaine », a déclaré jeudi le maire de la ville, Paul Arnaud. « Les quais sont prêts », a-t-il ajouté.'
    const found = quotesOf(text, 'fr')
    expect(found.map((q) => q[0])).toEqual(['Le port rouvrira la semaine prochaine', 'Les quais sont prêts'])
    expect(found[0]![1]).toContain('Paul Arnaud')
    expect(found[1]![1]).toBe('Paul Arnaud')
  })

  it('Spanish and Italian: «…» with the verb after the quote', () => {
    expect(quotesOf('«No habrá nuevos impuestos este año», dijo la ministra Clara Ibáñez.', 'es').map((q) => [q[0], q[1]])).toEqual([
      ['No habrá nuevos impuestos este año', 'la ministra Clara Ibáñez'],
    ])
    expect(quotesOf('«La linea ferroviaria sarà pronta a giugno», ha detto il sindaco Marco Bellini.', 'it').map((q) => [q[0], q[1]])).toEqual([
      ['La linea ferroviaria sarà pronta a giugno', 'il sindaco Marco Bellini'],
    ])
  })

  it('Spanish and Italian: a speech verb with no subject after the quote is the person named last before it, not the speaker quoted before', () => {
    const text = '«No hay heridos», explicó el jefe de bomberos, Raúl Castaño. La alcaldesa, Marta Quiroga, pidió prudencia. «Todavía quedan puntos calientes», advirtió.'
    expect(quotesOf(text, 'es').map((q) => [q[0], q[1]])).toEqual([
      ['No hay heridos', 'Raúl Castaño'],
      ['Todavía quedan puntos calientes', 'Marta Quiroga'],
    ])
  })

  it('Russian and Polish: the dialogue dash after the quote, and a colon before it', () => {
    expect(quotesOf('«Мост откроют до конца года», — сказал губернатор Игорь Соколов. Мэр ответил: «Денег хватит на всё».', 'ru').map((q) => [q[0], q[1]])).toEqual([
      ['Мост откроют до конца года', 'губернатор Игорь Соколов'],
      ['Денег хватит на всё', 'Мэр'],
    ])
    expect(quotesOf('„Szkoła zostanie otwarta we wrześniu” – powiedział burmistrz Adam Nowicki.', 'pl').map((q) => [q[0], q[1]])).toEqual([
      ['Szkoła zostanie otwarta we wrześniu', 'burmistrz Adam Nowicki'],
    ])
  })

  it('Chinese: the speaker from the clause start to the speech verb', () => {
    expect(quotesOf('市长李明表示：“新桥将在年底前通车。”', 'zh').map((q) => [q[0], q[1]])).toEqual([['新桥将在年底前通车。', '市长李明']])
  })

  it('a role after the quote refers back to the person named; a role before a quote is a speaker of its own', () => {
    const text = 'Bundeskanzler Friedrich Merz besuchte am Montag die Grenze. „Die Lage ist ruhig“, sagte der Kanzler. Der Landrat erklärte: „Wir brauchen mehr Personal.“'
    expect(quotesOf(text, 'de')).toEqual([
      ['Die Lage ist ruhig', 'Friedrich Merz', 'person:friedrich-merz'],
      ['Wir brauchen mehr Personal.', 'Der Landrat', null],
    ])
  })

  it('a short term in marks with no speech verb is no quote', () => {
    expect(quotesOf('Die sogenannte „Zeitenwende“ prägte die Debatte.', 'de')).toEqual([])
  })

  it('resolves a known person to the gazetteer in any language and case', () => {
    expect(quotesOf('„Wir verhandeln weiter“, sagte Lawrow am Freitag.', 'de')[0]![2]).toBe('person:sergey-lavrov')
    expect(quotesOf('«Переговоры продолжатся», — заявил Лавров.', 'ru')[0]![2]).toBe('person:sergey-lavrov')
    expect(quotesOf('„Rozmowy będą kontynuowane” – powiedział Ławrow.', 'pl')[0]![2]).toBe('person:sergey-lavrov')
    expect(quotesOf('« Nous poursuivrons le dialogue », a affirmé Sergueï Lavrov.', 'fr')[0]![2]).toBe('person:sergey-lavrov')
    expect(quotesOf('拉夫罗夫表示：“谈判将继续。”', 'zh')[0]![2]).toBe('person:sergey-lavrov')
  })
})
