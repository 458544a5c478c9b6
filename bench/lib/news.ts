import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nlp from 'compromise/two'
import { mulberry32 } from './random.js'

/**
 * A generated news corpus with the structure of real coverage, for benches that need a large store
 * built by the real pipeline: many events, each reported by 1–10 outlets over a few days, each event
 * with its own people, place and vocabulary, a tenth of the reports wire copies of another outlet's
 * text, and some events follow-ups of an earlier one between the same two people (threads).
 * Written as JSON Lines (url, title, published, authors, text), as a scraper's dump would be.
 */
export interface NewsCorpus {
  readonly files: number
  readonly articles: number
  readonly events: number
  readonly bytes: number
  /** Search queries a reader would type, drawn from the events: a distinctive word, a person's name, a phrase. */
  readonly queries: { readonly word: string[]; readonly name: string[]; readonly phrase: string[] }
}

/** Articles per JSON Lines file: small enough that files spread over the worker threads. */
const ARTICLES_PER_FILE = 40
/** Reports per event: 1–10 outlets, most events covered by few (weights for 1, 2, … 10). */
const REPORT_WEIGHTS = [30, 22, 14, 10, 7, 5, 4, 3, 3, 2]
/** Share of reports that are another outlet's text under new furniture (wire copies). */
const COPY_SHARE = 0.1
/** Share of events that follow up an earlier one between the same two people. */
const FOLLOW_UP_SHARE = 0.25
/** Days over which one event's reports appear. */
const REPORT_SPREAD_DAYS = 4
/** Events per day on average, so that `n` articles spread over years, not weeks. */
const EVENTS_PER_DAY = 12
const QUERIES_PER_KIND = 40
/** Share of background sentences written from templates; the rest are the event's own words. */
const TEMPLATE_SHARE = 0.3
/** Share of the words of a background sentence drawn from the event's words, the rest from the general vocabulary. */
const EVENT_WORD_SHARE = 0.6

/** Writes `articles` generated articles under `dir` (seeded: the same arguments give the same corpus). */
export function generateNews(dir: string, articles: number, seed = 5): NewsCorpus {
  const rng = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T
  const weighted = (weights: readonly number[]): number => {
    let r = rng() * weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i
    return weights.length - 1
  }
  const coined = (): string => {
    const w = Array.from({ length: 2 + Math.floor(rng() * 2) }, () => pick(SYLLABLES)).join('')
    return w[0]!.toUpperCase() + w.slice(1)
  }
  const person = (): { name: string; surname: string; role: string } => {
    const surname = pick(WORDS.surnames)
    return { name: `${pick(WORDS.firstNames)} ${surname}`, surname, role: pick(ROLES) }
  }

  mkdirSync(dir, { recursive: true })
  const queries = { word: [] as string[], name: [] as string[], phrase: [] as string[] }
  const sagas: Array<{ a: ReturnType<typeof person>; b: ReturnType<typeof person>; topic: Topic; place: string }> = []
  let lines: string[] = []
  let files = 0
  let made = 0
  let events = 0
  let bytes = 0
  const flush = (): void => {
    if (lines.length === 0) return
    const data = `${lines.join('\n')}\n`
    writeFileSync(join(dir, `news-${String(files).padStart(5, '0')}.jsonl`), data)
    bytes += Buffer.byteLength(data)
    files++
    lines = []
  }
  let day = Date.UTC(2019, 0, 1)
  while (made < articles) {
    if (rng() < 1 / EVENTS_PER_DAY) day += 86_400_000
    events++
    const followUp = sagas.length > 0 && rng() < FOLLOW_UP_SHARE
    const saga = followUp ? pick(sagas) : { a: person(), b: person(), topic: pick(TOPICS), place: `${coined()}` }
    if (!followUp && rng() < 0.3) sagas.push(saga)
    const { a, b, topic, place } = saga
    const country = pick(COUNTRIES)
    const project = `${coined()} ${pick(topic.things)}`
    const figure = 100 + Math.floor(rng() * 9_900)
    const unit = pick(topic.units)
    const weekday = WEEKDAYS[new Date(day).getUTCDay()]!
    // Each event has its own words, as real events have their own subject matter.
    const lex: Lexicon = {
      nouns: Array.from({ length: 12 }, () => pick(WORDS.nouns)),
      plurals: Array.from({ length: 8 }, () => pick(WORDS.plurals)),
      adjectives: Array.from({ length: 8 }, () => pick(WORDS.adjectives)),
      verbs: Array.from({ length: 6 }, () => pick(WORDS.verbs)),
    }
    // Quotes are the event's own words: no run of five words is shared with another event's quote.
    const quote = `${cap(pick(lex.adjectives))} ${pick(lex.plurals)} will not stop the ${project}, and the ${pick(lex.nouns)} ${pick(lex.plurals)} know it`
    const reply = `The ${pick(lex.nouns)} was ${pick(lex.adjectives)}, the ${pick(lex.plurals)} were ${pick(lex.adjectives)}, and ${place} ${pick(lex.plurals)} paid`
    if (events % 7 === 0 && queries.word.length < QUERIES_PER_KIND) queries.word.push(project.split(' ')[0]!)
    if (events % 7 === 3 && queries.name.length < QUERIES_PER_KIND) queries.name.push(`"${a.name}"`)
    if (events % 7 === 5 && queries.phrase.length < QUERIES_PER_KIND) queries.phrase.push(`"${project.toLowerCase()}"`)

    const reports = 1 + weighted(REPORT_WEIGHTS)
    const texts: Array<{ title: string; text: string }> = []
    for (let r = 0; r < reports && made < articles; r++) {
      const outlet = pick(OUTLETS)
      const published = new Date(day + Math.floor(rng() * REPORT_SPREAD_DAYS) * 86_400_000).toISOString().slice(0, 10)
      let title: string
      let text: string
      if (texts.length > 0 && rng() < COPY_SHARE) {
        // A wire copy: another outlet's words under this outlet's furniture.
        ;({ title, text } = pick(texts))
        text = `${text}\n\n${pick(FURNITURE)} ${outlet.name}.`
      } else {
        title = `${a.name} ${pick(topic.verbs)} ${project} ${pick(HEADLINE_TAILS)}`
        const sentences = [
          `${a.role[0]!.toUpperCase()}${a.role.slice(1)} ${a.name} ${pick(topic.verbs)} the ${project} in ${place} on ${weekday}, ${pick(REASONS)}.`,
          `The ${project} ${pick(topic.facts)} ${figure.toLocaleString('en-US')} ${unit}, according to figures from ${country}.`,
          `“${quote},” ${a.surname} said.`,
          `${b.name}, the ${b.role}, ${pick(REACTIONS)} ${pick(topic.things)} ${pick(CONTEXTS)}.`,
          `“${reply},” ${b.surname} told reporters in ${place}.`,
          ...Array.from({ length: 14 + Math.floor(rng() * 12) }, () =>
            rng() < TEMPLATE_SHARE ? filler(pick, lex, project, place, country, a.surname, b.surname, topic) : prose(rng, pick, lex, project, place, rng() < 0.5 ? a.surname : b.surname)),
        ]
        // Outlets tell the same facts in their own order and with their own background.
        const body = [sentences.slice(0, 3), sentences.slice(3, 5), ...chunk(shuffle(sentences.slice(5), rng), 3)]
        text = body.map((p) => p.join(' ')).join('\n\n')
        texts.push({ title, text })
      }
      lines.push(JSON.stringify({ url: `https://${outlet.host}/${published.replace(/-/g, '/')}/${slug(title)}-${made}`, title, published, authors: [pick(BYLINES)], text }))
      made++
      if (lines.length >= ARTICLES_PER_FILE) flush()
    }
  }
  flush()
  return { files, articles: made, events, bytes, queries }
}

type Pick = <T>(xs: readonly T[]) => T

interface Lexicon {
  readonly nouns: readonly string[]
  readonly plurals: readonly string[]
  readonly adjectives: readonly string[]
  readonly verbs: readonly string[]
}

/**
 * A sentence of the event's own words mixed with the general vocabulary: real reports of different
 * events share little beyond function words, which templates alone would not give.
 */
function prose(rng: () => number, pick: Pick, lex: Lexicon, project: string, place: string, surname: string): string {
  const from = <K extends keyof Lexicon>(k: K, general: keyof typeof WORDS): string => (rng() < EVENT_WORD_SHARE ? pick(lex[k]) : pick(WORDS[general]))
  const noun = (): string => from('nouns', 'nouns')
  const plural = (): string => from('plurals', 'plurals')
  const adjective = (): string => from('adjectives', 'adjectives')
  const verb = (): string => from('verbs', 'verbs')
  return pick([
    () => `${cap(adjective())} ${plural()} ${verb()} the ${adjective()} ${noun()} of the ${project} in ${place}.`,
    () => `${surname} ${verb()} ${plural()} and the ${adjective()} ${noun()}, while ${plural()} ${verb()} the ${noun()}.`,
    () => `In ${place}, the ${noun()} ${verb()} ${adjective()} ${plural()} near the ${adjective()} ${noun()}.`,
    () => `The ${adjective()} ${noun()} ${verb()} ${plural()} after the ${project} ${verb()} its ${adjective()} ${plural()}.`,
  ])()
}

function filler(pick: Pick, lex: Lexicon, project: string, place: string, country: string, a: string, b: string, topic: Topic): string {
  const thing = (): string => `${pick(lex.adjectives)} ${pick(lex.nouns)}`
  const things = (): string => `${pick(lex.adjectives)} ${pick(lex.plurals)}`
  return pick([
    () => `The ${thing()} at the heart of the ${project} has drawn ${pick(PRESSURES)}, with ${things()} cited by ${pick(SOURCES)}.`,
    () => `In ${place}, ${things()} and the ${thing()} were at the centre of the dispute ${pick(CONTEXTS)}.`,
    () => `${a} pointed to the ${thing()} and to ${things()} as proof that the ${pick(lex.nouns)} ${pick(CONSEQUENCES_PRESENT)}.`,
    () => `${b} said the ${thing()} showed ${pick(ARGUMENTS)}, and that ${things()} ${pick(CONSEQUENCES_PRESENT)}.`,
    () => `Documents seen by reporters describe the ${thing()} and ${things()} linked to the ${pick(lex.nouns)} in ${place}.`,
    () => `Officials in ${place} said the ${project} had been discussed for ${pick(DURATIONS)} before ${pick(TRIGGERS)}.`,
    () => `${a} has faced ${pick(PRESSURES)} over the ${pick(topic.things)} since ${pick(SINCE)}.`,
    () => `Critics, including ${b}, argue that ${pick(ARGUMENTS)}.`,
    () => `The government of ${country} ${pick(GOVERNMENT_MOVES)} the ${pick(topic.things)} ${pick(CONTEXTS)}.`,
    () => `Analysts said the ${pick(topic.things)} could ${pick(CONSEQUENCES)} ${pick(CONTEXTS)}.`,
    () => `Residents of ${place} ${pick(RESIDENT_VIEWS)}, local media reported.`,
    () => `A vote on the ${project} is expected ${pick(WHEN)}, ${pick(SOURCES)} said.`,
    () => `${b} said ${pick(topic.things)} would remain ${pick(STATES)} until ${pick(CONDITIONS)}.`,
  ])()
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1)
}

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
  }
  return xs
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)
}


interface Topic {
  readonly things: readonly string[]
  readonly verbs: readonly string[]
  readonly facts: readonly string[]
  readonly units: readonly string[]
}

const TOPICS: readonly Topic[] = [
  { things: ['dam', 'reservoir', 'irrigation scheme', 'water pact'], verbs: ['approved', 'halted', 'defended', 'inspected'], facts: ['would supply', 'would divert', 'has cost'], units: ['households', 'million euros', 'hectares'] },
  { things: ['port', 'terminal', 'shipping lane', 'harbour deal'], verbs: ['opened', 'blocked', 'signed', 'criticised'], facts: ['handles', 'would add', 'has lost'], units: ['containers', 'vessels', 'tonnes'] },
  { things: ['strike', 'wage accord', 'pension reform', 'labour code'], verbs: ['rejected', 'endorsed', 'suspended', 'negotiated'], facts: ['affects', 'covers', 'has idled'], units: ['workers', 'teachers', 'nurses'] },
  { things: ['pipeline', 'gas field', 'refinery', 'energy accord'], verbs: ['launched', 'froze', 'expanded', 'questioned'], facts: ['carries', 'would produce', 'has cost'], units: ['barrels a day', 'million dollars', 'kilometres'] },
  { things: ['election', 'ballot', 'recount', 'electoral law'], verbs: ['called', 'contested', 'postponed', 'certified'], facts: ['involves', 'drew', 'covers'], units: ['voters', 'districts', 'polling stations'] },
  { things: ['vaccine drive', 'hospital', 'clinic network', 'health plan'], verbs: ['expanded', 'announced', 'cut', 'inaugurated'], facts: ['reaches', 'would treat', 'has cost'], units: ['patients', 'children', 'beds'] },
  { things: ['rail link', 'tunnel', 'bridge', 'highway'], verbs: ['unveiled', 'delayed', 'cancelled', 'financed'], facts: ['spans', 'would carry', 'has cost'], units: ['kilometres', 'passengers', 'million pounds'] },
  { things: ['trade pact', 'tariff', 'export ban', 'customs union'], verbs: ['proposed', 'lifted', 'imposed', 'ratified'], facts: ['covers', 'affects', 'is worth'], units: ['companies', 'million dollars', 'tonnes'] },
  { things: ['ceasefire', 'border patrol', 'peace talks', 'troop withdrawal'], verbs: ['brokered', 'violated', 'extended', 'welcomed'], facts: ['involves', 'covers', 'has displaced'], units: ['soldiers', 'civilians', 'villages'] },
  { things: ['flood defences', 'wildfire response', 'drought relief', 'storm fund'], verbs: ['funded', 'reviewed', 'expanded', 'blamed'], facts: ['protects', 'has reached', 'has cost'], units: ['homes', 'families', 'hectares'] },
]
const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'tas', 'vu', 'dor', 'pel', 'sik', 'ran', 'tou', 'bex', 'gal', 'hin', 'zor', 'qua', 'fen', 'wil', 'jut', 'cim', 'bra', 'ost', 'vel', 'mar']
const ROLES = ['the finance minister', 'the mayor', 'the regional governor', 'the union leader', 'the opposition leader', 'the health minister', 'the transport secretary', 'the energy minister', 'the defence minister', 'the trade commissioner', 'the chief executive', 'the party chairman']
const COUNTRIES = ['France', 'Brazil', 'Kenya', 'Japan', 'Poland', 'Canada', 'Egypt', 'India', 'Mexico', 'Norway', 'Turkey', 'Chile', 'Vietnam', 'Nigeria', 'Spain', 'Germany', 'Peru', 'Ghana', 'Italy', 'Australia']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const OUTLETS = Array.from({ length: 60 }, (_, i) => {
  const name = `${['Harbour', 'Northern', 'Eastgate', 'Riverside', 'Capital', 'Coastal', 'Valley', 'Metro', 'Highland', 'Union'][i % 10]} ${['Wire', 'Tribune', 'Ledger', 'Dispatch', 'Herald', 'Post'][Math.floor(i / 10)]}`
  return { name, host: `${name.toLowerCase().replace(' ', '')}.example` }
})
const BYLINES = ['Nadia Ferrell', 'Jonah Whitcombe', 'Clara Voss', 'Martin Adeyemi', 'Sofia Lindgren', 'Ravi Chandran', 'Helen Moreau', 'Tom Okonkwo']
const HEADLINE_TAILS = ['amid protests', 'after weeks of talks', 'as costs rise', 'despite objections', 'in surprise move', 'ahead of deadline']
const REASONS = ['citing rising costs', 'after months of negotiation', 'under pressure from lawmakers', 'following a court ruling', 'to the surprise of allies', 'days before a deadline']
const REACTIONS = ['called for a review of the', 'condemned the handling of the', 'questioned the timing of the', 'demanded new safeguards for the']
const CONTEXTS = ['in the coming months', 'before the next budget', 'this year', 'despite earlier promises', 'after the last election']
const DURATIONS = ['two years', 'several months', 'almost a decade', 'three years']
const TRIGGERS = ['talks collapsed in the spring', 'an audit found cost overruns', 'a court ordered a review', 'investors withdrew']
const PRESSURES = ['mounting criticism', 'calls to resign', 'a parliamentary inquiry', 'protests']
const SINCE = ['last year', 'the spring', 'the previous election', 'January']
const ARGUMENTS = ['the costs were understated', 'the plan favours a few companies', 'the consultation was rushed', 'the figures do not add up']
const GOVERNMENT_MOVES = ['has backed', 'has distanced itself from', 'is reviewing', 'has promised funding for']
const CONSEQUENCES = ['strain public finances', 'raise prices', 'create jobs', 'deepen divisions']
const RESIDENT_VIEWS = ['were divided over the plan', 'staged a march in the town centre', 'welcomed the decision', 'said they had not been consulted']
const WHEN = ['next month', 'before the summer recess', 'within weeks', 'later this year']
const SOURCES = ['a parliamentary official', 'two people familiar with the matter', 'a government spokesperson', 'the committee chair']
const STATES = ['on hold', 'under review', 'a priority', 'in place']
const CONDITIONS = ['an independent audit is published', 'the courts rule', 'funding is secured', 'talks resume']
const CONSEQUENCES_PRESENT = ['was at risk', 'would need more money', 'could not wait', 'had been neglected', 'was working as planned']
/**
 * English nouns and adjectives, first names and surnames from compromise's lexicon (data only, the
 * tagger is not run): thousands of names, so that two events rarely share a person by chance.
 */
const WORDS = ((): { nouns: string[]; plurals: string[]; adjectives: string[]; verbs: string[]; firstNames: string[]; surnames: string[] } => {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | readonly string[]> } }).one.lexicon
  const tagged = (tag: string): string[] => Object.entries(lexicon).filter(([w, t]) => t === tag && /^[a-z]{4,}$/.test(w)).map(([w]) => w)
  const name = (w: string): string => w[0]!.toUpperCase() + w.slice(1)
  return {
    nouns: tagged('Singular'),
    plurals: tagged('Plural'),
    adjectives: tagged('Adjective'),
    verbs: tagged('PastTense'),
    firstNames: [...tagged('MaleName'), ...tagged('FemaleName')].map(name),
    surnames: tagged('LastName').map(name),
  }
})()
const FURNITURE = ['This story was distributed by', 'Republished with permission from', 'Wire copy via']
