import type { Attested, Block, PageCandidate, Removal, Span } from '../../document/index.js'

/** Separators sites put between a headline and their name in `<title>`: "Fees rise | Gazette". */
const TITLE_SITE_SEPARATOR = /\s+(?:[|–—·»:]|-{1,2})\s+/
/** A trailing segment at most this many words long is taken for the site name, not part of the headline. */
const MAX_SITE_SUFFIX_WORDS = 5

const PAGE_TITLE_WEIGHT: readonly [RegExp, number][] = [
  [/^json-ld:.*headline$/, 0.9],
  [/^meta\[property=og:title\]$/, 0.9],
  [/^meta/, 0.85],
  [/^itemprop=headline/, 0.85],
  [/^title$/, 0.75],
]

/**
 * Strips a site name from a `<title>`: the last segment after "|", " - " or " — " when it is
 * short or equals the known site name.
 *
 * @example
 * stripSiteName('Harbour fees rise | Coast Gazette', 'Coast Gazette') // 'Harbour fees rise'
 */
export function stripSiteName(title: string, site?: string): string {
  if (site && title.toLowerCase().startsWith(site.toLowerCase())) {
    const rest = title.slice(site.length).replace(/^\s*[|–—·»:-]+\s*/, '')
    if (rest && rest !== title.slice(site.length)) return rest
  }
  const parts = title.split(TITLE_SITE_SEPARATOR)
  if (parts.length < 2) return title
  const last = parts[parts.length - 1]!
  const isSite = (site && last.toLowerCase() === site.toLowerCase()) || last.split(/\s+/).length <= MAX_SITE_SUFFIX_WORDS
  // Only the separator before the site name goes: "Fees rise - a plan for 2025 | Coast Gazette" keeps its dash.
  const head = title.slice(0, title.lastIndexOf(last))
  const separator = [...head.matchAll(new RegExp(TITLE_SITE_SEPARATOR.source, 'g'))].pop()
  return isSite ? (separator ? head.slice(0, separator.index) : head).trim() || title : title
}

/**
 * The headline: the page's own metadata, else the container's title, else the line the cleaner
 * set apart as the title, else the first heading kept in the text. A value found verbatim in
 * `source` carries its span.
 *
 * @example
 * chooseTitle({ source, candidates, removals: clean.removed, blocks: clean.blocks })
 */
export function chooseTitle(input: {
  readonly source: string
  readonly candidates: readonly PageCandidate[]
  readonly hint?: string
  readonly removals: readonly Removal[]
  readonly blocks: readonly Block[]
  readonly site?: string
}): Attested<string> | undefined {
  const { source } = input
  const options: Attested<string>[] = []
  for (const c of input.candidates) {
    if (c.field !== 'title') continue
    const weight = PAGE_TITLE_WEIGHT.find(([re]) => re.test(c.basis))?.[1] ?? 0.6
    const value = c.basis === 'title' ? stripSiteName(c.value, input.site) : c.value
    options.push(withSpan(source, { value, basis: c.basis, confidence: weight }))
  }
  if (input.hint) options.push(withSpan(source, { value: input.hint.trim(), basis: 'hint:title', confidence: 0.85 }))
  const removed = joinWrappedTitle(source, input.removals)
  if (removed) options.push(fromSpan(source, removed, 'text:title-line', 0.8))
  const heading = input.blocks.find((b) => b.kind === 'heading')
  if (heading?.spans[0]) options.push(fromSpan(source, { start: heading.spans[0].start, end: heading.spans[heading.spans.length - 1]!.end }, 'text:first-heading', 0.5))
  return options.filter((o) => o.value.length > 0).sort((a, b) => b.confidence - a.confidence)[0]
}

/**
 * The first 'title' removal, joined with the next ones when the headline was hard-wrapped: the
 * next starts on the following line and the line before does not end a sentence.
 */
function joinWrappedTitle(source: string, removals: readonly Removal[]): Span | undefined {
  const titles = removals.filter((r) => r.reason === 'title').map((r) => r.span).sort((a, b) => a.start - b.start)
  let joined = titles[0]
  for (const next of titles.slice(1)) {
    if (!joined) break
    const gap = source.slice(joined.end, next.start)
    if (!/^[ \t]*\r?\n[ \t]*$/.test(gap) || /[.!?:]\s*$/.test(source.slice(joined.start, joined.end))) break
    joined = { start: joined.start, end: next.end }
  }
  return joined
}

function fromSpan(source: string, span: Span, basis: string, confidence: number): Attested<string> {
  const raw = source.slice(span.start, span.end)
  const lead = raw.length - raw.trimStart().length
  const value = raw.trim().replace(/\s+/g, ' ')
  return { value, basis, confidence, span: { start: span.start + lead, end: span.start + lead + raw.trim().length } }
}

function withSpan(source: string, a: Attested<string>): Attested<string> {
  const at = source.indexOf(a.value)
  return at < 0 ? a : { ...a, span: { start: at, end: at + a.value.length } }
}
