/**
 * Month names and their usual abbreviations (lowercase) in the languages news pages most often
 * use: English, German, French, Spanish, Italian, Portuguese, Dutch, Indonesian, Russian (nominative
 * and the genitive of dates: "21 февраля 2023"). Each row is one
 * month, 1..12; a name shared by two languages ("mai", "april") maps to the same month anyway.
 */
const MONTH_ROWS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'январь', 'января', 'янв'],
  ['february', 'feb', 'febr', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fev', 'febrero', 'febbraio', 'fevereiro', 'februari', 'pebruari', 'февраль', 'февраля', 'фев'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'maret', 'mär', 'mrz', 'март', 'марта'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'апрель', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'май', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'agustus', 'agu', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'сентябрь', 'сентября', 'сен', 'сент'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'nopember', 'ноябрь', 'ноября', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'desember', 'des', 'декабрь', 'декабря', 'дек'],
]

/** Lowercase month name or abbreviation → month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_ROWS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)))

/** A regex alternation of every month name, longest first so "june" is not read as "jun" + "e". */
export const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')
