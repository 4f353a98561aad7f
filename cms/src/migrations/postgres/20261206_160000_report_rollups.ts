// @ts-nocheck -- written by hand (plain tables, not Payload collections): drizzle types differ between adapter copies
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The report's rollup tables (docs/decisions/0045-report-rollups.md), kept by the telephony import and
 * the call-log hooks in their own transactions, and calls.called_again (the 一次完了 repeat flag) with
 * the index it is set from. Empty until `npm run reports:rebuild` fills them and records the rules.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "calls" ADD COLUMN "called_again" integer DEFAULT 0 NOT NULL;`)
  await db.execute(
    sql`CREATE INDEX "calls_caller_category_time_idx" ON "calls" USING btree ("caller_hash", "category_id", "talk_started_at");`,
  )
  await db.execute(sql`CREATE TABLE "report_telephony_slots" (
    "slot_at" int8 NOT NULL, "in_hours" integer NOT NULL, "queue" varchar NOT NULL, "first_at" int8 NOT NULL,
    "offered" integer NOT NULL, "answered" integer NOT NULL, "answered_with_wait" integer NOT NULL,
    "wait_ms" int8 NOT NULL, "answered_within" integer NOT NULL, "short_abandoned" integer NOT NULL,
    PRIMARY KEY ("slot_at", "in_hours", "queue"));`)
  await db.execute(sql`CREATE TABLE "report_call_slots" (
    "slot_at" int8 NOT NULL, "in_hours" integer NOT NULL, "category_id" integer NOT NULL, "outcome" varchar NOT NULL,
    "outbound" integer NOT NULL, "first_at" int8 NOT NULL, "calls" integer NOT NULL, "with_talk" integer NOT NULL,
    "talk_s" float8 NOT NULL, "span_s" float8 NOT NULL, "hold_s" float8 NOT NULL, "acw_s" float8 NOT NULL,
    "cross_checkable" integer NOT NULL, "called_again" integer NOT NULL, "with_faq" integer NOT NULL,
    PRIMARY KEY ("slot_at", "in_hours", "category_id", "outcome", "outbound"));`)
  await db.execute(sql`CREATE TABLE "report_faq_days" (
    "day_at" int8 NOT NULL, "faq_id" integer NOT NULL, "calls" integer NOT NULL, "first_calls" integer NOT NULL,
    PRIMARY KEY ("day_at", "faq_id"));`)
  await db.execute(sql`CREATE TABLE "report_rollup_rules" ("id" integer PRIMARY KEY NOT NULL, "rules" text NOT NULL);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(
    sql`DROP TABLE "report_telephony_slots", "report_call_slots", "report_faq_days", "report_rollup_rules";`,
  )
  await db.execute(sql`DROP INDEX "calls_caller_category_time_idx";`)
  await db.execute(sql`ALTER TABLE "calls" DROP COLUMN "called_again";`)
}
