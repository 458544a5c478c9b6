/*
 * Which facts the story page's table shows, and in what order: the rule of the Markdown brief
 * (src/stages/brief/layout.ts). Every quote and figure, and the events two or more outlets report
 * or that conflict, are shown; events one outlet alone reports are many and mostly minor (a
 * machine-written page yields dozens), so they are counted and listed only on request.
 * Pure: no DOM here.
 */
import type { Fact } from './types.js'

/** Disagreements first, then what outlets agree on, then what one outlet alone says. */
const STATUS_ORDER: Readonly<Record<Fact['status'], number>> = { conflict: 0, agreed: 1, 'single-source': 2 }

/** True for an event one outlet alone reports and no conflict involves: left out of the table until asked for. */
export function isMinorEvent(fact: Fact): boolean {
  return fact.kind === 'event' && fact.status === 'single-source' && fact.conflict === null
}

/**
 * The facts table's rows: `shown` in reading order (conflicts, agreed, single source; more
 * outlets first; ties in the check's order), and the minor events (`more`) in the same order.
 *
 * @example
 * tableFacts(check.facts) // { shown: [conflicting figure, agreed quote, …], more: [one outlet's event, …] }
 */
export function tableFacts(facts: readonly Fact[]): { shown: Fact[]; more: Fact[] } {
  const ordered = facts
    .map((fact, i) => ({ fact, i }))
    .sort((a, b) => STATUS_ORDER[a.fact.status] - STATUS_ORDER[b.fact.status] || b.fact.outlets - a.fact.outlets || a.i - b.i)
    .map(({ fact }) => fact)
  return { shown: ordered.filter((f) => !isMinorEvent(f)), more: ordered.filter(isMinorEvent) }
}

/** One version of a quote in another language: its language's code and English name, and where it is. */
export interface Translation {
  readonly language: string
  readonly name: string
  readonly citation: Fact['citations'][number]
}

/**
 * A quote's versions in other languages (the same statement, matched through its speaker and the
 * names, figures and dates it holds), each with the language's English name; none for a quote
 * reported in one language only.
 *
 * @example
 * translationsOf(fact) // [{ language: 'ru', name: 'Russian', citation: { text: 'Россия ни с кем…', … } }]
 */
export function translationsOf(fact: Pick<Fact, 'variants'>): Translation[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' })
  return fact.variants.flatMap((v) => (v.language === undefined ? [] : [{ language: v.language, name: names.of(v.language) ?? v.language, citation: v.citation }]))
}
