import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readGuardRecords } from '../support/networkGuard/records'
import { guardedNodeOptions } from '../support/networkGuard/setup'

/**
 * The guard itself: a Node process under it may reach this machine, and every attempt to go
 * further (an address, a host name, fetch, https) is refused before a packet leaves and recorded.
 * The records go to a folder of this spec's own, so the run's teardown does not count them.
 */
const run = promisify(execFile)
let server: http.Server
let port = 0
let dir = ''

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('local'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-guard-spec-'))
})
afterAll(() => {
  server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs a script in a guarded Node process and returns what it printed. */
async function guarded(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, E2E_NETWORK_GUARD_DIR: dir, NODE_OPTIONS: guardedNodeOptions(undefined) },
  })
  return stdout.trim()
}

describe('network guard', () => {
  it('lets a process reach this machine', async () => {
    expect(await guarded(`console.log(await (await fetch('http://127.0.0.1:${port}/')).text())`)).toBe(
      'local',
    )
    expect(await guarded(`console.log(await (await fetch('http://localhost:${port}/')).text())`)).toBe(
      'local',
    )
    expect(readGuardRecords(dir).outside).toEqual([])
  })

  it('refuses and records a connection to an outside address, a host name, fetch and https', async () => {
    const script = `
      import net from 'node:net'
      import https from 'node:https'
      import dns from 'node:dns/promises'
      const outcome = (p) => p.then(() => 'reached', (e) => e.code)
      const viaNet = await new Promise((resolve) => net.connect(443, '192.0.2.10').on('connect', () => resolve('reached')).on('error', (e) => resolve(e.code)))
      const viaHttps = await new Promise((resolve) => https.get('https://telemetry.example/ping', () => resolve('reached')).on('error', (e) => resolve(e.code)))
      console.log([viaNet, viaHttps, await outcome(fetch('http://198.51.100.7/')), await outcome(dns.lookup('updates.example'))].join(' '))`
    const printed = await guarded(script)
    expect(printed.split(' ').slice(0, 2)).toEqual(['ECONNREFUSED', 'ECONNREFUSED'])
    expect(printed).not.toContain('reached')
    const hosts = readGuardRecords(dir).outside.map((r) => r.host)
    expect(hosts).toEqual(
      expect.arrayContaining(['192.0.2.10', 'telemetry.example', '198.51.100.7', 'updates.example']),
    )
  })
})
