/*
 * The outlets of the stored articles, named as stories name them and grouped without regard to
 * case ("Harbour Daily" and "HARBOUR DAILY" are one outlet): the list the app offers to pick
 * from, and how a typed outlet name finds every spelling the store holds.
 */
import type { Store } from '../store/index.js'
import { summaryOutlet } from './article-order.js'
import { ResponseCache } from './cache.js'

/** Articles an outlet listing reads at most (storage order): bounds one request's work on a large store. */
export const MAX_OUTLET_ARTICLES = 100_000

/** One outlet: its commonest spelling, every spelling stored, and its article count. */
export interface Outlet {
  readonly name: string
  readonly spellings: readonly string[]
  readonly articles: number
}

export interface OutletList {
  /** Most articles first, then by name. */
  readonly outlets: readonly Outlet[]
  /** Set when the store holds more articles than were read. */
  readonly capped: boolean
}

/** The key two spellings of one outlet share. */
export function outletFold(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
}

/**
 * The outlets of the store, computed once per article count (a store only grows; an article
 * re-analysed in place keeps its outlet unless its metadata changed, which a new import shows).
 */
export class OutletIndex {
  private readonly cache = new ResponseCache<OutletList>(4)

  constructor(private readonly store: Store) {}

  async list(): Promise<OutletList> {
    const count = await this.store.countDocuments()
    return this.cache.get(String(count), () => this.compute(count))
  }

  /** Every stored spelling of the outlet `name` names, in any case; `[name]` when none is stored. */
  async spellingsOf(name: string): Promise<readonly string[]> {
    const key = outletFold(name)
    return (await this.list()).outlets.find((o) => outletFold(o.name) === key)?.spellings ?? [name]
  }

  private async compute(count: number): Promise<OutletList> {
    const groups = new Map<string, Map<string, number>>()
    for (const summary of await this.store.listDocuments({ limit: MAX_OUTLET_ARTICLES })) {
      const name = summaryOutlet(summary)
      const key = outletFold(name)
      const spellings = groups.get(key) ?? new Map<string, number>()
      spellings.set(name, (spellings.get(name) ?? 0) + 1)
      groups.set(key, spellings)
    }
    const outlets = [...groups.values()].map((spellings): Outlet => {
      const ranked = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      return { name: ranked[0]![0], spellings: ranked.map(([s]) => s), articles: ranked.reduce((n, [, k]) => n + k, 0) }
    })
    outlets.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, 'en'))
    return { outlets, capped: count > MAX_OUTLET_ARTICLES }
  }
}
