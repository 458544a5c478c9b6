import type { Attested, Block, PageCandidate, Removal, Span } from '../../document/index.js'

/** Separators sites put between a headline and their name: "Fees rise | Gazette", "Gazette: Fees rise". */
const TITLE_SEPARATOR = /\s+(?:[|–—·»:/_]|-{1,2})\s+|\s*[|_]\s*|:\s+/g
/** A heading's permalink mark left in its text by documentation generators ("Install¶"). */
const HEADING_ANCHOR = /\s*[¶#§]\s*$/

/** The least share of a title's characters another source must state for the rest to be cut as the site's. */
const MIN_BARE_SHARE = 0.4

/** What each source of a title is worth alone, before the other sources vote. */
const TITLE_WEIGHT: readonly [RegExp, number][] = [
  [/^json-ld:.*headline$/, 0.86],
  [/^meta\[property=og:title\]$/, 0.88],
  [/^meta/, 0.85],
  [/^itemprop=headline/, 0.85],
  [/^hint:title$/, 0.85],
  [/^title$/, 0.78],
  [/^text:title-line$/, 0.72],
  [/^text:first-heading$/, 0.5],
]
/** Added for each other source (of another kind) that states the same title. */
const AGREEMENT_BONUS = 0.1

/**
 * Removes a site's name from a title, with evidence only: a leading or trailing segment (after
 * "|", " - ", " — ", ":" …) goes when it names the site (`sites`: og:site_name, the JSON-LD
 * publisher, the host), or when what is left is stated as the title by another source (`bare`:
 * the page's h1, og:title). Without evidence the title is kept whole: "Fees rise - a plan" may be
 * the headline itself.
 *
 * @example
 * stripSiteName('Harbour fees rise | Coast Gazette', ['Coast Gazette'])         // 'Harbour fees rise'
 * stripSiteName('Harbour fees rise | Coast Gazette', [], ['Harbour fees rise']) // 'Harbour fees rise'
 * stripSiteName('Harbour fees rise | Coast Gazette')                            // unchanged
 */
export function stripSiteName(title: string, sites: readonly string[] = [], bare: readonly string[] = []): string {
  const cuts = [...title.matchAll(TITLE_SEPARATOR)].filter((m) => m.index > 0 && m.index + m[0].length < title.length)
  if (cuts.length === 0) return title
  const bareKeys = new Set(bare.map(key).filter((k) => k.length > 0))
  // The bare title stated elsewhere: the longest run of whole segments that another source gives,
  // if it is most of the title (a section name given as a heading is not the headline).
  const isBare = (part: string): boolean => part.trim().length >= MIN_BARE_SHARE * title.length && bareKeys.has(key(part))
  for (let i = 0; i < cuts.length; i++) {
    const head = title.slice(0, cuts[cuts.length - 1 - i]!.index)
    if (isBare(head)) return head.trim()
    const tail = title.slice(cuts[i]!.index + cuts[i]![0].length)
    if (isBare(tail)) return tail.trim()
  }
  let out = title
  // Then the site's own name, at either end, as many times as it is there ("News | Sport | BBC").
  for (let changed = true; changed; ) {
    changed = false
    const parts = [...out.matchAll(TITLE_SEPARATOR)].filter((m) => m.index > 0 && m.index + m[0].length < out.length)
    const last = parts[parts.length - 1]
    const first = parts[0]
    if (last && namesSite(out.slice(last.index + last[0].length), sites)) {
      out = out.slice(0, last.index).trim()
      changed = true
    } else if (first && namesSite(out.slice(0, first.index), sites)) {
      out = out.slice(first.index + first[0].length).trim()
      changed = true
    }
  }
  return out
}

/** Whether a title segment is the site's name: equal to a known name, or its first part ("Gazette" of "Gazette - News you can use"), or the host ("Salon.com"). */
function namesSite(segment: string, sites: readonly string[]): boolean {
  const k = key(segment)
  if (!k) return false
  return sites.some((site) => {
    const s = key(site)
    if (!s) return false
    const compactSegment = k.replace(/\s/g, '')
    const compactSite = s.replace(/\s/g, '')
    return k === s || s.startsWith(`${k} `) || compactSegment === compactSite || compactSite.startsWith(compactSegment + 'com') || compactSegment === `${compactSite}com`
  })
}

/** A comparison key: lower case, letters, digits and single spaces. */
function key(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * The headline, chosen by evidence across its sources: the page's metadata (og:title, JSON-LD
 * headline, Dublin Core…), `<title>`, the container's title, the lines the cleaner set apart as
 * the title (the h1), and the first heading kept in the text. Each source has its site name
 * removed where there is evidence for it (`stripSiteName`), then each distinct title scores its
 * best source's weight plus a bonus for every other source that states it. A `<title>` that is
 * only the site's name is no title. A value found verbatim in `source` carries its span.
 *
 * @example
 * chooseTitle({ source, candidates, removals: clean.removed, blocks: clean.blocks, sites: ['Coast Gazette'] })
 */
export function chooseTitle(input: {
  readonly source: string
  readonly candidates: readonly PageCandidate[]
  readonly hint?: string
  readonly removals: readonly Removal[]
  readonly blocks: readonly Block[]
  /** Names the site goes by: og:site_name, publisher, host. */
  readonly sites?: readonly string[]
}): Attested<string> | undefined {
  const { source } = input
  const sites = input.sites ?? []
  const raw: Attested<string>[] = []
  for (const c of input.candidates) if (c.field === 'title') raw.push(withSpan(source, { value: c.value, basis: c.basis, confidence: weigh(c.basis) }))
  if (input.hint?.trim()) raw.push(withSpan(source, { value: input.hint.trim(), basis: 'hint:title', confidence: weigh('hint:title') }))
  const lines = titleLines(source, input.removals)
  for (const span of lines) raw.push(fromSpan(source, span, 'text:title-line', weigh('text:title-line')))
  const heading = input.blocks.find((b) => b.kind === 'heading')
  if (heading?.spans[0]) raw.push(fromSpan(source, { start: heading.spans[0].start, end: heading.spans[heading.spans.length - 1]!.end }, 'text:first-heading', weigh('text:first-heading')))

  const values = raw.map((r) => r.value)
  const options = raw
    .map((r) => {
      const others = values.filter((v) => v !== r.value)
      const value = stripSiteName(r.value, sites, others)
      return value === r.value ? r : { value, basis: r.basis, confidence: r.confidence, ...spanOf(source, value, r.span) }
    })
    .filter((o) => o.value.length > 0 && !sites.some((s) => key(s) === key(o.value)))
  let best: Attested<string> | undefined
  for (const o of options) {
    const kinds = new Set(options.filter((p) => p !== o && kind(p.basis) !== kind(o.basis) && key(p.value) === key(o.value)).map((p) => kind(p.basis)))
    const score = Math.min(0.99, o.confidence + AGREEMENT_BONUS * kinds.size)
    if (!best || score > best.confidence) best = { ...o, confidence: Math.round(score * 100) / 100 }
  }
  return best
}

function weigh(basis: string): number {
  return TITLE_WEIGHT.find(([re]) => re.test(basis))?.[1] ?? 0.6
}

/** Sources of one kind vote once: og:title and twitter:title are both the page's social metadata. */
function kind(basis: string): string {
  if (basis.startsWith('meta') || basis.startsWith('itemprop') || basis.startsWith('json-ld')) return 'metadata'
  return basis
}

/**
 * The lines the cleaner set apart as the title: the first, joined with the next ones when the
 * headline was hard-wrapped (the next starts on the following line and the line before does not
 * end a sentence), then each other title line alone. A trailing permalink mark ("¶") is dropped.
 */
function titleLines(source: string, removals: readonly Removal[]): Span[] {
  const titles = removals.filter((r) => r.reason === 'title').map((r) => r.span).sort((a, b) => a.start - b.start)
  let joined = titles[0]
  let used = 1
  for (const next of titles.slice(1)) {
    if (!joined) break
    const gap = source.slice(joined.end, next.start)
    if (!/^[ \t]*\r?\n[ \t]*$/.test(gap) || /[.!?:]\s*$/.test(source.slice(joined.start, joined.end))) break
    joined = { start: joined.start, end: next.end }
    used++
  }
  const spans = joined ? [joined, ...titles.slice(used)] : []
  return spans.map((s) => {
    const m = HEADING_ANCHOR.exec(source.slice(s.start, s.end))
    return m ? { start: s.start, end: s.start + m.index } : s
  })
}

function fromSpan(source: string, span: Span, basis: string, confidence: number): Attested<string> {
  const raw = source.slice(span.start, span.end)
  const lead = raw.length - raw.trimStart().length
  const value = raw.trim().replace(/\s+/g, ' ')
  return { value, basis, confidence, span: { start: span.start + lead, end: span.start + lead + raw.trim().length } }
}

/** The span of a stripped value: inside the span of the value it was cut from, else anywhere in the source. */
function spanOf(source: string, value: string, within: Span | undefined): { span?: Span } {
  if (within) {
    const at = source.slice(within.start, within.end).indexOf(value)
    if (at >= 0) return { span: { start: within.start + at, end: within.start + at + value.length } }
  }
  const at = source.indexOf(value)
  return at < 0 ? {} : { span: { start: at, end: at + value.length } }
}

function withSpan(source: string, a: Attested<string>): Attested<string> {
  const at = source.indexOf(a.value)
  return at < 0 ? a : { ...a, span: { start: at, end: at + a.value.length } }
}
