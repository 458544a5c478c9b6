import { SIGNATURE_SLOTS, estimateJaccard } from './minhash.js'

/**
 * Estimated Jaccard similarity of 5-word shingles at or above which two articles are copies of one
 * text (republished wire copy, one article on two sites with different furniture). Wire copy
 * edited for length still shares most shingles; two outlets' own reports of one interview share
 * only the quotes, far below this.
 */
export const NEAR_DUPLICATE_JACCARD = 0.7
/** 16 bands of 8 slots: pairs at Jaccard 0.7 become candidates with probability ≈ 0.93, at 0.5 ≈ 0.06. */
export const LSH_BANDS = 16
const ROWS = SIGNATURE_SLOTS / LSH_BANDS

export interface NearDuplicate<K> {
  readonly key: K
  readonly similarity: number
}

/**
 * Locality-sensitive hashing over MinHash signatures: adding an article costs one lookup per band,
 * so finding every near-duplicate in a corpus grows about linearly with its size. Incremental:
 * articles join at any time and are compared only with their band-mates.
 *
 * @example
 * const index = new NearDuplicateIndex<string>()
 * index.add('a', minhashSignature(textA))
 * index.add('b', minhashSignature(textB)) // [{ key: 'a', similarity: 0.92 }] when b copies a
 */
export class NearDuplicateIndex<K> {
  private readonly bands: Map<number, number[]>[] = Array.from({ length: LSH_BANDS }, () => new Map())
  private readonly keys: K[] = []
  private readonly signatures: Uint32Array[] = []

  get size(): number {
    return this.keys.length
  }

  /** Adds an article and returns the earlier ones it nearly duplicates, most similar first. */
  add(key: K, signature: Uint32Array): NearDuplicate<K>[] {
    const found = this.query(signature)
    const id = this.keys.length
    this.keys.push(key)
    this.signatures.push(signature)
    for (let b = 0; b < LSH_BANDS; b++) {
      const bucket = bandHash(signature, b)
      const list = this.bands[b]!.get(bucket)
      if (list === undefined) this.bands[b]!.set(bucket, [id])
      else list.push(id)
    }
    return found
  }

  /** The indexed articles a signature nearly duplicates, most similar first, without adding it. */
  query(signature: Uint32Array): NearDuplicate<K>[] {
    const seen = new Set<number>()
    const found: NearDuplicate<K>[] = []
    for (let b = 0; b < LSH_BANDS; b++) {
      const list = this.bands[b]!.get(bandHash(signature, b))
      if (list === undefined) continue
      for (const id of list) {
        if (seen.has(id)) continue
        seen.add(id)
        const similarity = estimateJaccard(signature, this.signatures[id]!)
        if (similarity >= NEAR_DUPLICATE_JACCARD) found.push({ key: this.keys[id]!, similarity })
      }
    }
    return found.sort((x, y) => y.similarity - x.similarity)
  }
}

/** 2^32: a band's number times this plus its bucket hash is one integer key per band and bucket. */
const BAND_KEY_STRIDE = 4_294_967_296

/**
 * One key per LSH band, unique across bands (band × 2^32 + bucket), for a store to index: two
 * signatures sharing a key are near-duplicate candidates.
 *
 * @example
 * store.signatureCandidates(bandKeys(minhashSignature(text)))
 */
export function bandKeys(signature: Uint32Array): number[] {
  return Array.from({ length: LSH_BANDS }, (_, b) => b * BAND_KEY_STRIDE + bandHash(signature, b))
}

function bandHash(signature: Uint32Array, band: number): number {
  let h = 0x811c9dc5 ^ band
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) h = Math.imul(h ^ signature[i]!, 0x01000193)
  return h >>> 0
}
