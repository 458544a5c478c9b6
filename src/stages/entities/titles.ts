import type { Office } from './gazetteer/index.js'
import type { Word } from './words.js'

/**
 * Role titles, as data. `office` ties a title to the gazetteer's offices, so "the foreign minister"
 * can be looked up for a country and a date; titles without one ("spokesman") are only read from
 * the text. `elect` marks a title held before the office ("president-elect").
 */
export interface Title {
  /** Canonical lower-case title. */
  readonly title: string
  readonly office?: Office
  readonly elect?: boolean
}

const TITLES: readonly (readonly [phrases: readonly string[], title: Title])[] = [
  [['foreign minister', 'minister of foreign affairs', 'foreign affairs minister', 'foreign secretary'], { title: 'foreign minister', office: 'foreign-minister' }],
  [['secretary of state'], { title: 'secretary of state', office: 'foreign-minister' }],
  [['president'], { title: 'president', office: 'head-of-state' }],
  [['president-elect', 'president elect'], { title: 'president-elect', office: 'head-of-state', elect: true }],
  [['head of state'], { title: 'head of state', office: 'head-of-state' }],
  [['leader'], { title: 'leader', office: 'head-of-state' }],
  [['king'], { title: 'king', office: 'head-of-state' }],
  [['queen'], { title: 'queen', office: 'head-of-state' }],
  [['prime minister', 'premier'], { title: 'prime minister', office: 'head-of-government' }],
  [['chancellor'], { title: 'chancellor', office: 'head-of-government' }],
  [['spokesman', 'spokeswoman', 'spokesperson'], { title: 'spokesman' }],
  [['press secretary'], { title: 'press secretary' }],
  [['defense minister', 'defence minister', 'minister of defense', 'minister of defence', 'defense secretary', 'defence secretary'], { title: 'defense minister' }],
  [['finance minister', 'minister of finance'], { title: 'finance minister' }],
  [['minister'], { title: 'minister' }],
  [['deputy foreign minister'], { title: 'deputy foreign minister' }],
  [['vice president', 'vice-president'], { title: 'vice president' }],
  [['secretary-general', 'secretary general'], { title: 'secretary-general' }],
  [['ambassador'], { title: 'ambassador' }],
  [['envoy'], { title: 'envoy' }],
  [['senator'], { title: 'senator' }],
  [['governor'], { title: 'governor' }],
  [['mayor'], { title: 'mayor' }],
  [['chairman', 'chairwoman', 'chair'], { title: 'chairman' }],
  [['editor'], { title: 'editor' }],
  [['analyst'], { title: 'analyst' }],
  [['director'], { title: 'director' }],
  [['general'], { title: 'general' }],
]

/**
 * The general title a specific one is a kind of: "the minister", said of a foreign minister named
 * earlier, refers to the foreign minister. A deputy or vice title is no kind of the title it
 * qualifies (a vice president is not "the president").
 */
export const BROADER_TITLE: ReadonlyMap<string, string> = new Map([
  ['foreign minister', 'minister'],
  ['defense minister', 'minister'],
  ['finance minister', 'minister'],
])

/** Words before a name that make it a person's without naming a role. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'madam', 'professor', 'prof', 'sen', 'rep', 'gen', 'col', 'lt', 'capt'])

/** Before a title: the role is no longer held ("then-U.S. President", "former president"). */
export const PAST_MARKERS: ReadonlySet<string> = new Set(['then', 'former', 'ex'])

interface TitleNode {
  readonly next: Map<string, TitleNode>
  title?: Title
}

const ROOT: TitleNode = { next: new Map() }
for (const [phrases, title] of TITLES) {
  for (const phrase of phrases) {
    let node = ROOT
    for (const part of phrase.split(/[\s-]+/)) {
      let child = node.next.get(part)
      if (child === undefined) {
        child = { next: new Map() }
        node.next.set(part, child)
      }
      node = child
    }
    node.title = title
  }
}

/** A title found in text: words [from, to). */
export interface TitleMatch {
  readonly from: number
  readonly to: number
  readonly title: Title
}

/**
 * The longest role title starting at `words[from]`, in any case ("Foreign Minister", "foreign minister").
 *
 * @example
 * matchTitle(scanWords('Foreign Minister Lavrov', span), 0) // { from: 0, to: 2, title: { title: 'foreign minister', … } }
 */
export function matchTitle(words: readonly Word[], from: number): TitleMatch | undefined {
  let node: TitleNode | undefined = ROOT
  let best: TitleMatch | undefined
  for (let i = from; i < words.length; i++) {
    const w = words[i]!
    if (i > from && !w.spaced && !w.hyphenated) break
    node = node.next.get(w.key)
    if (node === undefined) break
    if (node.title) best = { from, to: i + 1, title: node.title }
    if (w.possessive) break
  }
  return best
}
