/**
 * `node --import tsx test/setup/createUser.ts <email> <role>`: one user in the configured database
 * (a test's fresh database in a child process), for scripts that run as a named person (import-csv --as).
 */
import { getMigratedPayload } from '../../src/lib/payload'

const [email, role] = process.argv.slice(2)
if (!email || !role) {
  console.error('usage: createUser.ts <email> <role>')
  process.exit(2)
}
getMigratedPayload()
  .then(async (payload) => {
    await payload.create({
      collection: 'users',
      data: { email, password: 'correct horse battery', roles: [role], name: role } as never,
    })
    await payload.destroy()
    process.exit(0)
  })
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
