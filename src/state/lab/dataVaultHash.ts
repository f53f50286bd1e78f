/**
 * The fingerprint a user's data is kept and linked under: SHA-256 of the text's UTF-8 bytes, as 64 lower-case
 * hex digits (the form `sha256sum` prints). Equal texts have equal hashes, so a file loaded twice is kept once
 * and a link names exactly one text.
 */
export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/

/** True for a string in the exact form of `hashText`'s result (links and export files are checked with it). */
export function isContentHash(v: unknown): v is string {
  return typeof v === 'string' && CONTENT_HASH_PATTERN.test(v)
}

/**
 * SHA-256 of `text` (UTF-8) in hex, with the browser's `crypto.subtle` (also in Node). Rejects where
 * `crypto.subtle` is missing (a page served over plain http from another host is not a secure context):
 * the caller then loads the data without keeping it.
 */
export async function hashText(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (subtle === undefined) throw new Error('crypto.subtle is not available')
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}
