import { getPayload, type Payload } from 'payload'

import config from '../payload.config'
import { migrateDatabase } from '../db/migrate'

/** A local-API Payload for scripts and tests, with the schema migrated. */
export async function getMigratedPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  return payload
}
