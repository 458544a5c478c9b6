import { hasLexicalTag } from '../sentences/index.js'
import { loadGazetteer, type Country, type Gazetteer, type LocalizedBody, type LocalizedNames, type Organization, type Person, type Treaty } from './gazetteer/index.js'
import { INFLECTING, caseStems, nominativeStem } from '../../language/inflection.js'
import { matchTitle } from './titles.js'
import { nameWords, type Word } from './words.js'

/** What a gazetteer name is of the record it names. */
export type GazetteerHit =
  | { readonly kind: 'country'; readonly country: Country; readonly form: CountryForm }
  | { readonly kind: 'capital'; readonly country: Country; readonly metonym: boolean }
  | { readonly kind: 'metonym'; readonly country: Country }
  | { readonly kind: 'org'; readonly org: Organization; readonly acronym: boolean }
  | { readonly kind: 'treaty'; readonly treaty: Treaty; readonly acronym: boolean }
  | { readonly kind: 'person'; readonly person: Person }

/** How a word names its country: the name ("Russia"), an adjective ("Russian"), a demonym ("Russians"). */
export interface CountryForm {
  readonly name: boolean
  readonly adjective: boolean
  readonly demonym: boolean
}

/** A gazetteer name found in running text: words [from, to) of the scanned list. */
export interface GazetteerMatch {
  readonly from: number
  readonly to: number
  readonly hit: GazetteerHit
  /** The name began with "the" in the gazetteer ("the Kremlin"), so a "the" before it belongs to it. */
  readonly takesArticle: boolean
}

interface Entry {
  readonly hit: GazetteerHit
  /** Acronyms and short all-capital names match only in the same case ("US", not "us"). */
  readonly exactCase: string | null
  readonly takesArticle: boolean
  /** A name in a language that writes it in lower case ("russe", "российский"): matched in any case. */
  readonly anyCase?: boolean
}

interface TrieNode {
  readonly next: Map<string, TrieNode>
  entries: Entry[]
}

/** Names of at most this many letters written in capitals are acronyms: "WHO" is not "who". */
const MAX_ACRONYM_LETTERS = 6
const LEADING_THE = /^the\s+/i
/** Lexicon tags that make a lower-case word safe to read as a country name ("china", "russia"). */
const COUNTRY_TAG = 'Country'

/**
 * One token-trie over every gazetteer name, keyed by lower-cased word: the longest name that
 * starts at a word wins. Built once per gazetteer.
 *
 * @example
 * const m = gazetteerMatcher()
 * m.matchAt(scanWords(text, span), 0) // { from: 0, to: 2, hit: { kind: 'person', person: Sergey Lavrov } }
 */
export class GazetteerMatcher {
  private readonly root: TrieNode = { next: new Map(), entries: [] }

  /** A name's word as stored: its key, without a final vowel in a language that inflects names ("Россия" → "росси"). */
  private readonly keyOf: (key: string) => string
  /** The keys a text's word may be stored under: itself, and its stems without a case ending ("России", "Лаврову"). */
  private readonly lookupKeys: (key: string) => readonly string[]

  /**
   * A matcher over the gazetteer's names and, given a language (ISO 639-1), its names in that
   * language too (`localized.json`): "Russland", "Лавров", "Poutine". Names of other languages
   * stay out, so "Maurice" (French for Mauritius) is no country in an English text.
   */
  constructor(readonly gazetteer: Gazetteer, readonly language?: string) {
    const inflecting = language !== undefined && INFLECTING.has(language)
    this.keyOf = inflecting ? nominativeStem : (key) => key
    this.lookupKeys = inflecting ? caseStems : (key) => [key]
    for (const c of gazetteer.countries) this.addCountry(c)
    for (const o of gazetteer.organizations) {
      this.add(o.name, { kind: 'org', org: o, acronym: false })
      for (const a of o.aliases) this.add(a, { kind: 'org', org: o, acronym: false })
      for (const a of o.acronyms) this.add(a, { kind: 'org', org: o, acronym: true })
    }
    for (const t of gazetteer.treaties) {
      this.add(t.name, { kind: 'treaty', treaty: t, acronym: false })
      for (const a of t.aliases) this.add(a, { kind: 'treaty', treaty: t, acronym: t.acronyms.includes(a) })
      for (const a of t.acronyms) this.add(a, { kind: 'treaty', treaty: t, acronym: true })
    }
    // "President Putin" is left to the title reader, which keeps the role.
    for (const p of gazetteer.persons) {
      for (const n of [p.name, ...p.variants]) if (matchTitle(nameWords(n), 0) === undefined) this.add(n, { kind: 'person', person: p })
    }
    const local = language === undefined ? undefined : gazetteer.localized(language)
    if (local !== undefined) this.addLocalized(local)
  }

  private addLocalized(local: LocalizedNames): void {
    const countries = new Map(this.gazetteer.countries.map((c) => [c.alpha2, c]))
    for (const [code, { names, adjectives, capital, seats }] of Object.entries(local.countries)) {
      const country = countries.get(code)
      if (country === undefined) continue
      for (const n of names) this.add(n, { kind: 'country', country, form: { name: true, adjective: false, demonym: false } })
      for (const a of adjectives) this.add(a, { kind: 'country', country, form: { name: false, adjective: true, demonym: false } }, true)
      const metonym = country.capital !== null && country.metonyms.includes(country.capital)
      for (const n of capital ?? []) this.add(n, { kind: 'capital', country, metonym })
      for (const n of seats ?? []) this.add(n, { kind: 'metonym', country })
    }
    const persons = new Map(this.gazetteer.persons.map((p) => [p.id, p]))
    for (const [id, names] of Object.entries(local.persons)) {
      const person = persons.get(id)
      if (person !== undefined) for (const n of names) this.add(n, { kind: 'person', person })
    }
    this.addBodies(this.gazetteer.organizations, local.organizations, (org, acronym) => ({ kind: 'org', org, acronym }))
    this.addBodies(this.gazetteer.treaties, local.treaties, (treaty, acronym) => ({ kind: 'treaty', treaty, acronym }))
  }

  /** Localized names and acronyms of organisations or treaties, by record id. */
  private addBodies<T extends { readonly id: string }>(records: readonly T[], local: Readonly<Record<string, LocalizedBody>> | undefined, hit: (record: T, acronym: boolean) => GazetteerHit): void {
    const byId = new Map(records.map((r) => [r.id, r]))
    for (const [id, { names, acronyms }] of Object.entries(local ?? {})) {
      const record = byId.get(id)
      if (record === undefined) continue
      for (const n of names) this.add(n, hit(record, false), startsLowerCase(n))
      for (const a of acronyms) this.add(a, hit(record, true))
    }
  }

  /** The longest gazetteer name starting at `words[from]`, if any. */
  matchAt(words: readonly Word[], from: number): GazetteerMatch | undefined {
    let node: TrieNode | undefined = this.root
    let best: GazetteerMatch | undefined
    for (let i = from; i < words.length && node !== undefined; i++) {
      const w = words[i]!
      if (i > from && !w.spaced && !w.hyphenated) break
      if (w.possessive) {
        // "Lavrov's": the name may end here; "China's Foreign Ministry": it may go on.
        const end = this.step(node, w.key)
        const hit = end && this.accept(end.entries, words, from, i + 1)
        if (hit) best = hit
        node = node.next.get(`${w.key}'s`)
        continue
      }
      node = this.step(node, w.key)
      const hit = node && this.accept(node.entries, words, from, i + 1)
      if (hit) best = hit
    }
    return best
  }

  private step(node: TrieNode, key: string): TrieNode | undefined {
    for (const k of this.lookupKeys(key)) {
      const next = node.next.get(k)
      if (next !== undefined) return next
    }
    return undefined
  }

  /** The entry that fits the text's case; names shared by several records stay unmatched. */
  private accept(entries: readonly Entry[], words: readonly Word[], from: number, to: number): GazetteerMatch | undefined {
    const first = words[from]!
    const fitting = entries.filter((e) => {
      if (e.exactCase !== null) return words.slice(from, to).map((w) => w.text).join(' ') === e.exactCase
      return first.capitalized || e.anyCase === true || (to - from === 1 && hasLexicalTag(first.key, COUNTRY_TAG) && e.hit.kind === 'country')
    })
    if (fitting.length === 0) return undefined
    const chosen = chooseEntry(fitting)
    return chosen && { from, to, hit: chosen.hit, takesArticle: chosen.takesArticle }
  }

  private addCountry(c: Country): void {
    const forms = new Map<string, { name: boolean; adjective: boolean; demonym: boolean }>()
    const note = (names: readonly string[], field: 'name' | 'adjective' | 'demonym') => {
      for (const n of names) {
        const f = forms.get(n) ?? { name: false, adjective: false, demonym: false }
        f[field] = true
        forms.set(n, f)
      }
    }
    note([c.name, c.officialName, ...c.aliases], 'name')
    note(c.adjectives, 'adjective')
    note(c.demonyms, 'demonym')
    for (const [n, form] of forms) this.add(n, { kind: 'country', country: c, form })
    const metonyms = new Set(c.metonyms)
    if (c.capital !== null && c.sovereign === null) this.add(c.capital, { kind: 'capital', country: c, metonym: metonyms.has(c.capital) })
    for (const m of metonyms) if (m !== c.capital) this.add(m, { kind: 'metonym', country: c })
  }

  private add(name: string, hit: GazetteerHit, anyCase = false): void {
    const takesArticle = LEADING_THE.test(name)
    const bare = name.replace(LEADING_THE, '')
    const words = nameWords(bare)
    if (words.length === 0) return
    let node = this.root
    words.forEach((w, i) => {
      const key = w.possessive && i < words.length - 1 ? `${w.key}'s` : this.keyOf(w.key)
      let child = node.next.get(key)
      if (child === undefined) {
        child = { next: new Map(), entries: [] }
        node.next.set(key, child)
      }
      node = child
    })
    const letters = bare.replace(/[^\p{L}]/gu, '')
    const exactCase = letters.length <= MAX_ACRONYM_LETTERS && letters === letters.toUpperCase() ? words.map((w) => w.text).join(' ') : null
    if (!node.entries.some((e) => sameRecord(e.hit, hit))) node.entries.push({ hit, exactCase, takesArticle, ...(anyCase ? { anyCase } : {}) })
  }
}

/** A localized name written with a small first letter ("nouveau traité START") is matched so in running text. */
function startsLowerCase(name: string): boolean {
  const first = name.charAt(0)
  return first !== first.toUpperCase()
}

/**
 * Several records under one name: a capital and its country's metonym are one ("Moscow"); a
 * person and a country, or two countries ("Congo"), are ambiguous and give nothing.
 */
function chooseEntry(entries: readonly Entry[]): Entry | undefined {
  if (entries.length === 1) return entries[0]
  const ids = new Set(entries.map((e) => recordId(e.hit)))
  if (ids.size === 1) return entries[0]
  const capital = entries.find((e) => e.hit.kind === 'capital')
  if (capital && entries.every((e) => e.hit.kind === 'capital' || e.hit.kind === 'metonym')) return capital
  return undefined
}

function sameRecord(a: GazetteerHit, b: GazetteerHit): boolean {
  return a.kind === b.kind && recordId(a) === recordId(b)
}

/** The global entity id of a gazetteer hit (a capital as a place has its own, see `placeId`). */
export function recordId(hit: GazetteerHit): string {
  switch (hit.kind) {
    case 'country':
    case 'metonym':
    case 'capital':
      return `country:${hit.country.alpha2}`
    case 'org':
      return `org:${hit.org.id}`
    case 'treaty':
      return `treaty:${hit.treaty.id}`
    case 'person':
      return `person:${hit.person.id}`
  }
}

const shared = new Map<string, GazetteerMatcher>()

/**
 * The matcher over the shipped gazetteer for a document's language (its localized names added),
 * built on first use per language.
 */
export function gazetteerMatcher(language?: string): GazetteerMatcher {
  const lang = language === undefined || loadGazetteer().localized(language) === undefined ? '' : language
  let m = shared.get(lang)
  if (m === undefined) shared.set(lang, (m = new GazetteerMatcher(loadGazetteer(), lang === '' ? undefined : lang)))
  return m
}
