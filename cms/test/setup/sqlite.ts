import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A fresh SQLite file for each test file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-test-'))
delete process.env.DATABASE_URL
process.env.KOTAE_SQLITE_PATH = path.join(dir, 'kotae.db')
process.env.PAYLOAD_SECRET = 'kotae-test-secret-0123456789'
process.env.KOTAE_DISABLE_JOBS = '1'
// The source watch fetches from other sites: off in every test, whatever the shell says (its tests pass their own limits).
process.env.KOTAE_SOURCE_WATCH = 'off'
