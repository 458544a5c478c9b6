/**
 * Quotes, speakers and dates in eight languages (issue 14), on the team's own articles with gold
 * annotations (test/fixtures/languages/<lang>.json; see its README). Each article is read twice
 * through the real pipeline: in its own language (the lexicon's rules), and as English (the
 * English rules alone: what Dossier read before it had lexicons), the peer in the same run.
 *
 *   npm run bench:languages
 *
 * A gold quote is found when a direct quote covers at least half of its words' characters and
 * half of the found quote lies inside it; its speaker is right when the speaker's words, or the
 * names of the entity they resolve to, hold the gold speaker's longest word (its last letter
 * left out, so "Лаврова" holds "Лавров"). A gold date is right when a time expression overlaps
 * its words with the same value.
 *
 * Then stories across languages: every article of both splits through the real `analyze`, its
 * stories scored against the articles' gold events (B-cubed precision, recall and F1), beside the
 * peer of one story per article (what joining nothing gives).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyze } from '../src/api/analyze.js'
import type { Document, RawDocument, Span } from '../src/document/index.js'
import { processDocument } from '../src/pipeline/process.js'
import { findClaims } from '../src/stages/claims/index.js'
import { findEntities } from '../src/stages/entities/index.js'
import { findQuotes } from '../src/stages/quotes/index.js'
import { findTimes } from '../src/stages/times/index.js'
import { openStore, type Store } from '../src/store/index.js'
import { articleIdOf, figureArticles, languageArticles, writeLanguageArticles, type LanguageArticle } from '../test/helpers/language-articles.js'
import { printTable, ratio } from './lib/table.js'


type Article = LanguageArticle

interface Score {
  gold: number
  found: number
  matched: number
  foundRight: number
  speakers: number
  speakersRight: number
  dates: number
  datesRight: number
}

const empty = (): Score => ({ gold: 0, found: 0, matched: 0, foundRight: 0, speakers: 0, speakersRight: 0, dates: 0, datesRight: 0 })

/** The same document read by the English rules only: its times, entities and quotes again, as if it were English. */
function asEnglish(doc: Document): Document {
  const metadata = doc.layers.metadata!
  const english: Document = { ...doc, layers: { ...doc.layers, metadata: { ...metadata, language: { value: 'en', basis: 'hint:language', confidence: 1 } } } }
  const entities = findEntities(english, {}, undefined, false)
  const withEntities: Document = { ...english, layers: { ...english.layers, entities, times: findTimes(english, {}, undefined, false) } }
  return { ...withEntities, layers: { ...withEntities.layers, quotes: findQuotes(doc.source, doc.layers.sentences?.sentences ?? [], entities) } }
}

function read(article: Article, language: string): Document {
  const raw: RawDocument = {
    id: article.id,
    origin: { input: `${article.id}.txt`, blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: { language, published: article.published },
    content: { kind: 'text', body: article.text },
  }
  return processDocument(raw)
}

function locate(source: string, text: string, from = 0): Span | null {
  const at = source.indexOf(text, from)
  return at < 0 ? null : { start: at, end: at + text.length }
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

function score(article: Article, doc: Document, into: Score): string[] {
  const errors: string[] = []
  const found = (doc.layers.quotes?.quotes ?? []).filter((q) => q.direct)
  const entities = new Map((doc.layers.entities?.entities ?? []).map((e) => [e.id, e]))
  into.gold += article.quotes.length
  into.found += found.length
  const used = new Set<number>()
  let cursor = 0
  for (const g of article.quotes) {
    const span = locate(doc.source, g.text, cursor)
    if (span === null) throw new Error(`${article.id}: gold quote not in the text: ${g.text}`)
    cursor = span.end
    const k = found.findIndex((q, i) => !used.has(i) && overlap(q.span, span) * 2 >= span.end - span.start && overlap(q.span, span) * 2 >= q.span.end - q.span.start)
    if (k < 0) {
      errors.push(`missed quote: ${g.text}`)
      continue
    }
    used.add(k)
    into.matched++
    if (g.speaker === null) continue
    into.speakers++
    const q = found[k]!
    const said = q.speaker.span === null ? '' : doc.source.slice(q.speaker.span.start, q.speaker.span.end)
    const entity = q.speaker.entity === null ? undefined : entities.get(q.speaker.entity)
    const names = [said, ...(entity ? [entity.name, ...entity.aliases] : [])].map((n) => n.toLowerCase())
    const key = longestWord(g.speaker).toLowerCase()
    const stem = key.length > 4 ? key.slice(0, -1) : key
    if (names.some((n) => n.includes(stem))) into.speakersRight++
    else errors.push(`wrong speaker for "${g.text.slice(0, 40)}": ${said || '(none)'} (gold ${g.speaker})`)
  }
  into.foundRight += used.size
  for (let i = 0; i < found.length; i++) if (!used.has(i)) errors.push(`extra quote: ${doc.source.slice(found[i]!.span.start, found[i]!.span.end).slice(0, 60)}`)
  const times = doc.layers.times?.times ?? []
  cursor = 0
  for (const d of article.dates) {
    into.dates++
    const span = locate(doc.source, d.text, cursor)
    if (span === null) throw new Error(`${article.id}: gold date not in the text: ${d.text}`)
    cursor = span.end
    const hit = times.find((t) => overlap(t.span, span) > 0)
    if (hit?.value === d.value) into.datesRight++
    else errors.push(`date "${d.text}": ${hit ? `${hit.value ?? 'unresolved'}` : 'not found'} (gold ${d.value})`)
  }
  return errors
}

function longestWord(text: string): string {
  return text.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? text
}

const share = (a: number, b: number): number => (b === 0 ? NaN : a / b)

const byLanguage = languageArticles()
const log: string[] = []
for (const split of ['dev', 'held-back'] as const) {
  const rows: (string | number)[][] = []
  for (const { language: lang, articles: all } of byLanguage) {
    const articles = all.filter((a) => a.split === split)
    const own = empty()
    const english = empty()
    for (const a of articles) {
      const doc = read(a, lang)
      for (const e of score(a, doc, own)) log.push(`${a.id} (${split}): ${e}`)
      score(a, asEnglish(doc), english)
    }
    rows.push([
      lang,
      articles.length,
      own.gold,
      share(own.matched, own.gold),
      share(english.matched, english.gold),
      share(own.foundRight, own.found),
      share(own.speakersRight, own.speakers),
      share(english.speakersRight, english.speakers),
      share(own.datesRight, own.dates),
      share(english.datesRight, english.dates),
      lang === 'en' ? '—' : ratio(own.matched + own.speakersRight + own.datesRight, english.matched + english.speakersRight + english.datesRight),
    ])
  }
  printTable(
    `bench:languages — ${split} articles (the team's own, test/fixtures/languages); peer: the same text read with the English rules only`,
    ['language', 'articles', 'gold quotes', 'quote recall', 'peer', 'quote precision', 'speaker right', 'peer', 'dates right', 'peer', 'right answers ÷ peer'],
    rows,
  )
}
benchFigures()
await benchStories()
console.log(`\nGoals (issue 14, on unseen news): direct-quote recall ≥ 0.8 and speaker accuracy ≥ 0.8 in German, French, Spanish and Russian; dates right ≥ 0.9.`)
console.log(`\nErrors (${log.length}):`)
for (const line of log) console.log(`  ${line}`)

/** B-cubed precision and recall of a clustering (item → cluster) against gold (item → class). */
function bcubed(found: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { precision: number; recall: number; f1: number } {
  const members = (m: ReadonlyMap<string, string>): Map<string, string[]> => {
    const out = new Map<string, string[]>()
    for (const [item, group] of m) out.set(group, [...(out.get(group) ?? []), item])
    return out
  }
  const byFound = members(found)
  const byGold = members(gold)
  let precision = 0
  let recall = 0
  for (const [item, group] of found) {
    const mine = byFound.get(group)!
    const truth = new Set(byGold.get(gold.get(item)!)!)
    const both = mine.filter((x) => truth.has(x)).length
    precision += both / mine.length
    recall += both / truth.size
  }
  precision /= found.size
  recall /= found.size
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) }
}

/**
 * Figures in seven languages (test/fixtures/figures): a gold figure is right when a claim overlaps
 * it with the same value (scale applied), unit and comparator; precision counts claims that
 * overlap a gold figure. Peer: the same text read by the English claim rules (what every
 * language got before the lexicon's figure words).
 */
function benchFigures(): void {
  for (const split of ['dev', 'held-back'] as const) {
    const rows: (string | number)[][] = []
    for (const { language, articles: all } of figureArticles()) {
      const articles = all.filter((a) => a.split === split)
      const tally = { gold: 0, right: 0, found: 0, overlapping: 0, peerRight: 0, peerFound: 0 }
      for (const a of articles) {
        const doc = read({ ...a, event: '', quotes: [], dates: [] }, language)
        const english = { ...doc, layers: { ...doc.layers, metadata: { ...doc.layers.metadata!, language: { value: 'en', basis: 'hint:language', confidence: 1 } } } }
        const ours = doc.layers.claims?.claims ?? []
        const peer = findClaims(english, false).claims
        const spans = a.figures.map((g) => locate(doc.source, g.text))
        // Each gold figure's claim (the first overlapping it) and whether it is right.
        const judged = (claims: typeof ours) => a.figures.map((g, k) => {
          const hit = claims.find((c) => spans[k] !== null && overlap(c.span, spans[k]!) > 0)
          return { g, hit, right: hit !== undefined && Math.abs(hit.value - g.value) <= 1e-9 * Math.max(1, g.value) && hit.unit === g.unit && hit.comparator === g.comparator }
        })
        const mine = judged(ours)
        tally.gold += a.figures.length
        tally.right += mine.filter((j) => j.right).length
        tally.peerRight += judged(peer).filter((j) => j.right).length
        tally.found += ours.length
        tally.peerFound += peer.length
        tally.overlapping += ours.filter((c) => spans.some((s) => s !== null && overlap(c.span, s) > 0)).length
        for (const { g, hit, right } of mine) {
          if (!right) log.push(`${a.id} (${split}): figure "${g.text}": ${hit === undefined ? 'not found' : `${hit.value} ${hit.unit ?? '(no unit)'} ${hit.comparator}`} (gold ${g.value} ${g.unit ?? '(no unit)'} ${g.comparator})`)
        }
      }
      rows.push([language, articles.length, tally.gold, share(tally.right, tally.gold), share(tally.overlapping, tally.found), share(tally.peerRight, tally.gold), tally.peerFound])
    }
    printTable(
      `bench:languages — figures, ${split} articles (test/fixtures/figures); peer: the same text read by the English claim rules`,
      ['language', 'articles', 'gold figures', 'right (value, unit, comparator)', 'precision (claims on a gold figure)', 'peer right', 'peer claims'],
      rows,
    )
  }
}

/** Pairs of quotes (in two languages) one statement holds, as `a|b` keys with a < b. */
type Pairs = Set<string>

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

/** `ru-2#0` → `ru`. */
function languageOfKey(key: string): string {
  return key.slice(0, 2)
}

/**
 * Quotes matched to their translation (issue 14 §3): every pair of quotes in two languages the
 * story's facts give as one statement, against the fixtures' `statement` labels; peer: every pair
 * of one speaker's direct quotes in two languages in one story counted as one statement.
 */
async function benchTranslations(store: Store, storyOf: ReadonlyMap<string, string>): Promise<void> {
  const articles = new Map(languageArticles().flatMap(({ articles: list }) => list.map((a) => [a.id, a] as const)))
  const docs = new Map<string, Document>()
  const idOfDoc = new Map<string, string>()
  for (const { id } of await store.listStories({ order: 'recent', limit: 1000 })) {
    for (const a of (await store.getStory(id))!.articles) {
      const article = articleIdOf(a.url)!
      docs.set(article, (await store.getDocument(a.id))!)
      idOfDoc.set(a.id, article)
    }
  }
  // Each gold quote as `<article>#<k>`, with its span in the stored document.
  const goldSpans = new Map<string, Array<{ key: string; span: Span }>>()
  const gold: Pairs = new Set()
  const byStatement = new Map<string, string[]>()
  for (const [id, a] of articles) {
    const doc = docs.get(id)!
    let cursor = 0
    goldSpans.set(id, a.quotes.map((q, k) => {
      const span = locate(doc.source, q.text.replace(/[,.]$/, ''), cursor)
      if (span === null) throw new Error(`${id}: gold quote not in the stored text: ${q.text}`)
      cursor = span.end
      if (q.statement !== undefined) byStatement.set(q.statement, [...(byStatement.get(q.statement) ?? []), `${id}#${k}`])
      return { key: `${id}#${k}`, span }
    }))
  }
  for (const keys of byStatement.values()) {
    for (const a of keys) for (const b of keys) if (a < b && languageOfKey(a) !== languageOfKey(b)) gold.add(pairKey(a, b))
  }
  const goldKeyOf = (article: string, span: Span): string | undefined => goldSpans.get(article)?.find((g) => overlap(g.span, span) > 0)?.key
  const crossPairs = (keys: readonly string[]): string[] =>
    keys.flatMap((a, i) => keys.slice(i + 1).filter((b) => languageOfKey(a) !== languageOfKey(b)).map((b) => pairKey(a, b)))
  const ours: Pairs = new Set()
  const peer: Pairs = new Set()
  for (const story of new Set(storyOf.values())) {
    const check = await store.getStoryCheck(story)
    for (const fact of check?.facts ?? []) {
      if (fact.kind !== 'quote') continue
      const keys = fact.citations.flatMap((c) => goldKeyOf(idOfDoc.get(c.article)!, c.span) ?? [])
      for (const p of crossPairs(keys)) ours.add(p)
    }
    const bySpeaker = new Map<string, string[]>()
    for (const [article, s] of storyOf) {
      if (s !== story) continue
      for (const q of docs.get(article)!.layers.quotes?.quotes ?? []) {
        const key = q.direct && q.speaker.entity !== null ? goldKeyOf(article, q.span) : undefined
        if (key !== undefined) bySpeaker.set(q.speaker.entity!, [...(bySpeaker.get(q.speaker.entity!) ?? []), key])
      }
    }
    for (const keys of bySpeaker.values()) for (const p of crossPairs(keys)) peer.add(p)
  }
  const rows = (['dev', 'held-back'] as const).flatMap((split) => {
    const inSplit = (pair: string): boolean => pair.split('|').every((k) => articles.get(k.split('#')[0]!)!.split === split)
    const scored = (found: Pairs): [number, number, number] => {
      const mine = [...found].filter(inSplit)
      const truth = [...gold].filter(inSplit)
      const right = mine.filter((p) => gold.has(p)).length
      const precision = share(right, mine.length)
      const recall = share(right, truth.length)
      return [mine.length, precision, recall]
    }
    const truth = [...gold].filter(inSplit).length
    return [
      [split, 'Dossier', truth, ...scored(ours)],
      [split, 'peer: one speaker in one story, one statement', truth, ...scored(peer)],
    ]
  })
  printTable(
    `bench:languages — quotes matched to their translation: pairs of quotes in two languages given as one statement, against the fixtures' statement labels (labelled after the rule was written: no split is unseen here)`,
    ['split', '', 'gold pairs', 'pairs given', 'precision', 'recall'],
    rows,
  )
  for (const p of [...gold].filter((x) => !ours.has(x)).sort()) log.push(`translation not matched: ${p}`)
  for (const p of [...ours].filter((x) => !gold.has(x)).sort()) log.push(`translation matched wrongly: ${p}`)
}

async function benchStories(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-languages-'))
  try {
    const store = await openStore({ path: join(dir, 'stories.db') })
    try {
      await analyze([writeLanguageArticles(dir)], { store, workers: 0 })
      const gold = new Map<string, string>()
      for (const { articles } of languageArticles()) for (const a of articles) gold.set(a.id, a.event)
      const found = new Map<string, string>()
      const languagesOf = new Map<string, number>()
      for (const { id } of await store.listStories({ order: 'recent', limit: 1000 })) {
        const story = (await store.getStory(id))!
        languagesOf.set(id, story.languages?.length ?? 0)
        for (const a of story.articles) found.set(articleIdOf(a.url)!, id)
      }
      const ours = bcubed(found, gold)
      const alone = bcubed(new Map([...gold.keys()].map((id) => [id, id])), gold)
      await benchTranslations(store, found)
      printTable(
        `bench:languages — stories across languages: ${gold.size} articles of ${new Set(gold.values()).size} events (one in eight languages, one in two) through the real analyze; peer: one story per article`,
        ['', 'stories', 'B-cubed precision', 'recall', 'F1', 'most languages in one story'],
        [
          ['Dossier', new Set(found.values()).size, ours.precision, ours.recall, ours.f1, Math.max(...languagesOf.values())],
          ['peer: one story per article', gold.size, alone.precision, alone.recall, alone.f1, 1],
        ],
      )
    } finally {
      await store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
