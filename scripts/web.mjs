#!/usr/bin/env node
/**
 * `npm run web`: build the renderer alone and serve it to any browser on
 * http://127.0.0.1:PORT/ (PORT defaults to 5173). Runs until Ctrl+C.
 */
import { localUrl, portFromEnv } from './start-logic.mjs'
import { buildRenderer, serveRenderer } from './renderer-server.mjs'

async function main() {
  const port = portFromEnv(process.env)
  await buildRenderer()
  const server = await serveRenderer(port)
  console.log(`\nCritique Workbench is served at ${localUrl(port)} — open it in a browser. Press Ctrl+C to stop.`)
  const stop = () => {
    void server.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`web: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
