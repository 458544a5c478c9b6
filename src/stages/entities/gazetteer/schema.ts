/**
 * A small JSON Schema checker for the subset our gazetteer schemas use: type (one or a list),
 * enum, pattern, minLength, minItems, uniqueItems, required, properties, additionalProperties
 * (false only), items, and local $ref ("#/$defs/name"). Anything else in a schema is ignored.
 */

export interface JsonSchema {
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly pattern?: string
  readonly minLength?: number
  readonly minItems?: number
  readonly uniqueItems?: boolean
  readonly required?: readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly additionalProperties?: boolean
  readonly items?: JsonSchema
  readonly $ref?: string
  readonly $defs?: Readonly<Record<string, JsonSchema>>
}

/** At most this many problems are reported; past it the data is plainly the wrong file. */
const MAX_PROBLEMS = 20

/**
 * Checks `value` against `schema`; returns the problems found, each with its JSON path.
 *
 * @example
 * checkSchema({ a: 1 }, { type: 'object', required: ['b'] }) // ['$: missing required property "b"']
 */
export function checkSchema(value: unknown, schema: JsonSchema): string[] {
  const problems: string[] = []
  checkNode(value, schema, schema, '$', problems)
  return problems.slice(0, MAX_PROBLEMS)
}

function checkNode(value: unknown, schema: JsonSchema, root: JsonSchema, path: string, out: string[]): void {
  if (out.length >= MAX_PROBLEMS) return
  if (schema.$ref !== undefined) {
    checkNode(value, resolveRef(schema.$ref, root), root, path, out)
    return
  }
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    out.push(`${path}: expected ${[schema.type].flat().join(' or ')}, got ${typeName(value)}`)
    return
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    out.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`)
  }
  if (typeof value === 'string') checkString(value, schema, path, out)
  else if (Array.isArray(value)) checkArray(value, schema, root, path, out)
  else if (isObject(value)) checkObject(value, schema, root, path, out)
}

function checkString(value: string, schema: JsonSchema, path: string, out: string[]): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    out.push(`${path}: shorter than ${schema.minLength} characters`)
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    out.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`)
  }
}

function checkArray(value: readonly unknown[], schema: JsonSchema, root: JsonSchema, path: string, out: string[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    out.push(`${path}: fewer than ${schema.minItems} items`)
  }
  if (schema.uniqueItems === true) {
    const seen = new Set<string>()
    for (const item of value) {
      const key = JSON.stringify(item)
      if (seen.has(key)) out.push(`${path}: duplicate item ${key}`)
      seen.add(key)
    }
  }
  if (schema.items !== undefined) {
    const items = schema.items
    value.forEach((item, i) => checkNode(item, items, root, `${path}[${i}]`, out))
  }
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, root: JsonSchema, path: string, out: string[]): void {
  for (const key of schema.required ?? []) {
    if (!(key in value)) out.push(`${path}: missing required property "${key}"`)
  }
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key]
    if (childSchema !== undefined) checkNode(child, childSchema, root, `${path}.${key}`, out)
    else if (schema.additionalProperties === false) out.push(`${path}: unexpected property "${key}"`)
  }
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1]
  const target = name === undefined ? undefined : root.$defs?.[name]
  if (target === undefined) throw new Error(`Schema reference ${ref} cannot be resolved; only "#/$defs/<name>" is supported.`)
  return target
}

function matchesType(value: unknown, type: string | readonly string[]): boolean {
  return [type].flat().some((t) => (t === 'integer' ? Number.isInteger(value) : typeName(value) === t))
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
