import type { DateValue, EntityRole } from '../../document/index.js'
import type { Office, OfficeTerm, Person } from './gazetteer/index.js'

/** The days an article's date may mean: one day, or every day of its month or year. */
export interface Period {
  readonly first: string
  readonly last: string
}

/**
 * How long before taking office someone is "president-elect": a US president is elected in early
 * November and sworn in on 20 January, about 80 days later; other systems are shorter.
 */
const ELECT_MAX_DAYS = 90

const DAY_MS = 86_400_000

/**
 * The period a publication date covers: "2025-10-16" is one day, "2020-11" all of November 2020.
 *
 * @example
 * periodOf({ date: '2020-11', precision: 'month' }) // { first: '2020-11-01', last: '2020-11-30' }
 */
export function periodOf(date: DateValue | undefined): Period | undefined {
  if (date === undefined) return undefined
  const [y, m, d] = date.date.split('-').map(Number) as [number, number?, number?]
  if (date.precision === 'day' && m !== undefined && d !== undefined) return { first: date.date, last: date.date }
  if (date.precision === 'month' && m !== undefined) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
    return { first: `${date.date.slice(0, 7)}-01`, last: `${date.date.slice(0, 7)}-${String(days).padStart(2, '0')}` }
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` }
}

/** Same day plus `days`, as an ISO date. */
function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The term overlaps the period (`end` is the first day out of office). */
function termOverlaps(term: OfficeTerm, period: Period): boolean {
  return term.start <= period.last && (term.end === null || term.end > period.first)
}

/** The term begins after the period's first day and within ELECT_MAX_DAYS of its last: the holder is the office's "-elect". */
function termIsComing(term: OfficeTerm, period: Period): boolean {
  return term.start > period.first && term.start <= addDays(period.last, ELECT_MAX_DAYS)
}

/** Partial dates (YYYY, YYYY-MM) widened to the first or the last day they may mean. */
function widen(date: string, side: 'first' | 'last'): string {
  if (date.length === 10) return date
  if (date.length === 7) return side === 'first' ? `${date}-01` : `${date}-31`
  return side === 'first' ? `${date}-01-01` : `${date}-12-31`
}

/**
 * Roles the gazetteer gives a person during the period: office terms and other posts.
 *
 * @example
 * gazetteerRoles(lavrov, { first: '2025-10-16', last: '2025-10-16' }) // [{ title: 'minister of foreign affairs', country: 'RU', basis: 'gazetteer' }]
 */
export function gazetteerRoles(person: Person, period: Period): EntityRole[] {
  const roles: EntityRole[] = []
  for (const t of person.terms) {
    if (termOverlaps(t, period)) roles.push({ title: t.title.toLowerCase(), country: t.country, basis: 'gazetteer' })
    else if (termIsComing(t, period)) roles.push({ title: `${t.title.toLowerCase()}-elect`, country: t.country, basis: 'gazetteer' })
  }
  for (const r of person.roles) {
    const started = r.start === null || widen(r.start, 'first') <= period.last
    const going = r.end === null || widen(r.end, 'last') >= period.first
    if (started && going) {
      roles.push({ title: r.title.toLowerCase(), ...(r.country ? { country: r.country } : {}), ...(r.organization ? { organization: `org:${r.organization}` } : {}), basis: 'gazetteer' })
    }
  }
  return roles
}

/** The person holds (or, for an elect title, is about to take) the office in the period. */
export function holdsOfficeIn(person: Person, office: Office, period: Period, elect: boolean, country?: string): boolean {
  return person.terms.some((t) => (t.office === office || (office === 'head-of-government' && t.headOfGovernment === true))
    && (country === undefined || t.country === country)
    && (elect ? termIsComing(t, period) && !person.terms.some((o) => o.office === t.office && termOverlaps(o, { first: period.first, last: period.first })) : termOverlaps(t, period)))
}
