import { hasNameTag } from './cues.js'
import type { Found } from './found.js'
import { nameWords } from './words.js'

/**
 * How far back a pronoun looks for its person: its own sentence, then earlier sentences up to the
 * first that names anyone. A quotation split into sentences ("…against China. It is unthinkable.”")
 * leaves a sentence without a name between a speaker and "he added", hence more than one.
 */
const PRONOUN_LOOKBACK_SENTENCES = 2
/** A person named within this many words of a sentence's start is taken as its subject. */
const SUBJECT_MAX_WORD = 4

/**
 * Resolves he/she/his/her to a person when the text leaves one choice: the only compatible person
 * named in the window, or the subject of the previous sentence when no other person intervenes
 * in the pronoun's own sentence. Anything less clear stays unresolved (the pronoun is dropped).
 *
 * @example
 * resolvePronouns(found) // "…,” he added." → the Sergey Lavrov named in the sentence before
 */
export function resolvePronouns(found: Found[], genders: ReadonlyMap<string, 'm' | 'f'>): Found[] {
  // People and resolved pronouns by sentence: a pronoun looks at three sentences, not the whole
  // document (which made a long article quadratic).
  const people = bySentence(found.filter((f) => f.type === 'person' && f.id !== null && f.kind !== 'pronoun'))
  const resolved = new Map<number, Found[]>()
  const inSentence = (sentence: number): Found[] => [...(people.get(sentence) ?? []), ...(resolved.get(sentence) ?? [])]
  const kept: Found[] = []
  for (const f of found) {
    if (f.kind !== 'pronoun') {
      kept.push(f)
      continue
    }
    const fits = (p: Found) => {
      const g = genders.get(p.id!)
      return g === undefined || g === f.pronoun
    }
    const same = inSentence(f.sentence).filter((p) => p.span.end <= f.span.start && fits(p))
    let window = same
    let subject: Found | undefined
    for (let back = 1; window.length === 0 && back <= PRONOUN_LOOKBACK_SENTENCES; back++) {
      window = inSentence(f.sentence - back).filter(fits)
      subject = window.filter((p) => p.word < SUBJECT_MAX_WORD).sort((a, b) => a.span.start - b.span.start)[0]
    }
    const ids = new Set(window.map((p) => p.id))
    const id = ids.size === 1 ? [...ids][0]! : same.length === 0 && subject ? subject.id : null
    if (id === null) continue
    f.id = id
    kept.push(f)
    const list = resolved.get(f.sentence)
    if (list) list.push(f)
    else resolved.set(f.sentence, [f])
  }
  return kept
}

function bySentence(found: readonly Found[]): Map<number, Found[]> {
  const out = new Map<number, Found[]>()
  for (const f of found) {
    const list = out.get(f.sentence)
    if (list) list.push(f)
    else out.set(f.sentence, [f])
  }
  return out
}

/**
 * Gender evidence per person id, from the first word of its name (the lexicon's male and female
 * first names). Persons without it fit either pronoun.
 */
export function genderOf(name: string): 'm' | 'f' | undefined {
  const first = nameWords(name)[0]
  if (first === undefined) return undefined
  const male = hasNameTag(first.key, ['MaleName'])
  const female = hasNameTag(first.key, ['FemaleName'])
  return male && !female ? 'm' : female && !male ? 'f' : undefined
}
