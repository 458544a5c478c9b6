import type { Brief } from '../../document/index.js'
import { UsageError } from '../../errors.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'

export { composeBrief, KEY_QUOTES } from './compose.js'
export { summarise, SUMMARY_SENTENCES } from './summary.js'
export { renderMarkdown } from './markdown.js'
export { renderHtml, BRIEF_CSP } from './html.js'
export { renderJson } from './json.js'
export { storyTimelines, BRIEF_TIMELINES } from './timelines.js'

export type BriefFormat = 'md' | 'html' | 'json'
export const BRIEF_FORMATS: readonly BriefFormat[] = ['md', 'html', 'json']

/**
 * A brief in one of its formats: Markdown for the terminal and notes, a standalone HTML page,
 * or JSON with the span of every citation.
 *
 * @example
 * process.stdout.write(renderBrief(await briefOf(store, 'st-1a2b3c4d5e6f'), 'md'))
 */
export function renderBrief(brief: Brief, format: BriefFormat): string {
  switch (format) {
    case 'md': return renderMarkdown(brief)
    case 'html': return renderHtml(brief)
    case 'json': return renderJson(brief)
    default: throw new UsageError(`Unknown brief format "${String(format)}". Use one of: ${BRIEF_FORMATS.join(', ')}.`)
  }
}
