/** Record types of the gazetteer files in data/gazetteer/ (see its README and schema/). */

export type CountryStatus = 'un-member' | 'un-observer' | 'limited-recognition' | 'dependency' | 'none'

export interface Country {
  readonly alpha2: string
  readonly alpha3: string
  readonly name: string
  readonly officialName: string
  readonly status: CountryStatus
  readonly sovereign: string | null
  /** The capital as a place; its use for the government is in `metonyms`. */
  readonly capital: string | null
  readonly aliases: readonly string[]
  readonly adjectives: readonly string[]
  readonly demonyms: readonly string[]
  readonly metonyms: readonly string[]
  readonly note?: string
}

export type OrganizationType =
  | 'intergovernmental' | 'intergovernmental-body' | 'think-tank' | 'news-agency' | 'newspaper'
  | 'broadcaster' | 'ministry' | 'government-agency' | 'legislature' | 'executive-office'

export interface Organization {
  readonly id: string
  readonly name: string
  readonly type: OrganizationType
  readonly country: string | null
  readonly acronyms: readonly string[]
  readonly aliases: readonly string[]
  readonly parent?: string
  readonly note?: string
}

export type Office = 'head-of-state' | 'head-of-government' | 'foreign-minister' | 'institution-president'

export interface OfficeTerm {
  readonly person: string
  readonly country: string
  readonly office: Office
  readonly title: string
  /** First day in office (ISO date). */
  readonly start: string
  /** First day no longer in office (the handover day); null if still in office at the cut-off. */
  readonly end: string | null
  readonly headOfGovernment?: boolean
  readonly acting?: boolean
  readonly institution?: string
  readonly uncertain?: boolean
  readonly note?: string
}

export interface Role {
  readonly title: string
  readonly country: string | null
  readonly organization: string | null
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  readonly start: string | null
  readonly end: string | null
  readonly uncertain?: boolean
  readonly note?: string
}

export interface PersonName {
  readonly id: string
  readonly name: string
  readonly variants: readonly string[]
}

/** One canonical person with every office term and role the gazetteer knows. */
export interface Person extends PersonName {
  readonly terms: readonly OfficeTerm[]
  readonly roles: readonly Role[]
}

export type TreatyEvent =
  | 'signed' | 'opened-for-signature' | 'adopted' | 'concluded' | 'entered-into-force' | 'implemented'
  | 'extended' | 'suspended' | 'withdrawal-announced' | 'withdrawal' | 'ratification-revoked' | 'snapback'
  | 'termination-day' | 'terminated' | 'expired' | 'superseded'

export interface Treaty {
  readonly id: string
  readonly name: string
  readonly acronyms: readonly string[]
  readonly aliases: readonly string[]
  /** Alpha-2 codes (SU for the Soviet Union, EU), or ["multilateral"]. */
  readonly parties: readonly string[]
  readonly dates: readonly { readonly event: TreatyEvent; readonly date: string; readonly note?: string }[]
  readonly status: 'in-force' | 'not-in-force' | 'suspended' | 'expired' | 'terminated' | 'superseded' | 'defunct'
  readonly note?: string
}

/** Someone holding an office on a given day. */
export interface HeldOffice {
  readonly person: Person
  readonly term: OfficeTerm
  /** The term is marked uncertain, or the day lies past the data's knowledge cut-off. */
  readonly unverified: boolean
}

/** Countries', people's, organisations' and treaties' names in one other language than English (`localized.json`). */
export interface LocalizedNames {
  /** alpha-2 → its names and adjectives in the language, and its capital and seats of power where the language names them its own way. */
  readonly countries: Readonly<Record<string, {
    readonly names: readonly string[]
    readonly adjectives: readonly string[]
    readonly capital?: readonly string[]
    readonly seats?: readonly string[]
  }>>
  /** person id → names as the language's press writes them. */
  readonly persons: Readonly<Record<string, readonly string[]>>
  /** organisation id → its names and acronyms (matched only as written) in the language. */
  readonly organizations?: Readonly<Record<string, LocalizedBody>>
  /** treaty id → its names and acronyms in the language. */
  readonly treaties?: Readonly<Record<string, LocalizedBody>>
}

/** An organisation's or a treaty's names in one language. */
export interface LocalizedBody {
  readonly names: readonly string[]
  readonly acronyms: readonly string[]
}
