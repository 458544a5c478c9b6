import type { Attested, PageCandidate, Removal, Span } from '../../document/index.js'
import { isPersonName } from './authors.js'
import { findDates } from './dates.js'

/** A clock time: "11:15 am", "6:45pm", "23.30 Uhr", "14h30". */
const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d{2}|h\d{2})\s*(?:[ap]\.?m\.?|uhr|h)?\b|\b\d{1,2}\s*[ap]\.?m\b/i
/** Separators between a site's name and its tagline: "Gazette - News you can use". */
const TAGLINE_SEPARATOR = /\s+(?:[|–—·:]|-{1,2})\s+/

/** Roles that may follow a byline dash; anything else after the dash is taken for the outlet. */
const BYLINE_ROLE = /\b(?:editor|reporter|correspondent|writer|contributor|columnist|analyst|staff|desk|senior|chief|intern)\b/i

/** Text patterns that name the outlet or provider of a copy, with the group holding the name. */
const PUBLISHER_PATTERNS: readonly { readonly re: RegExp; readonly basis: string; readonly confidence: number }[] = [
  // The syndication disclaimer's subject: "<Provider> provides the information/content as is …".
  { re: /\b([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+provides\s+(?:the|this)\s+(?:information|content)\b/, basis: 'text:disclaimer-provider', confidence: 0.7 },
  { re: /\b(?:[Ff]irst|[Oo]riginally)\s+(?:published|appeared)\s+(?:by|in|on)\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})/, basis: 'text:first-published-by', confidence: 0.65 },
  { re: /^\s*\(([A-Z][A-Za-z&.]{1,20}(?:\s[A-Z][A-Za-z&.]+){0,2})\)/, basis: 'text:credit', confidence: 0.6 },
]

const PAGE_PUBLISHER_WEIGHT: readonly [RegExp, number][] = [
  [/^meta\[property=og:site_name\]$/, 0.9],
  [/^json-ld:.*publisher/, 0.9],
  [/^json-ld:.*author\(organization\)$/, 0.8],
  [/^meta/, 0.75],
]

/**
 * The outlet: the page's site name or JSON-LD publisher, else what the text says of its source:
 * a byline's "- Outlet", a disclaimer naming the provider ("X provides the information"), a
 * "(X)" credit opening the article, or a "first published by X" note.
 *
 * @example
 * findPublisherInText('Ana Ruiz - Coast Gazette', 0, 'byline')?.value // 'Coast Gazette'
 */
export function choosePublisher(source: string, candidates: readonly PageCandidate[], removals: readonly Removal[], firstBlock?: Span): Attested<string> | undefined {
  const options: Attested<string>[] = []
  const titles = candidates.filter((c) => c.field === 'title').map((c) => c.value)
  for (const c of candidates) {
    if (c.field !== 'publisher') continue
    const weight = PAGE_PUBLISHER_WEIGHT.find(([re]) => re.test(c.basis))?.[1] ?? 0.6
    options.push({ value: withoutTagline(c.value, titles), basis: c.basis, confidence: weight })
  }
  for (const r of removals) {
    if (r.reason !== 'byline' && r.reason !== 'disclaimer' && r.reason !== 'republication') continue
    const found = findPublisherInText(source.slice(r.span.start, r.span.end), r.span.start, r.reason)
    if (found) options.push(found)
  }
  if (firstBlock) {
    const found = findPublisherInText(source.slice(firstBlock.start, firstBlock.end), firstBlock.start, 'first-block')
    if (found) options.push(found)
  }
  return options.filter((o) => isOutletName(o.value)).sort((a, b) => b.confidence - a.confidence)[0]
}

/**
 * Whether a value can name an outlet: not a date or a clock time ("Jun 2, 2021 4:05 pm UTC",
 * "6:45pm"), not a URL, and with a letter in it.
 *
 * @example
 * isOutletName('Coast Gazette') // true
 * isOutletName('6:45pm')        // false
 */
export function isOutletName(value: string): boolean {
  if (!/\p{L}/u.test(value) || /^(?:https?:|www\.)/i.test(value)) return false
  return !CLOCK_TIME.test(value) && findDates(value).length === 0
}

/**
 * A site name without its tagline, when the page's titles show the bare name: og:site_name
 * "Gazette - News you can use" beside a title "Fees rise | Gazette" is "Gazette".
 *
 * @example
 * withoutTagline('Gazette - News you can use', ['Fees rise | Gazette']) // 'Gazette'
 */
export function withoutTagline(site: string, titles: readonly string[]): string {
  const parts = site.split(TAGLINE_SEPARATOR)
  // A title that carries the whole name ("Fees rise ✩ Gazette – news you can use") shows no bare name.
  if (parts.length < 2 || titles.some((t) => t.toLowerCase().includes(site.toLowerCase()))) return site
  for (const name of [parts[0]!, parts[parts.length - 1]!]) {
    const k = name.trim().toLowerCase()
    if (k && titles.some((t) => t.split(TAGLINE_SEPARATOR).some((seg) => seg.trim().toLowerCase() === k))) return name.trim()
  }
  return site
}

/** An outlet named in one passage (a byline, a disclaimer, a credit), with its span; `offset` is the passage's start in `source`. */
export function findPublisherInText(text: string, offset: number, kind: string): Attested<string> | undefined {
  if (kind === 'byline') {
    const m = /\s[-–—|]\s+(.+?)\s*$/.exec(text)
    const name = m?.[1]
    if (!m || !name || BYLINE_ROLE.test(name) || isPersonName(name)) return undefined
    const start = offset + m.index + m[0].indexOf(name)
    return { value: name, basis: 'text:byline-outlet', confidence: 0.6, span: { start, end: start + name.length } }
  }
  for (const p of PUBLISHER_PATTERNS) {
    const m = p.re.exec(text)
    const name = m?.[1]?.replace(/[.,;:]+$/, '')
    if (!m || !name) continue
    const start = offset + m.index + m[0].indexOf(name)
    return { value: name, basis: p.basis, confidence: p.confidence, span: { start, end: start + name.length } }
  }
  return undefined
}
