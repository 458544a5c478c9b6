import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderCleanText, type BlockKind, type CleanLayer, type FlagKind, type RemovalReason } from '../../src/document/index.js'
import { cleanTextPage } from '../../src/stages/clean/text/index.js'
import { findLayerProblems } from '../../src/stages/clean/text/invariants.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const seedsDir = path.join(path.resolve(repoRoot, '../shared'), 'corpus/seeds')
const haveSeeds = existsSync(seedsDir)
if (!haveSeeds) console.log(`seeds-clean: skipped, ${seedsDir} is absent (the shared corpus sits beside the repo)`)

/**
 * What we read in each seed by hand. Snippets are short pointers into third-party text, never
 * whole passages. `notBody` are the passages that are not article text, each from its first
 * words to its last (one string when short); every other sentence of the seed must be kept.
 */
interface SeedExpectation {
  readonly prefix: string
  /** Leftovers that must be removed, with the reason. */
  readonly removed: readonly (readonly [RemovalReason, string])[]
  /** Passages that are not the article (leftovers and metadata), as [from, to] snippets. */
  readonly notBody: readonly (string | readonly [string, string])[]
  /** Blocks that must be kept, by kind and opening words. */
  readonly blocks: readonly (readonly [BlockKind, string])[]
  readonly flags?: readonly (readonly [FlagKind, string])[]
  /** Sentences copied in the page that must appear exactly once in the clean text. */
  readonly once?: readonly string[]
}

const SEEDS: readonly SeedExpectation[] = [
  {
    prefix: '000_',
    removed: [
      ['navigation', 'Home » world »'],
      ['title', 'Russia Rejects Forming Alliances Against China or Any Other Nation'],
      ['title', 'This title succinctly conveys the main message'],
      ['byline', 'by Omar El Sayed - World Editor'],
      ['comment-prompt', 'What are your thoughts on'],
      ['comment-prompt', 'Share your outlook in the comments below!'],
      ['repeated', 'Russia Rejects Forming Alliances Against China or Any other Nation'],
      ['related-list', 'You may also like'],
      ['comment-prompt', 'Leave a Comment'],
      ['comment-prompt', 'This site uses Akismet'],
      ['ad-notice', 'Adblock Detected'],
      ['ad-notice', 'Please support us by disabling your AdBlocker'],
    ],
    notBody: [
      ['Home » world »', 'countering China or other nations'],
      ['Russia Rejects Forming Alliances', 'countering China or other nations'],
      'by Omar El Sayed - World Editor',
      ['What are your thoughts on', 'more fragmented world order?'],
      'Share your outlook in the comments below!',
      'Russia Rejects Forming Alliances Against China or Any other Nation',
      ['You may also like', 'for our website.'],
    ],
    blocks: [
      ['heading', 'Russia Declares Neutral Stance'],
      ['heading', 'Strategic partnership with China'],
      ['heading', 'Arms Control Discussions'],
      ['heading', 'Frequently Asked Questions'],
      ['heading', 'Implications for the Global Order'],
      ['table-row', 'Country Strategic Focus Key Relationship'],
      ['table-row', 'Russia Strategic Independence'],
      ['table-row', 'China Economic Growth'],
      ['table-row', 'United States Maintaining Global Leadership'],
      ['list-item', 'What is the status of the New START treaty?'],
      ['list-item', 'Why is China hesitant to join'],
      ['list-item', 'Multipolarity: Russia champions'],
      ['paragraph', 'Moscow – In a significant declaration'],
      ['paragraph', 'Russia has consistently and publicly rejected'],
    ],
    flags: [
      ['machine-filler', 'Did You Know?'],
      ['machine-filler', 'Pro Tip:'],
      ['machine-filler', 'Key terms related to this include'],
      ['generation-prompt', 'How does Russia’s championing of a multipolar'],
      ['generation-prompt', 'This title succinctly conveys'],
    ],
  },
  {
    prefix: '001_',
    removed: [
      ['error-page', '403'],
      ['error-page', 'Sorry!!'],
      ['error-page', 'the page you were looking for doesn'],
      ['title', 'Russia Rejects Anti-China Alliances'],
      ['republication', '(MENAFN)'],
      ['repeated', 'His remarks came during an interview'],
      ['disclaimer', 'Legal Disclaimer:'],
      ['disclaimer', 'kindly contact the provider above.'],
      ['related-list', 'Most popular stories'],
      ['related-list', 'Market Research'],
      ['related-list', 'Thinkmarkets Adds Synthetic Indices'],
      ['related-list', 'FBS AI Assistant Helps Traders'],
      ['comment-prompt', 'No comment'],
    ],
    notBody: [
      ['403', "looking for doesn't exist."],
      'Russia Rejects Anti-China Alliances',
      '(MENAFN)',
      ['Legal Disclaimer:', 'No comment'],
    ],
    blocks: [
      ['paragraph', 'Russian Foreign Minister Sergey Lavrov has made it clear'],
      ['paragraph', 'This treaty is currently set to expire'],
    ],
    once: [
      'His remarks came during an interview with a newspaper',
      'Lavrov firmly stated that',
      'It is unthinkable.',
      'These accords are focused on mutual support',
      'rather than forming blocs that could provoke tensions or rivalry.',
    ],
  },
  {
    prefix: '002_',
    removed: [
      ['dateline-meta', 'date 2025-10-16'],
      ['title', 'Lavrov: Russia Won’t Join US Against China'],
      ['byline', 'By Staff, Agencies'],
    ],
    notBody: ['date 2025-10-16 Lavrov: Russia Won’t Join US Against China', 'By Staff, Agencies'],
    blocks: [
      ['paragraph', 'Russian Foreign Minister Sergey Lavrov said Moscow'],
      ['paragraph', '“The Americans have been pushing for years'],
      ['paragraph', '“Sitting on the world’s biggest nuclear arsenal'],
    ],
  },
  {
    prefix: '003_',
    removed: [
      ['title', 'Is Putin Really Considering a Military'],
      ['title', 'Alliance With China?'],
      ['repeated', 'In recent years, Moscow has tried to exploit'],
      ['related-list', 'Related article: Russia-China Military Alliance'],
      ['related-list', 'Related article: China\'s Huawei Shifts Investment'],
      ['url-list', 'https://eng.globalaffairs.ru/articles/a-troublesome-partnership/'],
      ['url-list', 'https://carnegie.ru/commentary/80136'],
      ['republication', 'This article was first published by'],
    ],
    notBody: [
      'Is Putin Really Considering a Military Alliance With China?',
      ['In recent years, Moscow has tried to exploit', 'prospect of a Sino-Russian bloc.'],
      ['Related article: Russia-China', 'Putin Says'],
      ['Related article: China\'s Huawei', 'from U.S. to Russia'],
      ['https://eng.globalaffairs.ru', 'commentary/80136'],
      ['This article was first published', 'Moscow Center.'],
    ],
    blocks: [
      ['paragraph', 'At a meeting of the Valdai Discussion Club'],
      ['paragraph', 'For many years, Putin and senior Russian officials'],
      ['paragraph', 'In recent years, Moscow has tried to exploit'],
      ['paragraph', 'An even more alarming prospect is the transition'],
      ['paragraph', 'The main problem for the United States'],
    ],
  },
  {
    prefix: '004_',
    removed: [
      ['date-bar', '8.4 C'],
      ['date-bar', 'Saturday, May 27, 2023'],
      ['navigation', 'HomeNewsPutin'],
      ['title', 'Putin: We will not create a military alliance with China'],
      ['republication', 'is dedicated to keeping you up-to-date'],
      ['related-list', 'Latest stories'],
    ],
    notBody: [
      ['8.4 C', 'military alliance with China Putin: We will not create a military alliance with China'],
      ['The author of', 'Latest stories'],
    ],
    blocks: [
      ['heading', 'We have no secrets!'],
      ['heading', 'Chinese proposal to end the conflict in Ukraine'],
      ['heading', 'strategic partnership'],
      ['heading', 'What does China benefit from Russia’s support?'],
      ['paragraph', 'In light of the intensification of global tension'],
      ['paragraph', 'In turn, Beijing previously criticized'],
    ],
  },
]

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Every sentence of the page outside the `notBody` passages: what the article says. */
function bodySentences(source: string, notBody: SeedExpectation['notBody']): string[] {
  // A list bullet is layout, not text: each item is checked on its own.
  let text = squash(source.replace(/^[ \t]*[•*-][ \t]+/gm, ' ¶ '))
  for (const passage of notBody) {
    const [from, to] = typeof passage === 'string' ? [passage, passage] : passage
    const start = text.indexOf(from)
    const end = start < 0 ? -1 : text.indexOf(to, start)
    if (start < 0 || end < 0) throw new Error(`notBody passage not found in the seed: ${from} … ${to}`)
    text = `${text.slice(0, start)}\n${text.slice(end + to.length)}`
  }
  return text
    .split(/\n|¶|(?<=[.!?]["”’]?)\s+(?=["“]?[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 2)
}

function blockTexts(source: string, layer: CleanLayer): { kind: BlockKind; text: string }[] {
  return layer.blocks.map((b) => ({ kind: b.kind, text: b.spans.map((s) => source.slice(s.start, s.end)).join(' ') }))
}

describe.skipIf(!haveSeeds)('clean/text on the seed pages', () => {
  const files = haveSeeds ? readdirSync(seedsDir) : []
  const summary: string[] = []

  describe.each(SEEDS)('seed $prefix', (seed) => {
    const file = files.find((f) => f.startsWith(seed.prefix))
    const source = file ? readFileSync(path.join(seedsDir, file), 'utf8') : ''
    const layer = cleanTextPage(source)
    const text = renderCleanText(source, layer).text
    const flat = squash(text)

    it('is present in the corpus', () => {
      expect(file).toBeDefined()
    })

    it.each(seed.removed)('removes %s: %j', (reason, snippet) => {
      const hit = layer.removed.find((r) => r.reason === reason && source.slice(r.span.start, r.span.end).includes(snippet))
      expect(hit, `no ${reason} removal covers ${snippet}`).toBeDefined()
    })

    it('keeps no leftover in the clean text', () => {
      for (const [reason, snippet] of seed.removed) {
        if (reason === 'repeated') continue
        expect(flat, snippet).not.toContain(squash(snippet))
      }
    })

    it.each(seed.blocks)('keeps a %s block opening %j', (kind, opening) => {
      expect(blockTexts(source, layer).some((b) => b.kind === kind && b.text.startsWith(opening))).toBe(true)
    })

    it('keeps every article sentence', () => {
      const sentences = bodySentences(source, seed.notBody)
      const lost = sentences.filter((s) => !flat.includes(s))
      summary.push(`${seed.prefix}: ${sentences.length - lost.length}/${sentences.length} body sentences kept, ${seed.removed.length} leftovers removed`)
      expect(lost).toEqual([])
      expect(sentences.length).toBeGreaterThan(5)
    })

    it.runIf(seed.once !== undefined)('keeps one copy of each repeated sentence', () => {
      for (const s of seed.once ?? []) expect(flat.split(s).length - 1, s).toBe(1)
    })

    it.runIf(seed.flags !== undefined)('flags machine filler and leftover prompts', () => {
      for (const [kind, snippet] of seed.flags ?? []) {
        const hit = layer.flags.find((f) => f.kind === kind && source.slice(f.span.start, f.span.end).includes(snippet))
        expect(hit, `no ${kind} flag on ${snippet}`).toBeDefined()
      }
    })

    it('keeps every span inside the source, without overlaps or uncovered text', () => {
      expect(findLayerProblems(source, layer)).toEqual([])
    })
  })

  it('clean/text: the hard-wrapped quote of seed 003 is one block', () => {
    const file = files.find((f) => f.startsWith('003_'))!
    const source = readFileSync(path.join(seedsDir, file), 'utf8')
    const quote = blockTexts(source, cleanTextPage(source)).find((b) => b.text.startsWith('At a meeting of the Valdai'))
    expect(quote?.text).toContain('possible to imagine anything.')
    expect(quote?.text).toContain('not going to rule it out, either.')
  })

  it('prints the per-seed summary', () => {
    console.log(summary.join('\n'))
  })
})
