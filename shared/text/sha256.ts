/**
 * SHA-256 for article identity (`urn:sha256:...`), which must be computed the
 * same way in the renderer, the main process and the CLI, and synchronously:
 * WebCrypto's digest is asynchronous and node:crypto exists only in Node, so
 * the hash comes from @noble/hashes (audited, pure TypeScript, synchronous).
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { encodeUtf8 } from './utf8'

/**
 * Lowercase hex SHA-256 digest of `bytes`. Never throws.
 */
export function sha256Bytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}

/**
 * Lowercase hex SHA-256 of the UTF-8 encoding of `text` (lone surrogates
 * encoded as U+FFFD, as TextEncoder does). Never throws.
 */
export function sha256Hex(text: string): string {
  return sha256Bytes(encodeUtf8(text))
}
