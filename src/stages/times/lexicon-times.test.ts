import { describe, expect, it } from 'vitest'
import { lexiconFor } from '../../language/index.js'
import { findLexiconTimes } from './lexicon-times.js'
import { resolveTime } from './resolve.js'
import type { RawDocument } from '../../document/index.js'
import { processDocument } from '../../pipeline/process.js'

const REF = { date: '2025-10-16', precision: 'day' as const }

/** Each found expression as its words and the day it resolves to against a Thursday, 2025-10-16. */
function read(text: string, lang: string): [string, string | null][] {
  return findLexiconTimes(text, lexiconFor(lang)!).map((f) => [text.slice(f.start, f.end), resolveTime(f.meaning, REF, false).value])
}

describe('dates and day words read from a lexicon', () => {
  it.each([
    ['de', 'Die Gespräche begannen am 3. März 2024 in Genf.', [['3. März 2024', '2024-03-03']]],
    ['de', 'Der Minister reiste am Mittwoch ab und kehrt übermorgen zurück.', [['Mittwoch', '2025-10-15'], ['übermorgen', '2025-10-18']]],
    ['de', 'Letzten Freitag lehnte der Rat den Entwurf ab.', [['Letzten Freitag', '2025-10-10']]],
    ['fr', 'Le sommet s’est tenu le 1er juillet 2023, et mercredi dernier le conseil a voté.', [['1er juillet 2023', '2023-07-01'], ['mercredi dernier', '2025-10-15']]],
    ['es', 'El acuerdo se firmó el 12 de enero de 2022 y ayer fue ratificado.', [['12 de enero de 2022', '2022-01-12'], ['ayer', '2025-10-15']]],
    ['it', 'La riunione di martedì scorso ha rinviato tutto al 5 ottobre.', [['martedì scorso', '2025-10-14'], ['5 ottobre', '2025-10-05']]],
    ['ru', 'Переговоры прошли 21 февраля 2023 года, а в прошлую пятницу стороны встретились снова.', [['21 февраля 2023 года', '2023-02-21'], ['прошлую пятницу', '2025-10-10']]],
    ['pl', 'W środę minister spotkał się z ambasadorem, a 2 maja 2021 r. podpisano umowę.', [['środę', '2025-10-15'], ['2 maja 2021 r.', '2021-05-02']]],
    ['zh', '双方于2024年5月16日签署声明，昨天再次会谈。', [['2024年5月16日', '2024-05-16'], ['昨天', '2025-10-15']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expect.arrayContaining(expected as [string, string][]))
  })

  it('reads a month with its year as a month', () => {
    expect(read('В октябре 2025 года сделка была закрыта.', 'ru')).toEqual([['октябре 2025 года', '2025-10']])
    expect(read('Im September 2024 fiel die Entscheidung.', 'de')).toEqual([['September 2024', '2024-09']])
  })

  it('does not take the morning for tomorrow', () => {
    expect(read('Am Morgen tagte der Ausschuss.', 'de')).toEqual([])
    expect(read('Llegó por la mañana a la capital.', 'es')).toEqual([])
    expect(read('Der Vertrag wird morgen unterzeichnet.', 'de')).toEqual([['morgen', '2025-10-17']])
  })

  it('does not read a weekday inside a longer word', () => {
    expect(read('Die Mittwochsausgabe erschien früh.', 'de')).toEqual([])
    expect(read('Он работал над средой разработки.', 'ru')).toEqual([])
  })
})

describe('a day without a year, outside English: the reading nearer the publication date', () => {
  const timesOf = (text: string, language: string, published: string): [string, string | null][] => {
    const raw: RawDocument = { id: 't', origin: { input: 't', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language, published }, content: { kind: 'text', body: `Titel\n\n${text}` } }
    const doc = processDocument(raw)
    return doc.layers.times!.times.map((t) => [doc.source.slice(t.span.start, t.span.end), t.value])
  }

  it.each([
    ['de', 'Ab dem 10. November lernen die Klassen in Containern.', '2025-11-05', [['10. November', '2025-11-10']]],
    ['de', 'Der Rat hatte am 4. Februar Bedenken geäußert.', '2025-03-13', [['4. Februar', '2025-02-04']]],
    ['ru', 'Ремонт планируют завершить к 1 октября.', '2025-04-23', [['1 октября', '2025-10-01']]],
    ['ru', 'Проект представили 3 ноября.', '2025-04-23', [['3 ноября', '2024-11-03']]],
    ['zh', '7月12日前河水仍可能上涨。', '2025-07-09', [['7月12日', '2025-07-12']]],
  ] as const)('%s: %s (published %s)', (language, text, published, expected) => {
    expect(timesOf(text, language, published)).toEqual(expected)
  })
})
