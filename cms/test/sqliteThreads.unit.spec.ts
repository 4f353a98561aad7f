import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sqliteThreadsFor } from '../src/reports/sqliteThreads'

let dir: string
let file: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-threads-'))
  file = path.join(dir, 'r.db')
  const db = new Database(file)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
  for (let i = 0; i < 1000; i++) insert.run(`v${i}`)
  db.close()
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('SQLite reader threads', () => {
  it('answer statements side by side, as array rows, and name a bad statement', async () => {
    const threads = sqliteThreadsFor(file)
    const [a, b, c] = await Promise.all([
      threads.rows('SELECT COUNT(*), MIN(id) FROM t WHERE id >= ?', [1]),
      threads.rows('SELECT v FROM t WHERE id = ?', [500]),
      threads.rows('SELECT SUM(id) FROM t', []),
    ])
    expect(a).toEqual([[1000, 1]])
    expect(b).toEqual([['v499']])
    expect(c).toEqual([[500500]])
    await expect(threads.rows('SELECT nope FROM t', [])).rejects.toThrow(/SQLite: .*nope/)
    // The thread is still there after an error.
    expect(await threads.rows('SELECT COUNT(*) FROM t', [])).toEqual([[1000]])
    threads.release()
  })

  it('are read-only', async () => {
    const threads = sqliteThreadsFor(file)
    await expect(threads.rows('DELETE FROM t', [])).rejects.toThrow(/SQLite/)
    expect(await threads.rows('SELECT COUNT(*) FROM t', [])).toEqual([[1000]])
    threads.release()
  })

  it('see rows written after they started, and a file replaced at the same path', async () => {
    const threads = sqliteThreadsFor(file)
    expect(await threads.rows('SELECT COUNT(*) FROM t', [])).toEqual([[1000]])
    const db = new Database(file)
    db.prepare('INSERT INTO t (v) VALUES (?)').run('later')
    db.close()
    expect(await threads.rows('SELECT COUNT(*) FROM t', [])).toEqual([[1001]])
    threads.release()
    const replacement = path.join(dir, 'new.db')
    const fresh = new Database(replacement)
    fresh.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    fresh.close()
    fs.renameSync(replacement, file)
    const again = sqliteThreadsFor(file)
    expect(await again.rows('SELECT COUNT(*) FROM t', [])).toEqual([[0]])
    again.release()
  })
})
