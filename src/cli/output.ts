/** Terminal output: data to stdout, messages and progress to stderr, colour only where wanted. */
export interface Output {
  /** A line of data on stdout (a newline added when missing). */
  data(text: string): void
  /** Data on stdout as given; resolves when stdout can take more (so a large export does not pile up in memory). */
  write(chunk: string): Promise<void>
  error(text: string): void
  warn(text: string): void
  info(text: string): void
  progress(done: number, label: string): void
  endProgress(): void
}

const PROGRESS_INTERVAL_MS = 100

export function createOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
  const colour = Boolean(stderr.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '')
  const paint = (code: number, text: string): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text)
  let lastDraw = 0
  let drawn = false
  const clear = (): void => {
    if (drawn) stderr.write('\r\u001b[2K')
    drawn = false
  }
  return {
    data: (text) => stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    write: (chunk) => (stdout.write(chunk) ? Promise.resolve() : drained(stdout)),
    error: (text) => {
      clear()
      stderr.write(`${paint(31, 'error')} ${text}\n`)
    },
    warn: (text) => {
      clear()
      stderr.write(`${paint(33, 'warning')} ${text}\n`)
    },
    info: (text) => {
      clear()
      stderr.write(`${text}\n`)
    },
    progress: (done, label) => {
      if (!stderr.isTTY) return
      const now = Date.now()
      if (now - lastDraw < PROGRESS_INTERVAL_MS) return
      lastDraw = now
      const width = Math.max(10, (stderr.columns ?? 80) - 20)
      stderr.write(`\r\u001b[2K${paint(36, String(done).padStart(7))} ${label.slice(-width)}`)
      drawn = true
    },
    endProgress: clear,
  }
}

/** Resolves when a stream's buffer has drained, or when it closed (after an error, reported where it is written). */
export function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

/**
 * Plain aligned columns for human-readable tables. Whitespace runs (a hard-wrapped quote's
 * newlines) print as one space; a cell longer than its column's width ends in …. `maxWidth` is
 * one width for all columns or one per column.
 *
 * @example
 * formatTable(['SPEAKER', 'QUOTE'], [['Ada Brennan', 'We will build the bridge']], [20, 70])
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidth: number | readonly number[] = 60): string {
  const widthOf = (i: number): number => (typeof maxWidth === 'number' ? maxWidth : (maxWidth[i] ?? 60))
  const cut = (s: string, i: number): string => {
    const flat = s.replace(/\s+/g, ' ')
    const width = widthOf(i)
    return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat
  }
  const cells = [header, ...rows].map((r) => r.map(cut))
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n')
}
