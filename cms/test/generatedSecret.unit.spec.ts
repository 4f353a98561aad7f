import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { generatedSecret } from '../src/lib/generatedSecret'

const modeOf = (p: string) => fs.statSync(p).mode & 0o777
const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-secret-'))

describe('generatedSecret: one secret per file, whoever starts first', () => {
  it('creates the folder and an owner-only file, reuses it, and leaves no draft beside it', () => {
    const file = path.join(folder(), 'data', '.caller-salt')
    const secret = generatedSecret(file)
    expect(secret).toMatch(/^[\w-]{43}$/)
    expect(modeOf(file)).toBe(0o600)
    expect(generatedSecret(file)).toBe(secret)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['.caller-salt'])
  })

  it('keeps the secret already there (written by another process or restored from a backup)', () => {
    const file = path.join(folder(), '.payload-secret')
    fs.writeFileSync(file, 'restored-payload-secret-0123456789\n', { mode: 0o600 })
    expect(generatedSecret(file)).toBe('restored-payload-secret-0123456789')
    expect(fs.readdirSync(path.dirname(file))).toEqual(['.payload-secret'])
  })
})
