/** Types of scripts/gen-w3c-validators.mjs, for tests that import it. */
export declare const MUST_LISTS: readonly string[]
/** The generated validator module and its declarations, as the script would write them. */
export declare function generateW3cValidatorCode(): { js: string; dts: string }
