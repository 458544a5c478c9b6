import { describe, expect, it } from 'vitest'
import type { Document, RawDocument } from '../../document/index.js'
import { processDocument } from '../../pipeline/process.js'
import { sentenceLanguages } from './block-language.js'

function read(body: string, language: string): Document {
  const raw: RawDocument = { id: 'm', origin: { input: 'mixed.txt', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language, published: '2025-10-16' }, content: { kind: 'text', body } }
  return processDocument(raw)
}

const english = 'Moscow rejected the idea on Monday. The foreign minister spoke at length to reporters about the talks, and officials said that the plan would cost $5 billion in all.'
const russian = '«Россия ни с кем не будет объединяться против кого-либо, тем более против Китая», — заявил в среду Сергей Лавров журналистам в Москве. Расходы составят 6,5 млрд рублей, сообщил министр.'

describe('a page that mixes languages is read paragraph by paragraph (issue 14 §5)', () => {
  it('sentenceLanguages: a long paragraph plainly in another language Dossier reads is in that language; the rest in the document\'s', () => {
    const doc = read(`Talks in Moscow\n\n${english}\n\n${russian}`, 'en')
    const sentences = doc.layers.sentences!.sentences.map((s) => doc.source.slice(s.span.start, s.span.end))
    const languages = sentenceLanguages(doc)
    expect(sentences.map((s, i) => [s.slice(0, 12), languages[i]])).toEqual([
      ['Moscow rejec', 'en'], ['The foreign ', 'en'], ['«Россия ни с', 'ru'], ['Расходы сост', 'ru'],
    ])
  })

  it('the Russian paragraph of an English report gets its quote, speaker, figure and date by the Russian rules and names; the English ones keep theirs', () => {
    const doc = read(`Talks in Moscow\n\n${english}\n\n${russian}`, 'en')
    expect(doc.layers.times!.times.map((t) => [doc.source.slice(t.span.start, t.span.end), t.value])).toEqual([['Monday', '2025-10-13'], ['среду', '2025-10-15']])
    const quote = doc.layers.quotes!.quotes.find((q) => doc.source.slice(q.span.start, q.span.end).startsWith('Россия'))!
    expect(quote.speaker.entity).toBe('person:sergey-lavrov')
    expect(doc.layers.claims!.claims.map((c) => [c.value, c.unit])).toEqual([[5_000_000_000, 'USD'], [6_500_000_000, 'RUB']])
    expect(doc.layers.quotes!.quotes.map((q) => q.id)).toEqual(doc.layers.quotes!.quotes.map((_, k) => `q${k}`))
  })

  it('sentenceLanguages: a short paragraph, or one in a language Dossier does not read, keeps the document\'s language', () => {
    const doc = read(`Talks\n\n${english}\n\n«Это немыслимо», — сказал он.\n\nDen här texten är skriven på svenska och den handlar om något helt annat än samtalen i Moskva.`, 'en')
    expect(new Set(sentenceLanguages(doc))).toEqual(new Set(['en']))
  })
})
