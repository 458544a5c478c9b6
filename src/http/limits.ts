/** Sizes the server accepts, in bytes or counts; every one is checked before the work it bounds. */
export interface ServerLimits {
  /** A JSON request body (`POST /api/import` with URLs). */
  readonly maxJsonBytes: number
  /** One multipart upload request, all files together. */
  readonly maxUploadBytes: number
  /** One uploaded file. */
  readonly maxFileBytes: number
  /** Files in one upload. */
  readonly maxFiles: number
  /** URLs in one import. */
  readonly maxUrls: number
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxJsonBytes: 256 * 1024,
  maxUploadBytes: 100 * 1024 * 1024,
  maxFileBytes: 25 * 1024 * 1024,
  maxFiles: 500,
  maxUrls: 200,
}
