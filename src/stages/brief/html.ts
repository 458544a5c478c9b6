import type { Brief } from '../../document/index.js'
import { oneLine } from './citations.js'
import { layoutBrief, type BriefBlock, type Inline, type Line } from './layout.js'

/** Nothing loads or runs: no scripts, no fetches, no frames; only the inline style below. */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}',
  'th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'sup a{text-decoration:none}',
  'ol.sources{list-style:none;padding:0}',
  'ol.sources li{margin:.5rem 0}',
  'ol.sources li:target{background:#fff6d5}',
].join('')

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * The brief as one standalone HTML page: the same content as the Markdown, every source word
 * escaped, a Content-Security-Policy that forbids scripts, and `[n]` marks that link to the
 * sources list.
 *
 * @example
 * writeFileSync('brief.html', renderHtml(brief))
 */
export function renderHtml(brief: Brief): string {
  const title = escapeHtml(oneLine(brief.story.title))
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(BRIEF_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...layoutBrief(brief).map(writeBlock),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function writeBlock(block: BriefBlock): string {
  switch (block.kind) {
    case 'heading': return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph': return `<p>${writeLine(block.line)}</p>`
    case 'list': return `<ul>\n${block.items.map((item) => `<li>${writeLine(item)}</li>`).join('\n')}\n</ul>`
    case 'table': return [
      '<table>',
      `<thead><tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...block.rows.map((row) => `<tr>${row.map((cell) => `<td>${writeLine(cell)}</td>`).join('')}</tr>`),
      '</tbody>',
      '</table>',
    ].join('\n')
    case 'sources': return [
      '<ol class="sources">',
      ...block.items.map((item) => {
        const link = item.href === null ? '' : ` <a href="${escapeHtml(item.href)}" rel="noopener noreferrer">link</a>`
        const notes = item.notes.length === 0 ? '' : `<ul>${item.notes.map((note) => `<li>${writeLine(note)}</li>`).join('')}</ul>`
        return `<li id="source-${item.n}">${writeLine(item.line)}${link}${notes}</li>`
      }),
      '</ol>',
    ].join('\n')
  }
}

function writeLine(line: Line): string {
  return line.map(writeInline).join('').trim()
}

function writeInline(part: Inline): string {
  if ('marks' in part) return part.marks.map((n) => `<sup><a href="#source-${n}">[${n}]</a></sup>`).join('')
  if ('strong' in part) return part.strong === '' ? '' : `<strong>${escapeHtml(oneLine(part.strong))}</strong>`
  if ('quoted' in part) {
    const words = escapeHtml(oneLine(part.quoted))
    // A language tag is only ever an ISO 639 code the engine set; checked all the same, as it lands in an attribute.
    return part.lang !== undefined && /^[a-z]{2,3}$/.test(part.lang) ? `<span lang="${part.lang}">${words}</span>` : words
  }
  return escapeHtml(part.text)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}
