/**
 * Date shapes that make up a whole line in page headers: "Saturday, May 27, 2023",
 * "27 May 2023", "2023-05-27", optionally with a time. Used to tell a date bar or a bare
 * publication-date line from body text; the value itself is read by the metadata stage.
 */
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun`
const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`
const YEAR = String.raw`\d{4}`
const TIME = String.raw`(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?`
const CALENDAR_DATE = [
  String.raw`(?:${MONTH})\.?\s+${DAY},?\s+${YEAR}`,
  String.raw`${DAY}\s+(?:${MONTH})\.?,?\s+${YEAR}`,
  String.raw`${YEAR}-\d{2}-\d{2}(?:T[\d:.]+Z?)?`,
  String.raw`\d{1,2}[./]\d{1,2}[./]${YEAR}`,
].join('|')

/** A date (with optional weekday and time), nothing else. */
export const DATE_ONLY = new RegExp(String.raw`^(?:(?:${WEEKDAY})\.?,?\s+)?(?:${CALENDAR_DATE})${TIME}$`, 'i')

/** A labelled date field at the start of a line: "date 2025-10-16", "Published: May 3, 2024". */
export const DATE_LABEL_PREFIX = new RegExp(
  String.raw`^(?:date|published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s+(?:(?:${WEEKDAY})\.?,?\s+)?(?:${CALENDAR_DATE})${TIME}`,
  'i',
)

/** The line is only a date. */
export function isDateLine(text: string): boolean {
  return DATE_ONLY.test(text.trim())
}
