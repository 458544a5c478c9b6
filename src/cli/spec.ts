/** One option of a command, declared as data; commander builds parsing and help from it. */
export interface OptionSpec {
  readonly flags: string
  readonly description: string
  readonly default?: string | boolean
  readonly choices?: readonly string[]
}

export interface CommandSpec {
  readonly name: string
  readonly summary: string
  readonly args: readonly string[]
  readonly options: readonly OptionSpec[]
}

const DB: OptionSpec = { flags: '--db <file>', description: 'SQLite store file', default: 'dossier.db' }
const FETCH: readonly OptionSpec[] = [
  { flags: '--allow-private', description: 'allow fetching URLs on loopback and private addresses' },
  { flags: '--max-bytes <n>', description: 'size cap per input in bytes, after decompression', default: String(50 * 1024 * 1024) },
  { flags: '--timeout <ms>', description: 'URL fetch timeout in milliseconds', default: '20000' },
]

/** Every command of `dossier`, in the order `--help` lists them. */
export const COMMANDS = {
  ingest: {
    name: 'ingest',
    summary: 'read files, directories, - (stdin) or URLs; extract and store every document',
    args: ['<input...>'],
    options: [DB, ...FETCH, { flags: '--workers <n>', description: 'extraction threads, or "auto"', default: 'auto' }],
  },
  extract: {
    name: 'extract',
    summary: 'extract without storing: one record per document on stdout',
    args: ['<input...>'],
    options: [{ flags: '--format <format>', description: 'output format', default: 'jsonl', choices: ['jsonl', 'json', 'md'] }, ...FETCH],
  },
  list: {
    name: 'list',
    summary: 'list stored documents',
    args: [],
    options: [
      DB,
      { flags: '--limit <n>', description: 'rows at most', default: '50' },
      { flags: '--offset <n>', description: 'rows to skip', default: '0' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json', 'jsonl'] },
    ],
  },
  show: {
    name: 'show',
    summary: 'show one stored document: metadata and clean text',
    args: ['<id>'],
    options: [
      DB,
      { flags: '--original', description: 'print the source text as read' },
      { flags: '--removed', description: 'list the removed ranges with their reasons' },
      { flags: '--format <format>', description: 'output format', default: 'text', choices: ['text', 'json'] },
    ],
  },
} as const satisfies Record<string, CommandSpec>
