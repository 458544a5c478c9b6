import type { EntityRole, EntityType, MentionKind, Span } from '../../document/index.js'
import type { Title } from './titles.js'

/**
 * A mention as the sentence reader finds it, before the document-level steps merge partial
 * names and resolve role nouns and pronouns. `id` is null until an entity is chosen.
 */
export interface Found {
  readonly span: Span
  readonly sentence: number
  /** Word index in its sentence where it starts (for "first words of the sentence" tests). */
  readonly word: number
  kind: MentionKind
  use?: 'place' | 'government' | 'attribute'
  id: string | null
  type: EntityType
  /** The words as written ("Sergei Lavrov", "Lavrov"). */
  readonly surface: string
  /** Canonical name when the gazetteer gives it. */
  readonly canonical?: string
  readonly known: boolean
  country?: string
  /** Roles the text gives this mention ("Russian Foreign Minister" before the name). */
  readonly roles: EntityRole[]
  /** A role noun standing for a person ("the foreign minister"). */
  readonly ref?: RoleReference
  /** A personal pronoun: which gender it fits. */
  readonly pronoun?: 'm' | 'f'
  /** A bare capitalised word that is a name only if it matches a person named elsewhere ("Lavrov"). */
  readonly pending?: boolean
}

export interface RoleReference {
  readonly title: Title
  readonly country?: string
  readonly organization?: string
}

/** `person:~omar-el-sayed` from "Omar El-Sayed": the key of a name not in the gazetteer. */
export function localId(type: EntityType, name: string): string {
  const prefix = type === 'organization' ? 'org' : type
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^the-/, '')
  return `${prefix}:~${key}`
}
