// @ts-nocheck -- written by hand (a plain table, not a Payload collection): drizzle types differ between adapter copies
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Closed months' reports frozen as stored JSON (docs/decisions/0051-report-lines-and-frozen-months.md):
 * one row per JST month, written by `npm run reports:freeze`, served as is until unfrozen.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE TABLE "report_frozen_months" (
    "month" varchar PRIMARY KEY NOT NULL, "frozen_at" varchar NOT NULL, "loaded" text NOT NULL, "counts" text NOT NULL);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE "report_frozen_months";`)
}
