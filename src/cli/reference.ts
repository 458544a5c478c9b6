import { FORMATS } from '../export/formats.js'
import { COMMANDS, type CommandSpec, type OptionSpec } from './spec.js'

/**
 * The README's command line reference, made from the option table (`spec.ts`) so the two never
 * disagree: a synopsis of every command, then a man-page-like entry per command (usage, what it
 * does, its options with defaults and choices, examples) and the `--format` vocabulary.
 * `npm run docs:cli` writes it between the markers; a test fails when the README is behind.
 */
export const REFERENCE_MARKERS = {
  synopsis: ['<!-- cli-synopsis:start (made by `npm run docs:cli` from src/cli/spec.ts; edit there) -->', '<!-- cli-synopsis:end -->'],
  reference: ['<!-- cli-reference:start (made by `npm run docs:cli` from src/cli/spec.ts; edit there) -->', '<!-- cli-reference:end -->'],
} as const

const SPECS = Object.values(COMMANDS) as CommandSpec[]

/** `dossier list [--db dossier.db] [--limit 50] [--format table|json|jsonl|csv]`: one line per command. */
export function renderSynopsis(): string {
  const heads = SPECS.map((spec) => ['dossier', spec.name, ...spec.args].join(' '))
  const width = Math.max(...heads.map((h) => h.length))
  const lines = SPECS.map((spec, i) => `${heads[i]!.padEnd(width)}  ${spec.options.map(optionSynopsis).join(' ')}`)
  return ['```', ...lines, '```'].join('\n')
}

function optionSynopsis(option: OptionSpec): string {
  const [flag, value] = option.flags.split(' ')
  if (value === undefined) return `[${flag}]`
  const shown = option.choices ? option.choices.join('|') : option.default !== undefined ? String(option.default) : value.replace(/[<>.]/g, '').toUpperCase()
  return `[${flag} ${shown}]`
}

/** Every command as a manual entry, and the formats. */
export function renderReference(): string {
  const formats = ['| `--format` | what it writes |', '|---|---|', ...Object.entries(FORMATS).map(([name, what]) => `| \`${name}\` | ${what} |`)]
  return [...SPECS.map(renderCommand), '#### Formats', '', 'One name means one output on every command; each command takes those that fit what it prints.', '', ...formats].join('\n')
}

function renderCommand(spec: CommandSpec): string {
  const rows = spec.options.map((o) => {
    const values = o.choices ? ` one of ${o.choices.map((c) => `\`${c}\``).join(', ')}` : ''
    const fallback = o.default === undefined ? '' : `\`${String(o.default)}\``
    return `| \`${o.flags}\` | ${fallback} | ${escapeCell(o.description)}${values ? `;${values}` : ''} |`
  })
  return [
    `#### dossier ${spec.name}`,
    '',
    `\`dossier ${[spec.name, ...spec.args].join(' ')} [options]\`: ${escapeCell(spec.summary)}.`,
    '',
    '| option | default | what it does |',
    '|---|---|---|',
    ...rows,
    '',
    '```sh',
    ...alignedExamples(spec),
    '```',
    '',
  ].join('\n')
}

function alignedExamples(spec: CommandSpec): string[] {
  const width = Math.max(...spec.examples.map(([command]) => command.length))
  return spec.examples.map(([command, what]) => `${command.padEnd(width)}  # ${what}`)
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|')
}

/**
 * The README with both generated parts replaced by the current ones; throws when a marker is
 * missing, naming it, rather than writing a README without its reference.
 */
export function updateReadme(readme: string): string {
  let text = readme
  for (const [name, body] of [['synopsis', renderSynopsis()], ['reference', renderReference()]] as const) {
    const [start, end] = REFERENCE_MARKERS[name]
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to < from) throw new Error(`README.md lacks the ${name} markers (${start} … ${end}); put them where the ${name} goes.`)
    text = `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
  }
  return text
}
