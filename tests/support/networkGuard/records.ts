import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

const guardRecord = z.object({
  pid: z.number(),
  kind: z.enum(['process', 'connect', 'lookup', 'udp']),
  argv: z.array(z.string()),
  host: z.string().optional(),
  port: z.number().optional(),
})
export type GuardRecord = z.infer<typeof guardRecord>

/** The records preload.mjs wrote into a folder: the processes it watched, and what they tried to reach outside. */
export function readGuardRecords(dir: string): { processes: GuardRecord[]; outside: GuardRecord[] } {
  const records: GuardRecord[] = []
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)
    lines.forEach((line, i) => {
      const parsed = guardRecord.safeParse(JSON.parse(line))
      if (!parsed.success)
        throw new Error(
          `network guard: ${file} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        )
      records.push(parsed.data)
    })
  }
  return {
    processes: records.filter((r) => r.kind === 'process'),
    outside: records.filter((r) => r.kind !== 'process'),
  }
}
