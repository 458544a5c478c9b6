import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { DossierError, UsageError } from '../errors.js'
import { EXIT, runAnalyze, runCheck, runEntities, runExport, runExtract, runIngest, runList, runShow, runTable } from './commands.js'
import { runBrief, runServe, runStories, runThreads, runTimeline } from './corpus.js'
import { runMigrate } from './migrate.js'
import { createOutput, type Output } from './output.js'
import { queueDbOf, runQueuedAnalyze, runStatusCommand, runWorker } from './queue.js'
import { runSources, runWatch } from './watch.js'
import { COMMANDS, type CommandSpec } from './spec.js'
import { runAlerts, runWatches } from './watches.js'
import { FORMATS } from '../export/formats.js'

type Handler = (args: string[], options: Record<string, string | boolean | undefined>, out: Output) => Promise<number>

const HANDLERS: Record<keyof typeof COMMANDS, Handler> = {
  ingest: (args, o, out) => runIngest(args, o, out),
  extract: (args, o, out) => runExtract(args, o, out),
  list: (_args, o, out) => runList(o, out),
  show: (args, o, out) => runShow(args[0] ?? '', o, out),
  analyze: (args, o, out) => (queueDbOf(o) !== undefined ? runQueuedAnalyze(args, o, out) : runAnalyze(args, o, out)),
  worker: (_args, o, out) => runWorker(o, out),
  status: (_args, o, out) => runStatusCommand(o, out),
  export: (_args, o, out) => runExport(o, out),
  quotes: (_args, o, out) => runTable('quotes', o, out),
  claims: (_args, o, out) => runTable('claims', o, out),
  events: (_args, o, out) => runTable('events', o, out),
  entities: (_args, o, out) => runEntities(o, out),
  timeline: (args, o, out) => runTimeline(args[0] ?? '', args[1] ?? '', o, out),
  stories: (_args, o, out) => runStories(o, out),
  threads: (_args, o, out) => runThreads(o, out),
  brief: (args, o, out) => runBrief(args, o, out),
  serve: (_args, o, out) => runServe(o, out),
  check: (_args, o, out) => runCheck(o, out),
  migrate: (_args, o, out) => runMigrate(o, out),
  sources: (args, o, out) => runSources(args, o, out),
  watch: (_args, o, out) => runWatch(o, out),
  watches: (args, o, out) => runWatches(args, o, out),
  alerts: (_args, o, out) => runAlerts(o, out),
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], out: Output = createOutput()): Promise<number> {
  let exitCode: number = EXIT.ok
  const program = new Command('dossier')
    .description('Dossier: a sourced, cross-checked picture of what the news says.')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void out.write(s), writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', programHelp())
  for (const spec of Object.values(COMMANDS) as CommandSpec[]) {
    const command = program.command(spec.name).description(spec.summary).exitOverride().addHelpText('after', examplesHelp(spec))
      .configureOutput({ writeOut: (s) => void out.write(s), writeErr: (s) => process.stderr.write(s) })
    for (const arg of spec.args) command.argument(arg)
    for (const o of spec.options) {
      const option = new Option(o.flags, o.description)
      if (o.default !== undefined) option.default(o.default)
      if (o.choices) option.choices(o.choices)
      if (o.env) option.env(o.env)
      command.addOption(option)
    }
    command.action(async (...params: unknown[]) => {
      const options = params[params.length - 2] as Record<string, string | boolean | undefined>
      const positional = params.slice(0, spec.args.length).flatMap((p) => (Array.isArray(p) ? p : [p])) as string[]
      exitCode = await HANDLERS[spec.name as keyof typeof COMMANDS](positional, options, out)
    })
  }
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    // Includes a malformed search query (SearchSyntaxError): the user's to fix, like a bad option.
    if (error instanceof UsageError) {
      out.error(error.message)
      return EXIT.usage
    }
    out.error(error instanceof DossierError ? `${error.message} [${error.code}]` : String(error instanceof Error ? error.stack : error))
    return EXIT.failure
  }
}

/** The version in package.json (beside `src/` and `dist/` alike). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

/** Examples after a command's options, as clig.dev asks: what to type, and what it does. */
export function examplesHelp(spec: CommandSpec): string {
  return `\nExamples:\n${spec.examples.map(([command, what]) => `  $ ${command}\n      ${what}`).join('\n')}\n`
}

/** After the command list: the one --format vocabulary, the exit codes and first steps. */
function programHelp(): string {
  const width = Math.max(...Object.keys(FORMATS).map((f) => f.length))
  return [
    '',
    'Formats (--format; each command takes those that fit what it prints):',
    ...Object.entries(FORMATS).map(([name, what]) => `  ${name.padEnd(width)}  ${what}`),
    '',
    'Data goes to stdout; counts, progress, warnings and errors go to stderr.',
    'Exit codes: 0 ok, 1 some inputs rejected, 2 usage error, 3 failure (store missing, busy, damaged).',
    '',
    'Examples:',
    '  $ dossier analyze articles/ --db news.db',
    '  $ dossier stories --db news.db --search "ferry strike"',
    '  $ dossier export --db news.db --what facts --format csv > facts.csv',
    '  $ dossier <command> --help',
    '',
  ].join('\n')
}
