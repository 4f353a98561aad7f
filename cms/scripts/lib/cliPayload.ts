import { getPayload, type Payload } from 'payload'

import { migrateDatabase } from '../../src/db/migrate'
import { cliLogger } from '../../src/logging/logger'
import config from '../../src/payload.config'

/**
 * Runs a CLI's work on a local-API Payload of the configured database, the schema migrated first.
 * Payload's own log lines go to standard error, warnings only; Payload is closed afterwards
 * whatever happens, so the process can exit.
 */
export async function withCliPayload<T>(work: (payload: Payload) => Promise<T>): Promise<T> {
  const payload = await getPayload({ config: { ...(await config), logger: cliLogger() } })
  try {
    await migrateDatabase(payload)
    return await work(payload)
  } finally {
    await payload.destroy()
  }
}
