import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A fresh SQLite file for each test file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-test-'))
delete process.env.DATABASE_URL
process.env.KOTAE_SQLITE_PATH = path.join(dir, 'kotae.db')
process.env.PAYLOAD_SECRET = 'kotae-test-secret-0123456789'
process.env.KOTAE_DISABLE_JOBS = '1'
