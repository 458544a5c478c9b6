import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { UnreadableInputError } from '../../errors.js'

/** Where one input's bytes come from. */
export type Source =
  | { readonly kind: 'file'; readonly input: string; readonly size: number }
  | { readonly kind: 'stdin'; readonly input: '-' }
  | { readonly kind: 'url'; readonly input: string }
  | { readonly kind: 'error'; readonly input: string; readonly error: UnreadableInputError }

/**
 * File extensions read when walking a directory (each also with `.gz`), plus files with none.
 * Named files are read whatever their name; in a directory, scripts, images and the like that sit
 * beside a corpus are left alone rather than reported as bad input.
 */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '', '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.shtml', '.xml', '.rss', '.atom', '.jsonl', '.ndjson', '.warc',
])

// A corpus folder's README or LICENSE describes the corpus; it is not one of its articles.
const CORPUS_NOTES = /^(readme|license|licence|notice|changelog)(\.[\w.]+)?$/i

/**
 * Expands inputs into sources, in order: a directory becomes its document files, recursively, in
 * sorted order; `-` is standard input; an http(s) URL is fetched later. A missing path is an error
 * source, so the caller reports it and goes on.
 *
 * @example
 * for await (const source of expandInputs(['examples', '-'])) console.log(source.kind, source.input)
 */
export async function* expandInputs(inputs: readonly string[]): AsyncGenerator<Source> {
  for (const input of inputs) {
    if (input === '-') yield { kind: 'stdin', input: '-' }
    else if (/^https?:\/\//i.test(input)) yield { kind: 'url', input }
    else yield* expandPath(input)
  }
}

async function* expandPath(input: string): AsyncGenerator<Source> {
  let info
  try {
    info = await stat(input)
  } catch (error) {
    yield { kind: 'error', input, error: pathError(input, error) }
    return
  }
  if (info.isFile()) {
    yield { kind: 'file', input, size: info.size }
    return
  }
  if (!info.isDirectory()) {
    yield { kind: 'error', input, error: new UnreadableInputError(input, 'not a regular file or directory', 'INPUT_UNREADABLE') }
    return
  }
  let found = 0
  for await (const source of walkDirectory(input, new Set())) {
    found++
    yield source
  }
  if (found === 0) yield { kind: 'error', input, error: new UnreadableInputError(input, 'directory holds no document files', 'INPUT_EMPTY') }
}

async function* walkDirectory(dir: string, visited: Set<string>): AsyncGenerator<Source> {
  // A symlink loop would otherwise walk forever.
  const real = await realpath(dir)
  if (visited.has(real)) return
  visited.add(real)
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch (error) {
    yield { kind: 'error', input: dir, error: pathError(dir, error) }
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    let info
    try {
      info = await stat(path)
    } catch (error) {
      yield { kind: 'error', input: path, error: pathError(path, error) }
      continue
    }
    if (info.isDirectory()) yield* walkDirectory(path, visited)
    else if (info.isFile() && isDocumentName(name)) yield { kind: 'file', input: path, size: info.size }
  }
}

/** True for a file name a directory walk reads: a document extension (optionally gzipped), not a corpus note. */
export function isDocumentName(name: string): boolean {
  if (CORPUS_NOTES.test(name)) return false
  const unzipped = name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name
  return DOCUMENT_EXTENSIONS.has(extname(basename(unzipped)).toLowerCase())
}

/** A file-system error as an input error: missing paths get their own code. */
export function pathError(input: string, error: unknown): UnreadableInputError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UnreadableInputError(input, 'no such file or directory', 'INPUT_NOT_FOUND')
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableInputError(input, 'permission denied', 'INPUT_UNREADABLE')
  if (code === 'EISDIR') return new UnreadableInputError(input, 'is a directory', 'INPUT_UNREADABLE')
  return new UnreadableInputError(input, `cannot read (${code ?? String(error)})`, 'INPUT_UNREADABLE')
}
