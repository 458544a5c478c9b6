import type { Sentence } from '../../document/index.js'
import { localId, type Found } from './found.js'
import type { Gazetteer } from './gazetteer/index.js'

interface Name {
  readonly id: string
  readonly type: 'person' | 'country' | 'organization' | 'treaty'
  readonly canonical: string
  readonly country?: string
  readonly adjective: boolean
  /** A capital or a seat of power that stands for its country ("北京", "白宫"). */
  readonly metonym?: 'capital' | 'seat'
  /** For a capital: its English name, the place's name in every language. */
  readonly capital?: string
}

interface Names {
  readonly pattern: RegExp
  readonly byName: ReadonlyMap<string, Name>
}

const cache = new WeakMap<Gazetteer, Map<string, Names | null>>()

function namesOf(gazetteer: Gazetteer, language: string): Names | null {
  let perLanguage = cache.get(gazetteer)
  if (perLanguage === undefined) cache.set(gazetteer, (perLanguage = new Map()))
  const known = perLanguage.get(language)
  if (known !== undefined) return known
  const local = gazetteer.localized(language)
  const byName = new Map<string, Name>()
  if (local !== undefined) {
    const countries = new Map(gazetteer.countries.map((c) => [c.alpha2, c]))
    for (const [code, { names, adjectives, capital, seats }] of Object.entries(local.countries)) {
      const c = countries.get(code)
      if (c === undefined) continue
      const country = { id: `country:${code}`, type: 'country', canonical: c.name, country: code } as const
      for (const n of names) byName.set(n, { ...country, adjective: false })
      for (const a of adjectives) byName.set(a, { ...country, adjective: true })
      for (const n of capital ?? []) byName.set(n, { ...country, adjective: false, metonym: 'capital', ...(c.capital === null ? {} : { capital: c.capital }) })
      for (const n of seats ?? []) byName.set(n, { ...country, adjective: false, metonym: 'seat' })
    }
    const persons = new Map(gazetteer.persons.map((p) => [p.id, p]))
    for (const [id, names] of Object.entries(local.persons)) {
      const p = persons.get(id)
      if (p !== undefined) for (const n of names) byName.set(n, { id: `person:${id}`, type: 'person', canonical: p.name, adjective: false })
    }
    const orgs = new Map(gazetteer.organizations.map((o) => [o.id, o]))
    for (const [id, { names, acronyms }] of Object.entries(local.organizations ?? {})) {
      const o = orgs.get(id)
      if (o !== undefined) for (const n of [...names, ...acronyms]) byName.set(n, { id: `org:${id}`, type: 'organization', canonical: o.name, ...(o.country ? { country: o.country } : {}), adjective: false })
    }
    const treaties = new Map(gazetteer.treaties.map((t) => [t.id, t]))
    for (const [id, { names, acronyms }] of Object.entries(local.treaties ?? {})) {
      const t = treaties.get(id)
      if (t !== undefined) for (const n of [...names, ...acronyms]) byName.set(n, { id: `treaty:${id}`, type: 'treaty', canonical: t.name, adjective: false })
    }
  }
  // A name of one character ("俄" for Russia) is a word only in headlines' shorthand; in running
  // text it is part of longer words too often to match alone.
  const list = [...byName.keys()].filter((n) => [...n].length > 1).sort((a, b) => b.length - a.length)
  const names = list.length === 0 ? null : { pattern: new RegExp(list.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu'), byName }
  perLanguage.set(language, names)
  return names
}

/** Characters before a capital that make it the place: 在 (at, in), 于 (at), 到 (to), 赴 (to, bound for), 抵 (arrive at). */
const PLACE_BEFORE: ReadonlySet<string> = new Set(['在', '于', '到', '赴', '抵'])

/**
 * Gazetteer names in a language written without spaces between words (Chinese): the longest
 * name at each place, by its characters. Names the gazetteer does not know are not found: no
 * rule here tells a name from other words without a segmenter that knows names.
 *
 * @example
 * readUnspaced('拉夫罗夫说，俄罗斯不会结盟。', sentences, gazetteer, 'zh') // Found 拉夫罗夫 (person:sergey-lavrov), 俄罗斯 (country:RU)
 */
export function readUnspaced(source: string, sentences: readonly Sentence[], gazetteer: Gazetteer, language: string): Found[] {
  const names = namesOf(gazetteer, language)
  if (names === null) return []
  const found: Found[] = []
  sentences.forEach((s, index) => {
    names.pattern.lastIndex = s.span.start
    for (let m = names.pattern.exec(source); m !== null && m.index < s.span.end; m = names.pattern.exec(source)) {
      const name = names.byName.get(m[0])!
      const { capital } = name
      if (capital !== undefined && PLACE_BEFORE.has(source[m.index - 1] ?? '')) {
        // "在北京" (in Beijing): the city, one place in every language.
        found.push({
          span: { start: m.index, end: m.index + m[0].length }, sentence: index, word: m.index - s.span.start,
          kind: 'name', use: 'place', id: localId('place', capital), type: 'place', surface: m[0], canonical: capital, known: true, country: name.country!, roles: [],
        })
        continue
      }
      found.push({
        span: { start: m.index, end: m.index + m[0].length },
        sentence: index,
        word: m.index - s.span.start,
        kind: name.metonym === undefined ? 'name' : 'metonym',
        // A seat of power stands for the government; whether a capital is the place or the
        // government, no rule here can tell without a parse.
        ...(name.adjective ? { use: 'attribute' as const } : name.metonym === 'seat' ? { use: 'government' as const } : {}),
        id: name.id,
        type: name.type,
        surface: m[0],
        canonical: name.canonical,
        known: true,
        ...(name.country !== undefined ? { country: name.country } : {}),
        roles: [],
      })
    }
  })
  return found
}
