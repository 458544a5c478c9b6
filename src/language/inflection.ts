/** Languages that inflect names and nouns by case: "Лавров", "Лаврова", "Лаврову" are one name. */
export const INFLECTING: ReadonlySet<string> = new Set(['ru', 'pl'])

/**
 * Case endings of Russian and Polish nouns, adjectives and names (accents folded, as keys are:
 * "й" is "и", "ą" is "a"). A text's word is looked up as itself and as each stem left by one of
 * them, against names stored without their final vowel, so "Лаврова", "Россией", "Китая",
 * "Rosji", "Ławrowem" meet "Лавров", "Россия", "Китай", "Rosja", "Ławrow". A stem keeps at least
 * three letters, so short names ("США") are left whole.
 */
const CASE_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'иеи', 'ieg', 'iego', 'iej', 'ami', 'ach', 'owi', 'emu', 'ego',
  'ои', 'еи', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ым', 'им', 'ых', 'их', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ыи', 'ии',
  'ej', 'em', 'om', 'ie', 'ia', 'ym', 'im',
  'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь', 'a', 'i', 'y', 'u', 'e', 'o',
]
/**
 * The final letters a name is declined from: "Россия", "Лавров|а", "Rosja", "Chiny", "Зеленски(й)".
 * A name ending in another vowel ("Того", "Перу", "Конго"; not "и", to which "й" folds), or in
 * "а" after a vowel ("Самоа"), is a foreign word Russian and Polish do not decline: it is stored
 * whole, so "Самое" (the most) does not read as Samoa. ("Того" is Togo's own spelling: a
 * sentence opening "Того же мнения…" still names it; telling those apart needs more than spelling.)
 */
const DECLINED_FINAL = /[аяыиьayi]$/
const VOWEL_BEFORE_A = /[аоуэыeaou][аa]$/
const MIN_STEM_LETTERS = 3

/**
 * Neuter endings of the words bodies and treaties are named with ("Международное агентство",
 * "Генеральная ассамблея", "Zgromadzenie Ogólne", "Międzynarodowe"): productive suffixes no
 * foreign name ends in, so, unlike a final "о" or "е" ("Того", "Конго"), they decline. Each with the
 * letters its stem drops.
 */
const NEUTER_FINALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?:ое|ее)$/, 2], [/ство$/, 1], [/(?:ние|тие)$/, 1], [/(?:nie|cie|owe)$/, 1],
]

/** A stored name's word: without its final vowel ("россия" → "росси"), when it declines and at least three letters remain. */
export function nominativeStem(key: string): string {
  for (const [final, drop] of NEUTER_FINALS) if (final.test(key) && key.length - drop >= MIN_STEM_LETTERS + 2) return key.slice(0, -drop)
  return DECLINED_FINAL.test(key) && !VOWEL_BEFORE_A.test(key) && key.length > MIN_STEM_LETTERS ? key.slice(0, -1) : key
}

/** The keys a text's word may be stored under, most likely first (see `CASE_ENDINGS`). */
export function caseStems(key: string): readonly string[] {
  const out = [key, nominativeStem(key)]
  for (const ending of CASE_ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= MIN_STEM_LETTERS) out.push(key.slice(0, -ending.length))
  }
  return out
}
