import type { Attested, PageCandidate, Removal } from '../../document/index.js'
import { MONTH_PATTERN } from './months.js'

/**
 * Words that mark a byline part as a role, a desk or an agency rather than a person. Matched as
 * whole words, case-insensitively.
 */
const NOT_A_PERSON = new RegExp(
  '\\b(?:' +
    [
      'staff', 'agencies', 'agency', 'editor', 'editors', 'editorial', 'reporter', 'reporters', 'correspondent', 'correspondents',
      'writer', 'contributor', 'columnist', 'analyst', 'desk', 'team', 'newsroom', 'bureau', 'news', 'press', 'media', 'service',
      'online', 'redaktion', 'admin', 'administrator', 'webmaster', 'guest', 'senior', 'chief', 'associate', 'contributing',
      'reuters', 'afp', 'ap', 'dpa', 'ani', 'ians', 'pti', 'xinhua', 'tass', 'ria', 'bloomberg', 'menafn', 'times', 'post',
      'daily', 'herald', 'tribune', 'gazette', 'journal', 'magazine', 'channel', 'tv', 'radio', 'network', 'group', 'inc', 'ltd',
      'wire', 'report', 'world', 'international', 'global', 'national', 'politics', 'business', 'sports', 'opinion',
    ].join('|') +
    ')\\b',
  'i',
)
/** A person's name: two to five words, each starting with a capital letter (particles allowed). */
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|der|de|del|da|di|du|la|le|bin|al|el|ibn|ben|y)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|der|de|del|da|di|du|la|le|bin|al|el|ibn|ben|y)){1,4}$/u

/** Where a byline's date or time starts: "Ana Ruiz June 2, 2021 4:05 PM", "Ana Ruiz14 Feb 2020", "Ana Ruiz, Updated 9:05". */
const BYLINE_DATE = new RegExp(`[\\s,|·•-]*(?:\\b(?:on|updated|published|posted|am|le|el)\\s+)?(?:\\b(?:${MONTH_PATTERN})\\.?\\s+)?\\d.*$`, 'isu')
/** Credits after the author's that name someone else: "Written by A Edited by B", "A; photos by B". */
const OTHER_CREDIT = /[\s,;|]+(?:edited|photos?|photographs|illustrations?|images?|video|graphics|reviewed|fact-checked|translated)\s+by\b.*$/is

/**
 * Splits a byline into the people it names: drops "By", roles after a dash or comma, agencies,
 * and splits "A and B", "A, B", "A & B", "A und B".
 *
 * @example
 * splitAuthors('By Ana Ruiz and Li Wei - Senior Reporters') // ['Ana Ruiz', 'Li Wei']
 * splitAuthors('By Staff, Agencies')                        // []
 * splitAuthors('By ANA RUIZ June 2, 2021 4:05 PM')        // ['ANA RUIZ']
 */
export function splitAuthors(byline: string): string[] {
  const text = byline
    .replace(OTHER_CREDIT, '')
    .replace(BYLINE_DATE, '')
    .replace(/^\s*(?:by|von|par|por|di|door|oleh|written by|posted by|author:?|autor:?)\s+/i, '')
    .replace(/\s+[-–—|]\s+.*$/, '') // "Name - Role" or "Name | Outlet"
    .replace(/\(.*?\)/g, ' ')
    .replace(/[\s\p{P}\p{S}]+$/u, '') // "Ana Ruiz —" before a share bar
  return text
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*/i)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(isPersonName)
}

/** Whether a string looks like one person's name, not a role, desk, agency or outlet. */
export function isPersonName(s: string): boolean {
  return PERSON_NAME.test(s) && !NOT_A_PERSON.test(s)
}

const AUTHOR_WEIGHT: readonly [RegExp, number][] = [
  [/^json-ld:/, 0.9],
  [/^meta/, 0.85],
]
/** Kinds of byline element, best first, with their weight. */
const BYLINE_ELEMENT_KINDS: readonly [RegExp, number][] = [
  [/^itemprop=author/, 0.75],
  [/^a\[rel=author\]/, 0.7],
  [/^\[class~=byline\]/, 0.6],
]
/** Page elements that show a byline (rel=author, itemprop=author, a byline class): read only when the page's metadata and the text's byline name no one. */
const BYLINE_ELEMENT = /^(?:itemprop=author|a\[rel=author\]|\[class~=byline\])/

/**
 * The people who wrote the article, from page metadata, container hints and the byline the
 * cleaner set apart; each name once, the best-attested first. Names read from the byline carry
 * their span in `source`.
 */
export function chooseAuthors(source: string, candidates: readonly PageCandidate[], hints: readonly string[] | undefined, removals: readonly Removal[]): Attested<string>[] {
  const byName = new Map<string, Attested<string>>()
  // A name found twice keeps its best basis, and the span of the byline if any copy has one.
  const push = (a: Attested<string>): void => {
    const key = a.value.toLowerCase()
    const kept = byName.get(key)
    const best = !kept || a.confidence > kept.confidence ? a : kept
    const span = best.span ?? (kept?.span ?? a.span)
    byName.set(key, span ? { ...best, span } : best)
  }
  for (const c of candidates) {
    if (c.field !== 'author' || /^https?:/.test(c.value) || BYLINE_ELEMENT.test(c.basis)) continue
    const weight = AUTHOR_WEIGHT.find(([re]) => re.test(c.basis))?.[1] ?? 0.7
    for (const name of splitAuthors(c.value)) push({ value: name, basis: c.basis, confidence: weight })
  }
  for (const h of hints ?? []) for (const name of splitAuthors(h)) push({ value: name, basis: 'hint:authors', confidence: 0.85 })
  for (const r of articleBylines(source, removals)) {
    const line = source.slice(r.span.start, r.span.end)
    for (const name of splitAuthors(line)) {
      const at = line.indexOf(name)
      push({ value: name, basis: 'text:byline', confidence: 0.8, ...(at >= 0 ? { span: { start: r.span.start + at, end: r.span.start + at + name.length } } : {}) })
    }
  }
  if (byName.size === 0) for (const a of fromBylineElements(candidates)) push(a)
  // Stable sort: among equally attested names the order of the byline stays.
  return [...byName.values()].sort((a, b) => b.confidence - a.confidence)
}

/** Largest gap between two byline lines of one article ("By Ana Ruiz" … "and Li Wei in Lima"), in characters. */
const BYLINE_CLUSTER_GAP = 200

/**
 * The byline lines of the article itself: the first that names a person, and those close after
 * it. Bylines further down belong to related articles listed under it.
 */
function articleBylines(source: string, removals: readonly Removal[]): Removal[] {
  const bylines = removals.filter((r) => r.reason === 'byline').sort((a, b) => a.span.start - b.span.start)
  const first = bylines.findIndex((r) => splitAuthors(source.slice(r.span.start, r.span.end)).length > 0)
  if (first < 0) return []
  const out = [bylines[first]!]
  for (const r of bylines.slice(first + 1)) {
    if (r.span.start - out[out.length - 1]!.span.end > BYLINE_CLUSTER_GAP) break
    out.push(r)
  }
  return out
}

/**
 * The people named by the page's byline elements, from the best kind that names anyone
 * (itemprop=author, then rel=author, then a byline class) and, for a byline class, from its first
 * element that does: later ones are often other articles' bylines in a sidebar.
 */
function fromBylineElements(candidates: readonly PageCandidate[]): Attested<string>[] {
  const elements = candidates.filter((c) => c.field === 'author' && BYLINE_ELEMENT.test(c.basis))
  for (const [re, weight] of BYLINE_ELEMENT_KINDS) {
    const names: Attested<string>[] = []
    for (const c of elements.filter((e) => re.test(e.basis))) {
      const found = splitAuthors(c.value)
      names.push(...found.map((value) => ({ value, basis: c.basis, confidence: weight })))
      if (found.length > 0 && c.basis.startsWith('[class')) break
    }
    if (names.length > 0) return names
  }
  return []
}
