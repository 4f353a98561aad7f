/**
 * Preloaded (`node --import`) into every Node process of an e2e run, through NODE_OPTIONS: the
 * test servers, `npm start`'s Next.js build and its workers, the Astro site build. It records each
 * process, and records and refuses every connection or name lookup that would leave this machine.
 * The e2e run's global teardown (networkGuard/setup.ts) fails if any was recorded
 * (docs/SECURITY.md, "Nothing is sent outside").
 *
 * Written by hand: no library records sockets across child processes. It wraps public APIs only
 * (net.Socket#connect, which http, https, tls and fetch all reach; dns.lookup; dgram sends).
 * Active only when E2E_NETWORK_GUARD_DIR names the folder for the records (not KOTAE_: Kotae refuses
 * settings it does not know).
 */
import dgram from 'node:dgram'
import dns from 'node:dns'
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import path from 'node:path'

const dir = process.env.E2E_NETWORK_GUARD_DIR

/** A host that stays on this machine: loopback addresses, the unspecified address, localhost names. */
function isLocalHost(host) {
  if (host === undefined || host === null || host === '') return true // Node's default is localhost
  const name = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (net.isIPv4(name)) return name.startsWith('127.') || name === '0.0.0.0'
  if (net.isIPv6(name))
    return name === '::1' || name === '::' || /^::ffff:127\./.test(name) || name === '0:0:0:0:0:0:0:1'
  return false
}

function record(entry) {
  fs.appendFileSync(
    path.join(dir, `${process.pid}.jsonl`),
    `${JSON.stringify({ pid: process.pid, ...entry })}\n`,
  )
}

function refusal(what) {
  return Object.assign(new Error(`network guard: ${what} refused: it would leave this machine`), {
    code: 'ECONNREFUSED',
  })
}

if (dir) {
  record({ kind: 'process', argv: process.argv.slice(1, 4) })

  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // net.connect() passes its arguments already normalised, as one array.
    const list = Array.isArray(args[0]) ? args[0] : args
    const first = list[0]
    let host
    let port
    let pipe
    if (first !== null && typeof first === 'object') ({ host, port, path: pipe } = first)
    else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
      [port, host] = [first, typeof list[1] === 'string' ? list[1] : undefined]
    else if (typeof first === 'string') pipe = first
    if (!pipe && !isLocalHost(host)) {
      record({ kind: 'connect', host: String(host), port: Number(port), argv: process.argv.slice(1, 4) })
      process.nextTick(() => this.destroy(refusal(`connection to ${host}:${port}`)))
      return this
    }
    return connect.apply(this, args)
  }

  const lookup = dns.lookup
  dns.lookup = function guardedLookup(hostname, ...rest) {
    if (isLocalHost(hostname) || net.isIP(String(hostname))) return lookup.call(this, hostname, ...rest)
    record({ kind: 'lookup', host: String(hostname), argv: process.argv.slice(1, 4) })
    const callback = rest.find((a) => typeof a === 'function')
    if (callback)
      process.nextTick(() => callback(Object.assign(refusal(`lookup of ${hostname}`), { code: 'ENOTFOUND' })))
    return {}
  }
  const promiseLookup = dns.promises.lookup
  dns.promises.lookup = async function guardedPromiseLookup(hostname, ...rest) {
    if (isLocalHost(hostname) || net.isIP(String(hostname)))
      return promiseLookup.call(this, hostname, ...rest)
    record({ kind: 'lookup', host: String(hostname), argv: process.argv.slice(1, 4) })
    throw Object.assign(refusal(`lookup of ${hostname}`), { code: 'ENOTFOUND' })
  }

  const send = dgram.Socket.prototype.send
  dgram.Socket.prototype.send = function guardedSend(...args) {
    // send(msg[, offset, length], port[, address][, callback]): the address is the string after the port.
    const portAt = args.findIndex(
      (a, i) =>
        i > 0 &&
        typeof a === 'number' &&
        (typeof args[i + 1] === 'string' || typeof args[i + 1] === 'function' || args[i + 1] === undefined),
    )
    const address = portAt > 0 && typeof args[portAt + 1] === 'string' ? args[portAt + 1] : undefined
    if (portAt > 0 && !isLocalHost(address)) {
      record({ kind: 'udp', host: String(address), port: args[portAt], argv: process.argv.slice(1, 4) })
      return
    }
    return send.apply(this, args)
  }

  syncBuiltinESMExports()
}
