import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, normalize, sep } from 'node:path'
import { UnreadableInputError } from '../../errors.js'
import { printableName } from './names.js'

/**
 * Where one input's bytes come from. `input` is the input's printable name (control characters
 * escaped, bytes that are not UTF-8 shown as `\xNN`), used in messages and stored as the document's
 * origin; `path` is the file's real name, as bytes when it came from a directory listing, so a name
 * that is not valid UTF-8 is still read.
 */
export type Source =
  | { readonly kind: 'file'; readonly input: string; readonly path: string | Buffer; readonly size: number }
  | { readonly kind: 'stdin'; readonly input: '-' }
  | { readonly kind: 'url'; readonly input: string; readonly url: string }
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
    else if (/^https?:\/\//i.test(input)) yield { kind: 'url', input: printableName(input), url: input }
    else yield* expandPath(input)
  }
}

async function* expandPath(path: string): AsyncGenerator<Source> {
  const input = printableName(path)
  let info
  try {
    info = await stat(path)
  } catch (error) {
    yield { kind: 'error', input, error: pathError(input, error) }
    return
  }
  if (info.isFile()) {
    yield { kind: 'file', input, path, size: info.size }
    return
  }
  if (!info.isDirectory()) {
    yield { kind: 'error', input, error: new UnreadableInputError(input, 'not a regular file or directory', 'INPUT_UNREADABLE') }
    return
  }
  let found = 0
  // Normalised as path.join did ('./corpus/' walks as 'corpus/…'), so stored names do not change.
  for await (const source of walkDirectory(Buffer.from(normalize(path)), new Set())) {
    found++
    yield source
  }
  if (found === 0) yield { kind: 'error', input, error: new UnreadableInputError(input, 'directory holds no document files', 'INPUT_EMPTY') }
}

// Names are read as bytes: a name that is not valid UTF-8 would come back as a string with U+FFFD
// in it, a path that does not exist, and the file would be reported missing.
async function* walkDirectory(dir: Buffer, visited: Set<string>): AsyncGenerator<Source> {
  // A symlink loop would otherwise walk forever.
  const real = (await realpath(dir, { encoding: 'buffer' })).toString('latin1')
  if (visited.has(real)) return
  visited.add(real)
  let names: Buffer[]
  try {
    names = (await readdir(dir, { encoding: 'buffer' })).sort(Buffer.compare)
  } catch (error) {
    const input = printableName(dir)
    yield { kind: 'error', input, error: pathError(input, error) }
    return
  }
  for (const name of names) {
    if (name[0] === 0x2e) continue // a hidden file: '.'
    const path = Buffer.concat([dir, dir[dir.length - 1] === SEP ? Buffer.alloc(0) : Buffer.from(sep), name])
    const input = printableName(path)
    let info
    try {
      info = await stat(path)
    } catch (error) {
      yield { kind: 'error', input, error: pathError(input, error) }
      continue
    }
    if (info.isDirectory()) yield* walkDirectory(path, visited)
    else if (info.isFile() && isDocumentName(name.toString('latin1'))) yield { kind: 'file', input, path, size: info.size }
  }
}

const SEP = sep.charCodeAt(0)

/** True for a file name a directory walk reads: a document extension (optionally gzipped), not a corpus note. */
export function isDocumentName(name: string): boolean {
  if (CORPUS_NOTES.test(name)) return false
  const unzipped = name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name
  return DOCUMENT_EXTENSIONS.has(extname(basename(unzipped)).toLowerCase())
}

/** A file-system error as an input error: missing paths get their own code. */
export function pathError(input: string, error: unknown): UnreadableInputError {
  const code = (error as NodeJS.ErrnoException).code
  if ((code === 'ENOENT' || code === 'ENOTDIR') && input.includes('\ufffd')) {
    // Node decodes command-line arguments as UTF-8: a name's other bytes are lost before we see it.
    return new UnreadableInputError(input, 'no such file or directory (the name as given is not valid UTF-8, which a command-line argument cannot carry; name the directory that holds it)', 'INPUT_NOT_FOUND')
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UnreadableInputError(input, 'no such file or directory', 'INPUT_NOT_FOUND')
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableInputError(input, 'permission denied', 'INPUT_UNREADABLE')
  if (code === 'EISDIR') return new UnreadableInputError(input, 'is a directory', 'INPUT_UNREADABLE')
  return new UnreadableInputError(input, `cannot read (${code ?? String(error)})`, 'INPUT_UNREADABLE')
}
