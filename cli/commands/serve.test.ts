import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main } from '../main'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** A loopback port nothing listens on: bound once to learn a free one, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function critique(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} })
  return { code, stdout, stderr }
}

describe('critique serve: a database it cannot reach', () => {
  for (const args of [['user', 'list'], ['user', 'add', 'Aiko', '--team', 'blue']]) {
    it(`serve ${args.join(' ')} says so in one line, naming the server but not the password`, async () => {
      const url = `postgres://postgres:s3cret@127.0.0.1:${await closedPort()}/team`
      const { code, stdout, stderr } = await critique(['serve', ...args, '--database-url', url])
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/^critique serve: Could not connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/team: .*ECONNREFUSED/)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).not.toContain('s3cret')
    })
  }
})
