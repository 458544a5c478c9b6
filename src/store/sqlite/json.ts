import type { Document } from '../../document/index.js'
import { StoreError } from '../../errors.js'

/**
 * A value `JSON.stringify` would silently change on the way through (NaN → null, a Date → a
 * string, a BigInt or a cycle → an exception), named by where it sits.
 */
export class UnstorableValueError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`)
    this.name = 'UnstorableValueError'
  }
}

/**
 * Runs a document's `prepare` (its row encoding); a value it cannot store exactly becomes StoreError
 * `STORE_UNSTORABLE_VALUE` naming the store, the document and its input. Both stores prepare a
 * save this way before their transaction, so nothing of the input is written.
 *
 * @example
 * const write = prepareDocument('news.db', doc, () => toPackedWrite(doc, storedAt))
 */
export function prepareDocument<T>(file: string, doc: Pick<Document, 'id' | 'origin'>, prepare: () => T): T {
  try {
    return prepare()
  } catch (error) {
    if (!(error instanceof UnstorableValueError)) throw error
    throw new StoreError(
      `${file}: cannot store document ${doc.id} from ${doc.origin.input}: ${error.message}; nothing from this input was saved.`,
      'STORE_UNSTORABLE_VALUE',
      { cause: error },
    )
  }
}

/**
 * Serialises plain data so that `JSON.parse` gives back a deep-equal value, or throws
 * `UnstorableValueError` naming the first value that would not survive. Properties whose value is
 * `undefined` are dropped, which deep equality treats as absent.
 *
 * @example
 * toExactJson({ span: { start: 0, end: 4 } }, 'clean') // '{"span":{"start":0,"end":4}}'
 * toExactJson({ score: NaN }, 'clean')                 // throws: clean.score: NaN …
 */
export function toExactJson(value: unknown, name: string): string {
  const seen = new Set<object>()
  checkExact(value, name, seen)
  return JSON.stringify(value)
}

// A walk before stringify rather than a replacer: the walk names the path and sees the values
// before any toJSON() hides what they were.
function checkExact(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) throw new UnstorableValueError(path, `${value} has no JSON form`)
      return
    case 'object':
      if (value === null) return
      checkObject(value, path, seen)
      return
    default:
      throw new UnstorableValueError(path, `a ${typeof value} has no JSON form`)
  }
}

function checkObject(value: object, path: string, seen: Set<object>): void {
  if (seen.has(value)) throw new UnstorableValueError(path, 'refers back to itself')
  seen.add(value)
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === undefined) throw new UnstorableValueError(`${path}[${i}]`, 'undefined in an array would come back as null')
      checkExact(item, `${path}[${i}]`, seen)
    })
  } else {
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) {
      throw new UnstorableValueError(path, `a ${value.constructor?.name ?? 'class'} instance would not come back as itself`)
    }
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) checkExact(item, `${path}.${key}`, seen)
    }
  }
  seen.delete(value)
}
