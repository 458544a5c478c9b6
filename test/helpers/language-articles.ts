import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The team's articles in eight languages with gold annotations (test/fixtures/languages, see its README). */
export interface LanguageArticle {
  readonly id: string
  readonly split: 'dev' | 'held-back'
  readonly published: string
  /** The invented event it reports: articles of one event belong in one story. */
  readonly event: string
  readonly text: string
  /** `statement`: shared by the quotes of other articles that report the same words in their own language. */
  readonly quotes: readonly { readonly text: string; readonly speaker: string | null; readonly statement?: string }[]
  readonly dates: readonly { readonly text: string; readonly value: string }[]
}

export const LANGUAGE_ARTICLES_DIR = resolve(import.meta.dirname, '../fixtures/languages')

/** Every article of every language, by language (English first). */
export function languageArticles(): Array<{ readonly language: string; readonly articles: LanguageArticle[] }> {
  return readdirSync(LANGUAGE_ARTICLES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))
    .map((language) => ({ language, articles: JSON.parse(readFileSync(join(LANGUAGE_ARTICLES_DIR, `${language}.json`), 'utf8')) as LanguageArticle[] }))
}

/**
 * Writes every article as one JSON Lines file of records (url `https://<id>.example/`, title,
 * published, text), as a scraper's dump would hold them, for `analyze`; returns its path.
 */
export function writeLanguageArticles(dir: string): string {
  const lines = languageArticles().flatMap(({ articles }) => articles.map((a) => {
    const [title, ...body] = a.text.split('\n\n')
    return JSON.stringify({ url: `https://${a.id}.example/`, title, published: a.published, text: body.join('\n\n') })
  }))
  const path = join(dir, 'languages.jsonl')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

/** The article id a record written by `writeLanguageArticles` came from, by its URL. */
export function articleIdOf(url: string | null): string | undefined {
  return url === null ? undefined : /^https:\/\/([a-z]{2}-\d+)\.example\//.exec(url)?.[1]
}

/** The team's articles with figures in seven languages, with gold figures (test/fixtures/figures, see its README). */
export interface FigureArticle {
  readonly id: string
  readonly split: 'dev' | 'held-back'
  readonly published: string
  readonly text: string
  readonly figures: readonly { readonly text: string; readonly value: number; readonly unit: string | null; readonly comparator: string }[]
}

export const FIGURE_ARTICLES_DIR = resolve(import.meta.dirname, '../fixtures/figures')

/** Every figure article, by language. */
export function figureArticles(): Array<{ readonly language: string; readonly articles: FigureArticle[] }> {
  return readdirSync(FIGURE_ARTICLES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()
    .map((language) => ({ language, articles: JSON.parse(readFileSync(join(FIGURE_ARTICLES_DIR, `${language}.json`), 'utf8')) as FigureArticle[] }))
}
