import { DomHandler, type Document as DomDocument } from 'domhandler'
import { Parser, type Handler, type ParserOptions } from 'htmlparser2'

/**
 * Parses HTML into a domhandler DOM, like htmlparser2's `parseDocument`, in time linear in the
 * nesting depth.
 *
 * Written by hand because no release of htmlparser2 does this yet: its parser keeps the open
 * elements innermost-first and adds and removes them with `unshift`/`shift`, which move the whole
 * array, and looks closing names up with `indexOf`; 200,000 nested `<b>` took 29 s (fb55/htmlparser2
 * pull request 2481 proposes push/pop). The parser reads its stacks through a handful of array
 * operations only, so it gets stacks that answer those in constant time.
 *
 * @example
 * const dom = parseHtml('<p>Fares <b>rose</b></p>')
 */
export function parseHtml(html: string): DomDocument {
  const handler = new DomHandler(undefined, { withStartIndices: false, withEndIndices: false })
  linearParser(handler, { decodeEntities: true }).end(html)
  return handler.root
}

/**
 * An htmlparser2 `Parser` whose open-element and foreign-content stacks answer in constant time:
 * use it wherever a `new Parser(…)` reads untrusted HTML.
 *
 * @example
 * linearParser({ ontext: (t) => out.push(t) }, { decodeEntities: true }).end(html)
 */
export function linearParser(cbs: Partial<Handler>, options: ParserOptions): Parser {
  const parser = new Parser(cbs, options)
  const internals = parser as unknown as ParserStacks
  // A release whose stacks are shaped otherwise is used as it is: right, only not linear.
  if (!Array.isArray(internals.stack) || !Array.isArray(internals.foreignContext)) return parser
  internals.stack = new TopFirstStack<string>()
  internals.foreignContext = new TopFirstStack<number>(internals.foreignContext as number[])
  // At the end the parser closes what is still open by index, top first: give it a plain array.
  const end = parser.onend.bind(parser)
  parser.onend = () => {
    internals.stack = (internals.stack as TopFirstStack<string>).toTopFirstArray()
    end()
  }
  return parser
}

/** The two stacks of htmlparser2's Parser (12.x), private in its types. */
interface ParserStacks {
  stack: unknown
  foreignContext: unknown
}

/**
 * A stack read top-first through the Array operations htmlparser2's Parser uses on its open-element
 * and foreign-context stacks (`[0]`, `length`, `unshift`, `shift`, `indexOf`, `includes`),
 * each in constant time: items are stored
 * bottom-first, with the positions of each value.
 */
export class TopFirstStack<T> {
  private readonly items: T[] = []
  private readonly positions = new Map<T, number[]>()

  constructor(initial: readonly T[] = []) {
    for (let i = initial.length - 1; i >= 0; i--) this.unshift(initial[i]!)
  }

  /** The items top first, as the Array the parser reads by index. */
  toTopFirstArray(): T[] {
    return this.items.slice().reverse()
  }

  get 0(): T | undefined {
    return this.items[this.items.length - 1]
  }

  get length(): number {
    return this.items.length
  }

  set length(n: number) {
    if (n !== 0) throw new Error('TopFirstStack can only be emptied')
    this.items.length = 0
    this.positions.clear()
  }

  unshift(item: T): number {
    const at = this.positions.get(item)
    if (at) at.push(this.items.length)
    else this.positions.set(item, [this.items.length])
    return this.items.push(item)
  }

  shift(): T | undefined {
    const item = this.items.pop()
    if (item !== undefined) this.positions.get(item)?.pop()
    return item
  }

  indexOf(item: T): number {
    const at = this.positions.get(item)
    if (!at || at.length === 0) return -1
    return this.items.length - 1 - at[at.length - 1]!
  }

  includes(item: T): boolean {
    return this.indexOf(item) !== -1
  }
}
