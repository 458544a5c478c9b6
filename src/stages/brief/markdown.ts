import type { Brief } from '../../document/index.js'
import { oneLine } from './citations.js'
import { layoutBrief, type BriefBlock, type Inline, type Line } from './layout.js'

// Source words must not become markup: a bracketed "[2]" in an article is not a citation mark,
// a "|" is not a table cell, a "*" is not emphasis.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~]/g

/**
 * The brief as Markdown: headings, lists and tables, every claim followed by `[n]` marks that
 * number the sources list at the end.
 *
 * @example
 * renderMarkdown(brief) // '# Minister rules out …\n\n**Event date:** 2025-10-15 … [2]\n…'
 */
export function renderMarkdown(brief: Brief): string {
  return `${layoutBrief(brief).map(writeBlock).join('\n\n')}\n`
}

function writeBlock(block: BriefBlock): string {
  switch (block.kind) {
    case 'heading': return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`
    case 'paragraph': return writeLine(block.line)
    case 'list': return block.items.map((item) => `- ${writeLine(item)}`).join('\n')
    case 'table': return [
      `| ${block.header.map(escapeMarkdown).join(' | ')} |`,
      `|${block.header.map(() => '---').join('|')}|`,
      ...block.rows.map((row) => `| ${row.map(writeLine).join(' | ')} |`),
    ].join('\n')
    case 'sources': return block.items.map((item) => [
      `- ${writeLine(item.line)}`,
      ...item.notes.map((note) => `  - ${writeLine(note)}`),
    ].join('\n')).join('\n')
  }
}

function writeLine(line: Line): string {
  return line.map(writeInline).join('').trim()
}

function writeInline(part: Inline): string {
  if ('marks' in part) return part.marks.map((n) => `[${n}]`).join('')
  if ('strong' in part) return part.strong === '' ? '' : `**${escapeMarkdown(oneLine(part.strong))}**`
  if ('quoted' in part) return escapeMarkdown(oneLine(part.quoted))
  return escapeMarkdown(part.text)
}

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
}
