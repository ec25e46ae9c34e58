/** Text utilities shared by every layer: UTF-8, hashing, import normalization, sentences. */
export { decodeUtf8Strict, encodeUtf8, hasUtf16Bom, looksBinary } from './utf8'
export { sha256Bytes, sha256Hex } from './sha256'
export { isImportNormalized, normalizeImportedText } from './normalize'
export * from './sentences'
