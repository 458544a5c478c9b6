import type { EntityRole, EntityType, Sentence } from '../../document/index.js'
import { lexiconFor } from '../../language/index.js'
import { FINITE_SPEECH_VERBS } from '../quotes/cues.js'
import { hasNameTag, isCommonWord, isFunctionWord } from './cues.js'
import { localId, type Found } from './found.js'
import { recordId, type GazetteerMatch, type GazetteerMatcher } from './matcher.js'
import { HONORIFICS, matchTitle, PAST_MARKERS, type TitleMatch } from './titles.js'
import { decideUse, type UseSpot } from './use.js'
import { scanWords, type Word } from './words.js'

/** Last words that make a capitalised name an organisation's. */
const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  'ministry', 'institute', 'corporation', 'corp', 'agency', 'university', 'council', 'committee', 'club', 'organisation',
  'organization', 'party', 'bank', 'times', 'post', 'center', 'centre', 'foundation', 'association', 'company', 'group',
  'commission', 'department', 'office', 'army', 'navy', 'service', 'services', 'fund', 'forum', 'union', 'alliance',
  'inc', 'ltd', 'news', 'journal', 'herald', 'tribune', 'gazette', 'press', 'network', 'assembly', 'parliament', 'court',
])

/** Lower-case nouns after a name that make it an organisation's ("Kommersant newspaper"). */
const ORG_NOUNS: ReadonlySet<string> = new Set(['newspaper', 'daily', 'agency', 'company', 'channel', 'broadcaster', 'magazine', 'outlet', 'firm', 'group', 'party', 'network', 'website'])

/** Nouns after (or before "of") an organisation or place that make an event ("the SCO summit"). */
const EVENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['summit', 'summit'], ['meeting', 'meeting'], ['forum', 'meeting'], ['conference', 'meeting'], ['session', 'meeting'], ['event', 'meeting'], ['congress', 'meeting'],
])

/** Words inside a name that stay lower-case ("Power of Siberia", "Charles de Gaulle"). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'de', 'del', 'da', 'du', 'la', 'le', 'al', 'bin', 'von', 'van', 'and'])

const FIRST_NAME_TAGS = ['MaleName', 'FemaleName', 'FirstName'] as const
const PLACE_TAGS = ['City', 'Place', 'Region', 'Country'] as const
const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f']])
/** In a title-case line (a headline) most words are capitalised; above this share, only names count. */
const TITLE_CASE_SHARE = 0.6
/** Shortest line (in words) judged title-case by its share of capitals. */
const TITLE_CASE_MIN_WORDS = 4
const SENTENCE_END = /[.!?]["”’)]*\s*$/

/** One thing found in a sentence: a gazetteer name, a title, or an unknown name, as words [from, to). */
type Spot =
  | { readonly type: 'gazetteer'; readonly from: number; readonly to: number; readonly match: GazetteerMatch; found?: Found }
  | { readonly type: 'title'; readonly from: number; readonly to: number; readonly match: TitleMatch }
  | { readonly type: 'name'; readonly from: number; readonly to: number; found?: Found }

/**
 * Every entity mention a sentence states by itself: gazetteer names, unknown names typed by rule,
 * roles before names, role nouns ("the foreign minister") and pronouns, still unresolved.
 *
 * @example
 * readSentence(source, sentence, 3, gazetteerMatcher()) // [Found 'Russian' (attribute), Found 'Sergey Lavrov' with a role]
 */
export function readSentence(source: string, sentence: Sentence, index: number, matcher: GazetteerMatcher): Found[] {
  const capitalisedNouns = lexiconFor(matcher.language)?.capitalisedNouns === true
  const words = scanWords(source, sentence.span)
  const spots = findSpots(words, matcher)
  findNames(words, spots, sentence.kind === 'heading' || isTitleCase(source, sentence, words))
  spots.sort((a, b) => a.from - b.from)
  const found: Found[] = []
  const dropped = new Set<Found>()
  const make = (from: number, to: number, fields: Omit<Found, 'span' | 'sentence' | 'word' | 'surface' | 'roles'> & { roles?: EntityRole[] }): Found => {
    const f: Found = { span: { start: words[from]!.start, end: words[to - 1]!.end }, sentence: index, word: from, surface: source.slice(words[from]!.start, words[to - 1]!.end), roles: [], ...fields }
    found.push(f)
    return f
  }
  const uses = useSpots(spots)
  spots.forEach((spot, k) => {
    if (spot.type === 'gazetteer') spot.found = makeGazetteerMention(words, uses, k, spot, make)
    else if (spot.type === 'name') spot.found = makeNameMention(words, spots, k, capitalisedNouns ? nameInNounRun(words, spot) : spot, make, dropped)
  })
  spots.forEach((spot, k) => {
    if (spot.type === 'title') readTitle(source, words, spots, k, spot, index, found)
  })
  findEvents(source, words, spots, index, found)
  words.forEach((w, i) => {
    const gender = PERSON_PRONOUNS.get(w.key)
    if (gender !== undefined) make(i, i + 1, { kind: 'pronoun', id: null, type: 'person', known: false, pronoun: gender })
  })
  return dropped.size > 0 ? found.filter((f) => !dropped.has(f)) : found
}

/** Gazetteer names (longest first) and titles, left to right. */
function findSpots(words: readonly Word[], matcher: GazetteerMatcher): Spot[] {
  const spots: Spot[] = []
  for (let i = 0; i < words.length;) {
    const g = matcher.matchAt(words, i)
    if (g) {
      spots.push({ type: 'gazetteer', from: g.from, to: g.to, match: g })
      i = g.to
      continue
    }
    const t = matchTitle(words, i)
    if (t) {
      spots.push({ type: 'title', from: t.from, to: t.to, match: t })
      i = t.to
      continue
    }
    i++
  }
  return spots
}

/** A line without final punctuation whose words are mostly capitalised: a headline set in prose. */
function isTitleCase(source: string, sentence: Sentence, words: readonly Word[]): boolean {
  if (words.length < TITLE_CASE_MIN_WORDS || SENTENCE_END.test(source.slice(sentence.span.start, sentence.span.end))) return false
  return words.filter((w) => w.capitalized).length / words.length > TITLE_CASE_SHARE
}

/** Capitalised runs outside the gazetteer's names and the titles. */
function findNames(words: readonly Word[], spots: Spot[], titleCase: boolean): void {
  const covered = new Uint8Array(words.length)
  for (const s of spots) covered.fill(1, s.from, s.to)
  const eligible = (i: number, first: boolean): boolean => {
    const w = words[i]!
    if (covered[i] || !w.capitalized || HONORIFICS.has(w.key)) return false
    if (first && isFunctionWord(w.key)) return false
    if ((titleCase || (first && startsSentence(words, i))) && isCommonWord(w.key)) return false
    return true
  }
  for (let i = 0; i < words.length; i++) {
    if (!eligible(i, true)) continue
    let j = i + 1
    while (j < words.length && !words[j - 1]!.possessive && words[j]!.spaced) {
      if (eligible(j, false)) j++
      else if (NAME_CONNECTORS.has(words[j]!.key) && !words[j]!.capitalized && j + 1 < words.length && words[j + 1]!.spaced && eligible(j + 1, false)) j += 2
      else break
    }
    spots.push({ type: 'name', from: i, to: j })
    i = j - 1
  }
}

function startsSentence(words: readonly Word[], i: number): boolean {
  return i === 0 || (!words[i]!.spaced && !words[i]!.hyphenated)
}

/** The sentence's spots as `decideUse` reads them. */
function useSpots(spots: readonly Spot[]): UseSpot[] {
  return spots.map((s) => ({ from: s.from, to: s.to, hit: s.type === 'gazetteer' ? s.match.hit : undefined }))
}

type Make = (from: number, to: number, fields: Omit<Found, 'span' | 'sentence' | 'word' | 'surface' | 'roles'> & { roles?: EntityRole[] }) => Found

function makeGazetteerMention(words: readonly Word[], uses: readonly UseSpot[], k: number, spot: Spot & { type: 'gazetteer' }, make: Make): Found {
  const { match } = spot
  const hit = match.hit
  const from = match.takesArticle && spot.from > 0 && words[spot.from - 1]!.key === 'the' ? spot.from - 1 : spot.from
  switch (hit.kind) {
    case 'person': {
      const single = spot.to - spot.from === 1 && hit.person.name.split(/\s+/).length > 1
      return make(from, spot.to, { kind: single ? 'partial-name' : 'name', id: recordId(hit), type: 'person', canonical: hit.person.name, known: true })
    }
    case 'org':
      return make(from, spot.to, { kind: hit.acronym ? 'acronym' : 'name', id: recordId(hit), type: 'organization', canonical: hit.org.name, known: true, ...(hit.org.country ? { country: hit.org.country } : {}) })
    case 'treaty':
      return make(from, spot.to, { kind: hit.acronym ? 'acronym' : 'name', id: recordId(hit), type: 'treaty', canonical: hit.treaty.name, known: true })
    default: {
      const { use, kind } = decideUse(words, uses, k)
      const country = hit.country
      if (use === 'place' && hit.kind !== 'country') {
        // A capital is one place in every language: "Pekín" and "Пекином" are the place Beijing.
        const capital = hit.kind === 'capital' && country.capital !== null ? country.capital : undefined
        const id = localId('place', capital ?? words.slice(spot.from, spot.to).map((w) => w.text).join(' '))
        return make(from, spot.to, { kind: 'name', use, id, type: 'place', ...(capital === undefined ? {} : { canonical: capital }), known: true, country: country.alpha2 })
      }
      return make(from, spot.to, { kind, ...(use ? { use } : {}), id: recordId(hit), type: 'country', canonical: country.name, known: true, country: country.alpha2 })
    }
  }
}

/**
 * In a language that capitalises its nouns (German), a run of capitalised words may be a noun and
 * then a name: "Elternvertreterin Miriam Holz". When a first name stands inside the run with a
 * word after it, the name starts there; the noun before it is no part of it.
 */
function nameInNounRun(words: readonly Word[], spot: Spot & { type: 'name' }): Spot & { type: 'name' } {
  if (hasNameTag(words[spot.from]!.key, FIRST_NAME_TAGS)) return spot
  for (let i = spot.from + 1; i < spot.to - 1; i++) {
    if (hasNameTag(words[i]!.key, FIRST_NAME_TAGS)) return { ...spot, from: i }
  }
  return spot
}

function makeNameMention(words: readonly Word[], spots: readonly Spot[], k: number, spot: Spot & { type: 'name' }, make: Make, dropped: Set<Found>): Found | undefined {
  let from = spot.from
  const first = words[from]!
  const last = words[spot.to - 1]!
  const before = spots[k - 1]
  const after = words[spot.to]
  const adjacentBefore = before !== undefined && before.to === from && first.spaced
  const honorific = from > 0 && HONORIFICS.has(words[from - 1]!.key) && (first.spaced || words[from - 1]!.key.length <= 4)
  const length = spot.to - spot.from
  let type: EntityType | null = null
  let country: string | undefined
  if (ORG_SUFFIXES.has(last.key)) {
    type = 'organization'
    // "China National Petroleum Corporation": a country name before an organisation's name is part of it.
    if (adjacentBefore && before.type === 'gazetteer' && before.match.hit.kind === 'country' && !words[before.to - 1]!.possessive) {
      from = before.from
      country = before.match.hit.country.alpha2
      if (before.found) dropped.add(before.found)
      before.found = undefined
    }
  } else if ((adjacentBefore && before.type === 'title') || honorific) type = 'person'
  else if (length >= 2 && hasNameTag(first.key, FIRST_NAME_TAGS)) type = 'person'
  else if (after !== undefined && !after.capitalized && ORG_NOUNS.has(after.key)) type = 'organization'
  // A bare name before a verb of saying is a speaker ("Okonkwo responded").
  else if (after !== undefined && !after.capitalized && FINITE_SPEECH_VERBS.has(after.key) && words.slice(spot.from, spot.to).every((w) => !isCommonWord(w.key))) type = 'person'
  else if (length === 1 && hasNameTag(first.key, PLACE_TAGS)) type = 'place'
  else if (length === 1 && hasNameTag(first.key, ['Organization'])) type = 'organization'
  const surface = words.slice(from, spot.to).map((w) => w.text).join(' ')
  // A lone word typed a person ("Okonkwo added") may still be the surname of a full name given elsewhere.
  if (type === 'person' && length === 1) return make(from, spot.to, { kind: 'partial-name', id: null, type, known: false })
  if (type !== null) return make(from, spot.to, { kind: 'name', id: type === 'person' ? null : localId(type, surface), type, known: false, ...(country ? { country } : {}) })
  if (length === 1 && !isCommonWord(first.key)) return make(from, spot.to, { kind: 'partial-name', id: null, type: 'person', known: false, pending: true })
  return undefined
}

/** A title before a person's name is that person's role; after "the" (or a country) it stands for a person. */
function readTitle(source: string, words: readonly Word[], spots: readonly Spot[], k: number, spot: Spot & { type: 'title' }, sentence: number, found: Found[]): void {
  const next = spots[k + 1]
  const { title } = spot.match
  let from = spot.from
  let country: string | undefined
  let organization: string | undefined
  let past: string | undefined
  // Qualifiers to the left: a country ("Russian", "U.S.", "Russia's"), an organisation, a metonym ("Kremlin").
  for (let q = k - 1; q >= 0; q--) {
    const s = spots[q]!
    if (s.to !== from || !(words[from]!.spaced || words[from]!.hyphenated) || s.type !== 'gazetteer') break
    const hit = s.match.hit
    if (hit.kind === 'org') {
      organization ??= recordId(hit)
      country ??= hit.org.country ?? undefined
    } else if (hit.kind === 'country' || hit.kind === 'metonym' || hit.kind === 'capital') country ??= hit.country.alpha2
    else break
    if (s.found && s.found.type === 'country') s.found.use = 'attribute'
    from = s.from
  }
  if (from > 0 && PAST_MARKERS.has(words[from - 1]!.key)) {
    past = words[from - 1]!.key
    from--
  }
  const span = { start: words[from]!.start, end: words[spot.to - 1]!.end }
  const person = next && next.from === spot.to && words[next.from]!.spaced && next.type !== 'title' ? next.found : undefined
  if (person && person.type === 'person' && !person.pronoun) {
    person.roles.push(makeRole(past === 'former' || past === 'ex' ? `former ${title.title}` : title.title, span, country, organization))
    return
  }
  const appositive = appositiveOwner(words, from, found, sentence)
  if (appositive) {
    const after = qualifierAfter(spots, k, words)
    appositive.roles.push(makeRole(title.title, { start: span.start, end: after?.end ?? span.end }, country ?? after?.country, organization ?? after?.organization))
    return
  }
  const article = from > 0 && words[from - 1]!.key === 'the'
  const possessor = from < spot.from && words[from]!.possessive
  if (!article && !possessor) return
  if (past !== undefined) return
  const after = qualifierAfter(spots, k, words)
  if (words[spot.to]?.key === 'of' && after === undefined) return
  const start = article ? words[from - 1]!.start : span.start
  const refSpan = { start, end: after?.end ?? span.end }
  found.push({
    span: refSpan, sentence, word: article ? from - 1 : from, kind: 'role', id: null, type: 'person', known: false,
    surface: source.slice(refSpan.start, refSpan.end), roles: [],
    ref: { title, ...(country ?? after?.country ? { country: country ?? after?.country } : {}), ...(organization ?? after?.organization ? { organization: organization ?? after?.organization } : {}) },
  })
}

function makeRole(title: string, span: { start: number; end: number }, country: string | undefined, organization: string | undefined): EntityRole {
  return { title, ...(country ? { country } : {}), ...(organization ? { organization } : {}), basis: 'text', span }
}

/** "Guo Jiakun, a spokesman": the person just before ", a". */
function appositiveOwner(words: readonly Word[], from: number, found: readonly Found[], sentence: number): Found | undefined {
  const article = words[from - 1]
  const name = words[from - 2]
  if (!article || !name || !['a', 'an', 'the'].includes(article.key)) return undefined
  return found.find((f) => f.sentence === sentence && f.type === 'person' && f.span.end === name.end && f.kind !== 'pronoun')
}

/** "the president of France", "a spokesman for the Chinese Foreign Ministry". */
function qualifierAfter(spots: readonly Spot[], k: number, words: readonly Word[]): { end: number; country?: string; organization?: string } | undefined {
  const title = spots[k]!
  const prep = words[title.to]
  if (!prep || !['of', 'for', 'at'].includes(prep.key)) return undefined
  const next = spots[k + 1]
  const gap = words[title.to + 1]?.key === 'the' ? 2 : 1
  if (!next || next.type !== 'gazetteer' || next.from !== title.to + gap) return undefined
  const hit = next.match.hit
  const end = words[next.to - 1]!.end
  if (hit.kind === 'org') return { end, organization: recordId(hit), ...(hit.org.country ? { country: hit.org.country } : {}) }
  if (hit.kind === 'country' || hit.kind === 'metonym' || hit.kind === 'capital') return { end, country: hit.country.alpha2 }
  return undefined
}

/** "the SCO summit", "a meeting of the Valdai Discussion Club": an event named by its organiser or place. */
function findEvents(source: string, words: readonly Word[], spots: readonly Spot[], sentence: number, found: Found[]): void {
  for (const spot of spots) {
    if (spot.type === 'title') continue
    const host = spot.found
    if (!host || (host.type !== 'organization' && host.type !== 'place')) continue
    const name = host.canonical ?? host.surface
    const after = words[spot.to]
    let from = spot.from
    let to = spot.to
    let noun = after && after.spaced ? EVENT_NOUNS.get(after.key) : undefined
    if (noun !== undefined) to = spot.to + 1
    else {
      const the = words[from - 1]?.key === 'the' ? 1 : 0
      const of = words[from - 1 - the]
      const before = words[from - 2 - the]
      if (of?.key === 'of' && before) {
        noun = EVENT_NOUNS.get(before.key)
        if (noun !== undefined) from = from - 2 - the
      }
    }
    if (noun === undefined) continue
    const span = { start: words[from]!.start, end: words[to - 1]!.end }
    found.push({
      span, sentence, word: from, kind: 'name', id: localId('event', `${name} ${noun}`), type: 'event', known: false,
      surface: source.slice(span.start, span.end), canonical: `${name.replace(/^the\s+/i, '')} ${noun}`, roles: [],
    })
  }
}
