/**
 * Vitest global setup of the `server` project: one throwaway PostgreSQL 15
 * cluster for all server tests (each file makes its own database on it),
 * removed when the run ends. Tests read its URL with `inject('pgUrl')`.
 */
import type { TestProject } from 'vitest/node'
import { startPgCluster } from './pg-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string
    pgPort: number
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPgCluster()
  project.provide('pgUrl', cluster.url)
  project.provide('pgPort', cluster.port)
  return () => cluster.stop()
}
