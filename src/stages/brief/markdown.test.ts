import { describe, expect, it } from 'vitest'
import type { Brief, Fact } from '../../document/index.js'
import { sampleBrief } from '../../../test/helpers/briefs.js'
import { renderMarkdown } from './markdown.js'

const { brief } = sampleBrief()
const MARK = /(?<!\\)\[(\d+)\]/g

/** Lines that state nothing about the world: blank lines, headings, a table's header and rule. */
function claimLines(md: string): string[] {
  const lines = md.split('\n')
  return lines.filter((line, i) => line.trim() !== '' && !line.startsWith('#') && !/^\|[-|]+\|$/.test(line) && !/^\|[-|]+\|$/.test(lines[i + 1] ?? ''))
}

describe('brief: Markdown', () => {
  it('brief md: every line that states something cites a source', () => {
    const lines = claimLines(renderMarkdown(brief))
    expect(lines.length).toBeGreaterThan(10)
    for (const line of lines) expect(line, line).toMatch(MARK)
  })

  it('brief md: every mark points at an entry of the sources list', () => {
    const md = renderMarkdown(brief)
    const listed = new Set([...md.matchAll(/^- \[(\d+)\] \*\*/gm)].map((m) => Number(m[1])))
    const used = new Set([...md.matchAll(MARK)].map((m) => Number(m[1])))
    expect([...listed].sort()).toEqual([1, 2, 3])
    for (const n of used) expect(listed.has(n), `[${n}]`).toBe(true)
  })

  it.each([
    ['agreed', '✓'],
    ['conflict', '⚠'],
    ['single-source', '①'],
  ] as const)('brief md: a fact that is %s carries the mark %s', (status, mark) => {
    const fact: Fact = { ...brief.facts.find((f) => f.kind === 'quote')!, status }
    const md = renderMarkdown({ ...brief, facts: [fact] })
    expect(md).toMatch(new RegExp(`^\\| ${mark} \\| Ines Valk: “The hull is sound” \\|`, 'm'))
  })

  it('brief md: a figure nobody attributes is marked ∅ and says so', () => {
    expect(renderMarkdown(brief)).toMatch(/^\| ⚠ ∅ \| ferry repair: \$3 million \| conflict, 1 outlet \| none \| \[2\] \|$/m)
  })

  it('brief md: a key quote names its speaker and role, with every outlet that carries it', () => {
    expect(renderMarkdown(brief)).toContain('- **Ines Valk (harbour master)**: “The hull is sound” [1][2]')
  })

  it('brief md: a conflict shows both values with source, as-of and note', () => {
    const md = renderMarkdown(brief)
    expect(md).toContain('- **$2 million** — date not stated; per the operator; counting “repair cost” [1]')
    expect(md).toContain('- **$3 million** — date not stated; no source named; counting “repair bill” [2]')
    expect(md).toContain('- Note: the values come from different sources (the operator; none named) [1][2]')
  })

  it.each([
    ['contradiction', '### ⚠ cost of the ferry repair'],
    ['different-periods', '### cost of the ferry repair'],
  ] as const)('brief md: a %s says its type and reason in one line under its heading (issue 15)', (kind, heading) => {
    const reason = `${kind.replace('-', ' ')}: $2 million vs $3 million`
    const md = renderMarkdown({ ...brief, conflicts: [{ ...brief.conflicts[0]!, kind, reason }] })
    expect(md).toContain(`${heading}\n\n- ${reason} [1][2]\n`)
  })

  it('brief md: a timeline row has date, speaker, position, quote and its shift', () => {
    const timeline = brief.timelines[0]!
    const shifted: Brief = { ...brief, timelines: [{ ...timeline, statements: [{ ...timeline.statements[0]!, position: 'for', shift: { from: 'against' } }] }] }
    expect(renderMarkdown(shifted)).toContain('| 2024 | Ola Brant (mayor) | for | “the council would not pay for the ferry in 2024” [3] | ⇄ was against |')
  })

  it.each([
    ['event', '2024'],
    ['reported-event', '2024 (the reported event\'s date)'],
    ['published', '2024 (the article\'s date)'],
    ['none', 'undated'],
  ] as const)('brief md: a timeline row dated on the basis %s says so: %s', (dateBasis, shown) => {
    const timeline = brief.timelines[0]!
    const row = { ...timeline.statements[0]!, dateBasis, date: dateBasis === 'none' ? null : '2024' }
    expect(renderMarkdown({ ...brief, timelines: [{ ...timeline, statements: [row] }] })).toContain(`| ${shown} | Ola Brant (mayor) |`)
  })

  it('brief md: the sources list gives outlet, title, location, document id and quality notes', () => {
    const md = renderMarkdown(brief)
    expect(md).toContain('- [2] **coastnews.example** — Kessing ferry back on Monday — https://coastnews.example/ferry — document a2\n  - unattributed-figure: "$3 million" has no source [2]')
  })

  it('brief md: markup characters in source text stay text', () => {
    const title = renderMarkdown(brief).split('\n')[0]
    expect(title).toBe('# Ferry returns to Port Alder \\<script\\>alert(1)\\</script\\> & \\[7\\] \\| \\*stars\\*')
  })

  it('brief md: events one outlet alone reports are counted, cited, and left to the JSON; agreed events stay in the table', () => {
    const quote = brief.facts.find((f) => f.kind === 'quote')!
    const event = (id: string, statement: string, status: Fact['status']): Fact => ({ ...quote, id, kind: 'event', statement, status, variants: [] })
    const md = renderMarkdown({ ...brief, facts: [event('e1', 'The port reopens', 'agreed'), event('e2', 'The mayor praises the crew', 'single-source'), event('e3', 'The union objects', 'single-source')] })
    expect(md).toContain('The port reopens')
    expect(md).not.toContain('The mayor praises the crew')
    expect(md).toMatch(/^2 more events, each reported by one outlet only, are in the JSON brief \(--format json\) (\[\d+\])+$/m)
  })

  it('brief md: a story in more than one language says which, each citing its articles; an English one says nothing of it', () => {
    expect(renderMarkdown(brief)).not.toContain('**Languages:**')
    const [a, b] = brief.story.articles
    const story = { ...brief.story, languages: ['ru', 'en'], articles: [{ ...a!, language: 'ru' }, { ...b!, language: 'en' }] }
    expect(renderMarkdown({ ...brief, story })).toContain('**Languages:** Russian (1) [1], English (1) [2]')
  })
})
