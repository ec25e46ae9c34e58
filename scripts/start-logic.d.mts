/** Types of scripts/start-logic.mjs, for tests that import it. */
export declare const DEFAULT_PORT: number
export declare const ELECTRON_FETCH_TIMEOUT_MS: number
type Env = Record<string, string | undefined>
export interface StartFacts {
  electronPathResolvable: boolean
  canFetchElectron: boolean
  hasDisplay: boolean
  chromiumPath: string | null
}
export type StartPlan =
  | { kind: 'electron' }
  | { kind: 'browser-app'; url: string; browser: string }
  | { kind: 'print-url'; url: string }
export declare function hasDisplay(input: { platform: string; env: Env }): boolean
export declare function shouldTryFetchingElectron(facts: { electronPathResolvable: boolean; hasDisplay: boolean }): boolean
export declare function portFromEnv(env: Env): number
export declare function localUrl(port: number): string
export declare function planStart(facts: StartFacts, url: string): { plan: StartPlan; message: string | null }
export declare function chromiumCandidates(input: { platform: string; env: Env }): string[]
export declare function userDataDir(input: { platform: string; env: Env; home: string; appName: string }): string
export declare function chromiumArgs(input: { url: string; profileDir: string; runningAsRoot: boolean }): string[]
export declare function electronArgs(input: { runningAsRoot: boolean }): string[]
