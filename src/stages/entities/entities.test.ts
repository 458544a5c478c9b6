import { describe, expect, it } from 'vitest'
import type { DateValue, Document, EntitiesLayer, Mention, Sentence } from '../../document/index.js'
import { entities } from './index.js'
import { mentionsIn, personMentionBefore } from './lookup.js'

/** A document of our own words, split after ". " unless a capital stands before the dot ("U.S."). */
function docOf(text: string, published?: DateValue): Document {
  const sentences: Sentence[] = []
  const breaks = /(?<=[\p{Ll}\d][.!?]["”]?|[.!?]["”])\s+/gu
  let start = 0
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    sentences.push({ span: { start, end: m.index }, block: 0, kind: 'paragraph' })
    start = m.index + m[0].length
  }
  sentences.push({ span: { start, end: text.length }, block: 0, kind: 'paragraph' })
  return {
    id: 'snippet',
    origin: { input: 'snippet', blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    source: text,
    layers: {
      sentences: { sentences },
      metadata: { authors: [], ...(published ? { published: { value: published, basis: 'test', confidence: 1 } } : {}) },
    },
    messages: [],
  }
}

function layerOf(text: string, published?: DateValue): EntitiesLayer {
  return entities.run(docOf(text, published), {}).entities!
}

/** The mention whose text is exactly `words` (the first such). */
function mentionOf(text: string, layer: EntitiesLayer, words: string, nth = 0): Mention | undefined {
  return layer.mentions.filter((m) => text.slice(m.span.start, m.span.end) === words)[nth]
}

const OCT_2025: DateValue = { date: '2025-10-16', precision: 'day' }

describe('entities: gazetteer names', () => {
  it.each([
    ['The talks with Sergei Lavrov ended early.', 'Sergei Lavrov', 'person:sergey-lavrov', 'name'],
    ['Analysts at SIPRI count the warheads.', 'SIPRI', 'org:sipri', 'acronym'],
    ['Both sides discussed New START again.', 'New START', 'treaty:new-start', 'acronym'],
    ['Delegates met at the Shanghai Cooperation Organisation office.', 'Shanghai Cooperation Organisation', 'org:sco', 'name'],
    ['A reporter for Kommersant asked twice.', 'Kommersant', 'org:kommersant', 'name'],
    ['Figures from the Chinese Ministry of Commerce were cited.', 'Chinese Ministry of Commerce', 'org:cn-mofcom', 'name'],
    ['Trade with Russia grew.', 'Russia', 'country:RU', 'name'],
  ])('entities: finds %j as %s', (text, words, id, kind) => {
    const m = mentionOf(text, layerOf(text), words)
    expect(m?.entity).toBe(id)
    expect(m?.kind).toBe(kind)
  })

  it.each([
    ['Tell us what you think.', 'us'],
    ['They asked who would pay.', 'who'],
  ])('entities: a lower-case word is not an acronym (%j)', (text, word) => {
    expect(mentionOf(text, layerOf(text), word)).toBeUndefined()
  })

  it('entities: the longest name wins over a name inside it', () => {
    const text = 'The Chinese Foreign Ministry issued a note.'
    const layer = layerOf(text)
    expect(mentionOf(text, layer, 'Chinese Foreign Ministry')?.entity).toBe('org:cn-mfa')
    expect(mentionOf(text, layer, 'Chinese')).toBeUndefined()
  })
})

describe('entities: place or government', () => {
  it.each([
    ['Moscow will never join such a bloc.', 'Moscow', 'country:RU', 'government'],
    ['Moscow and Beijing have signed a pact.', 'Beijing', 'country:CN', 'government'],
    ['Moscow and Beijing say the pact holds.', 'Beijing', 'country:CN', 'government'],
    ['Chinese state media covered it.', 'Chinese', 'country:CN', 'attribute'],
    ['Beijing’s reply came quickly.', 'Beijing', 'country:CN', 'government'],
    ['The Kremlin declined to comment.', 'The Kremlin', 'country:RU', 'government'],
    ['Trade talks with Washington stalled.', 'Washington', 'country:US', 'government'],
    ['The ministers held a meeting in Beijing.', 'Beijing', 'place:~beijing', 'place'],
    ['She grew up in Moscow.', 'Moscow', 'place:~moscow', 'place'],
    ['A Russian diplomat spoke first.', 'Russian', 'country:RU', 'attribute'],
    ['The Chinese have said little.', 'Chinese', 'country:CN', 'government'],
  ])('entities: %j gives %s the use %s', (text, words, id, use) => {
    const m = mentionOf(text, layerOf(text), words)
    expect(m?.entity).toBe(id)
    expect(m?.use).toBe(use)
  })
})

describe('entities: names not in the gazetteer', () => {
  it.each([
    ['Economist Mr Tomas Halvorsen disagreed.', 'Tomas Halvorsen', 'person:~tomas-halvorsen'],
    ['Nadia Okonkwo said the plan would fail.', 'Nadia Okonkwo', 'person:~nadia-okonkwo'],
    ['The Brightwater Institute published the study.', 'Brightwater Institute', 'org:~brightwater-institute'],
    ['The Veltrano Club met on Monday.', 'Veltrano Club', 'org:~veltrano-club'],
    ['Her story ran in the Dunmore newspaper.', 'Dunmore', 'org:~dunmore'],
    ['Brannigan conceded the point.', 'Brannigan', 'person:~brannigan'],
    ['Brannigan reiterated the offer.', 'Brannigan', 'person:~brannigan'],
  ])('entities: %j names %s', (text, words, id) => {
    expect(mentionOf(text, layerOf(text), words)?.entity).toBe(id)
  })

  it.each([
    ['However, the talks went on.', 'However'],
    ['When asked, nobody answered.', 'When'],
    ['In September the vote was held.', 'In September'],
  ])('entities: a capitalised word opening a sentence is no name (%j)', (text, words) => {
    const layer = layerOf(text)
    expect(layer.mentions.some((m) => text.slice(m.span.start, m.span.end).startsWith(words.split(' ')[0]!))).toBe(false)
  })

  it('entities: a surname joins the full name given earlier', () => {
    const text = 'Nadia Okonkwo said the plan would fail. Okonkwo added a caveat.'
    const layer = layerOf(text)
    const m = mentionOf(text, layer, 'Okonkwo', 0)
    expect(m?.entity).toBe('person:~nadia-okonkwo')
    expect(m?.kind).toBe('partial-name')
  })
})

describe('entities: roles', () => {
  it.each([
    ['Russian Foreign Minister Sergey Lavrov spoke.', 'person:sergey-lavrov', 'foreign minister', 'RU', undefined, 'Russian Foreign Minister'],
    ['Chinese Foreign Ministry spokesman Guo Jiakun spoke.', 'person:guo-jiakun', 'spokesman', 'CN', 'org:cn-mfa', 'Chinese Foreign Ministry spokesman'],
    ['The plan went to then-U.S. President Donald Trump.', 'person:donald-trump', 'president', 'US', undefined, 'then-U.S. President'],
    ['Guo Jiakun, a spokesman for the Chinese Foreign Ministry, spoke.', 'person:guo-jiakun', 'spokesman', 'CN', 'org:cn-mfa', 'spokesman for the Chinese Foreign Ministry'],
  ])('entities: %j gives a text role', (text, id, title, country, organization, words) => {
    const e = layerOf(text).entities.find((x) => x.id === id)!
    const role = e.roles.find((r) => r.basis === 'text')!
    expect(role).toMatchObject({ title, country, ...(organization ? { organization } : {}) })
    expect(text.slice(role.span!.start, role.span!.end)).toBe(words)
  })

  it.each([
    [OCT_2025, [{ title: 'minister of foreign affairs', country: 'RU', basis: 'gazetteer' }]],
    [{ date: '2001-03-01', precision: 'day' } as DateValue, []],
  ])('entities: the gazetteer adds the office held on the article date (%j)', (date, roles) => {
    const e = layerOf('Sergey Lavrov spoke.', date).entities.find((x) => x.id === 'person:sergey-lavrov')!
    expect(e.roles.filter((r) => r.title === 'minister of foreign affairs')).toEqual(roles)
  })
})

describe('entities: role nouns', () => {
  it.each([
    ['Russian Foreign Minister Sergey Lavrov arrived. The talks were long, the foreign minister said.', 'the foreign minister', 'person:sergey-lavrov', undefined],
    ['Officials met on Monday. The Russian president was not there.', 'The Russian president', 'person:vladimir-putin', OCT_2025],
    ['Officials met on Monday. The Kremlin leader was not there.', 'The Kremlin leader', 'person:vladimir-putin', OCT_2025],
    ['Joe Biden named a team. The president-elect spoke.', 'The president-elect', 'person:joe-biden', { date: '2020-11', precision: 'month' } as DateValue],
    // The general title for the one foreign minister the text names.
    ['Russian Foreign Minister Sergey Lavrov arrived. “It is unthinkable,” the minister added.', 'the minister', 'person:sergey-lavrov', undefined],
  ])('entities: %j resolves %j', (text, words, id, date) => {
    const m = mentionOf(text, layerOf(text, date), words)
    expect(m?.entity).toBe(id)
    expect(m?.kind).toBe('role')
  })

  it('entities: a role noun two people hold stays unresolved', () => {
    const text = 'French President Emmanuel Macron met Russian President Vladimir Putin. The president said little.'
    expect(mentionOf(text, layerOf(text, OCT_2025), 'The president')).toBeUndefined()
    const ministers = 'Foreign Minister Sergey Lavrov met Defense Minister Andrei Belousov. The minister said little.'
    expect(mentionOf(ministers, layerOf(ministers), 'The minister')).toBeUndefined()
  })

  it('entities: a deputy is no kind of the title it qualifies', () => {
    const text = 'Deputy Foreign Minister Sergei Ryabkov arrived. The minister said little.'
    expect(mentionOf(text, layerOf(text), 'The minister')).toBeUndefined()
  })
})

describe('entities: pronouns', () => {
  it.each([
    ['Sergey Lavrov spoke first. He said no more.', 'He', 'person:sergey-lavrov'],
    ['Sergey Lavrov gave an interview. “It is unthinkable.” He added nothing.', 'He', 'person:sergey-lavrov'],
    ['Sergey Lavrov met Wang Yi. Later he left.', 'he', 'person:sergey-lavrov'],
  ])('entities: %j resolves %j', (text, words, id) => {
    const m = mentionOf(text, layerOf(text), words)
    expect(m?.entity).toBe(id)
    expect(m?.kind).toBe('pronoun')
  })

  it.each([
    ['Talks went on. Nobody came. He left.', 'He'],
    ['The envoy from Oslo met Sergey Lavrov and Wang Yi. Later he left.', 'he'],
    ['We will see, I think.', 'I'],
  ])('entities: %j leaves %j unresolved', (text, words) => {
    expect(mentionOf(text, layerOf(text), words)).toBeUndefined()
  })
})

describe('entities: across documents and the lookup helpers', () => {
  it('entities: two spellings in two documents give one id', () => {
    const a = layerOf('Sergey Lavrov spoke.').entities.map((e) => e.id)
    const b = layerOf('Sergei Lavrov spoke.').entities.map((e) => e.id)
    expect(a).toEqual(['person:sergey-lavrov'])
    expect(b).toEqual(a)
  })

  it('entities: personMentionBefore gives the last person named before an offset', () => {
    const text = 'Sergey Lavrov met the press in Moscow. “No,” he said.'
    const layer = layerOf(text)
    const offset = text.indexOf('“')
    expect(text.slice(personMentionBefore(layer, offset)!.span.start, personMentionBefore(layer, offset)!.span.end)).toBe('Sergey Lavrov')
    expect(mentionsIn(layer, { start: offset, end: text.length }).map((m) => m.kind)).toEqual(['pronoun'])
  })

  it('entities: an event is named by its organiser', () => {
    const text = 'At a meeting of the Valdai Discussion Club, questions were asked.'
    const e = layerOf(text).entities.find((x) => x.type === 'event')
    expect(e?.name).toBe('Valdai Discussion Club meeting')
  })
})
