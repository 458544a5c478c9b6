import type { TimeExpression } from '../../document/index.js'
import type { EventSeries } from './calendar.js'
import type { Season } from './vocabulary.js'

/** A qualifier the normalised value does not carry. */
export type Modifier = NonNullable<TimeExpression['modifier']>

export type Unit = 'day' | 'week' | 'month' | 'year'

/**
 * What a time expression says before it is placed on the calendar. Parts the text leaves out
 * (the year of "in September") stay undefined; resolution fills them from the publication date.
 * `shift` is -1/0/+1 for "last"/"this"/"next".
 */
export type TimeMeaning =
  | { readonly kind: 'date'; readonly year?: number; readonly month: number; readonly day: number }
  | { readonly kind: 'month'; readonly year?: number; readonly month: number; readonly shift?: -1 | 0 | 1 }
  | { readonly kind: 'season'; readonly year?: number; readonly season: Season; readonly shift?: -1 | 0 | 1 }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'decade'; readonly decade: number }
  /** `sameWeek`: the weekday of the publication's own week, Monday first ("ce mercredi", "в эту среду", "本周三"). */
  | { readonly kind: 'weekday'; readonly weekday: number; readonly shift?: -1 | 0 | 1; readonly sameWeek?: true }
  /** "yesterday" (day, -1), "last month" (month, -1), "two years ago" (year, -2). */
  | { readonly kind: 'relative'; readonly unit: Unit; readonly amount: number }
  /** "several weeks before the U.S. presidential election". */
  | {
      readonly kind: 'event'
      readonly series: EventSeries
      readonly year?: number
      readonly offset?: { readonly amount: number; readonly unit: Unit; readonly vague: boolean }
      readonly relation: 'before' | 'after' | 'during'
    }

/** A time expression found in one sentence; offsets are relative to the sentence text. */
export interface FoundTime {
  readonly start: number
  readonly end: number
  readonly meaning: TimeMeaning
  readonly modifier?: Modifier
}
