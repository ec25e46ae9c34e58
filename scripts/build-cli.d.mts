/** Types of scripts/build-cli.mjs, for the bench and tests that import it. */
export declare const ROOT: string
export declare const CLI_BUNDLE: string
export declare const CLI_INPUTS: string
export declare const CLI_EXTERNAL: string[]
export declare function buildCli(): Promise<string>
export declare function cliBundleIsStale(bundle?: string, inputsFile?: string, root?: string): boolean
