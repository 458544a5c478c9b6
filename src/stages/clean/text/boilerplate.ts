import type { Removal } from '../../../document/index.js'
import { LINE_RULES, type LineRule } from './rules.js'
import type { Line } from './lines.js'

/** A line rule that fired, kept with its line so sections can extend from it. */
export interface LineMatch {
  readonly line: Line
  readonly rule: LineRule
  readonly removal: Removal
}

/**
 * Finds page furniture line by line with `LINE_RULES`: the first rule that matches a line wins.
 *
 * @example
 * findLineFurniture(splitLines('Home » news » Title\nBody.'))[0].removal.reason // 'navigation'
 */
export function findLineFurniture(lines: readonly Line[]): LineMatch[] {
  const out: LineMatch[] = []
  for (const line of lines) {
    if (line.start === line.end) continue
    const match = matchLineRule(line)
    if (match) out.push(match)
  }
  return out
}

function matchLineRule(line: Line): LineMatch | undefined {
  for (const rule of LINE_RULES) {
    if (line.text.length > rule.maxChars) continue
    const m = rule.pattern.exec(line.text)
    if (!m) continue
    if (rule.part === 'prefix') {
      if (m.index !== 0) continue
      const end = line.start + m[0].trimEnd().length
      return { line, rule, removal: { span: { start: line.start, end }, reason: rule.reason, note: rule.note } }
    }
    return { line, rule, removal: { span: { start: line.start, end: line.end }, reason: rule.reason, note: rule.note } }
  }
  return undefined
}
