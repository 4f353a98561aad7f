import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ownerOnlyDatabaseFile } from '../src/db/adapter'

const modeOf = (p: string) => fs.statSync(p).mode & 0o777

describe('ownerOnlyDatabaseFile: the SQLite file is readable by its owner only', () => {
  it('creates a new file 0600 in a new folder 0700, whatever the umask', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-modes-'))
    const file = path.join(root, 'data', 'kotae.db')
    const umask = process.umask(0o022)
    try {
      ownerOnlyDatabaseFile(file)
    } finally {
      process.umask(umask)
    }
    expect(modeOf(file)).toBe(0o600)
    expect(modeOf(path.dirname(file))).toBe(0o700)
  })

  it('tightens an existing world-readable file and keeps its content', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-modes-'))
    const file = path.join(root, 'kotae.db')
    fs.writeFileSync(file, 'data', { mode: 0o644 })
    fs.chmodSync(file, 0o644)
    ownerOnlyDatabaseFile(file)
    expect(modeOf(file)).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).toBe('data')
  })
})
