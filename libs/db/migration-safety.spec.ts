import type { QueryRunner } from 'typeorm';
import { migrationEffect, statementEffect } from './migration-safety.js';
import { MIGRATIONS } from './migrations/index.js';
import { ROLLING_UPGRADE } from './migrations/rolling.js';

describe('statementEffect', () => {
  it.each([
    ['CREATE TABLE "notice" ("id" uuid NOT NULL)', 'expand'],
    ['CREATE UNIQUE INDEX "uq_plan_code" ON "plan" ("code")', 'expand'],
    ['DROP INDEX "public"."idx_task_open_co_departments"', 'expand'],
    ['DROP INDEX "public"."uq_notification_step"', 'review'],
    ['ALTER TABLE "task" ADD "supervisor_id" uuid', 'expand'],
    ['ALTER TABLE "task" ADD "require_sign_off" boolean NOT NULL DEFAULT false', 'expand'],
    ['ALTER TABLE "task" ADD "weight" integer NOT NULL', 'contract'],
    ['ALTER TABLE "task" ADD CONSTRAINT "fk_x" FOREIGN KEY ("x") REFERENCES "y"("id")', 'expand'],
    ['ALTER TABLE "task" ADD CONSTRAINT "chk_x" CHECK (x > 0)', 'review'],
    ['ALTER TABLE "task" ALTER COLUMN "due_date" DROP NOT NULL', 'expand'],
    ['ALTER TABLE "task" ALTER COLUMN "due_date" SET NOT NULL', 'contract'],
    ['ALTER TABLE "task" ALTER COLUMN "title" TYPE text', 'contract'],
    ['ALTER TABLE "task" ALTER COLUMN "status" DROP DEFAULT', 'contract'],
    ['ALTER TABLE "task" DROP COLUMN "duty_code"', 'contract'],
    ['ALTER TABLE "task" RENAME COLUMN "a" TO "b"', 'contract'],
    ['ALTER TABLE "task" DROP CONSTRAINT "fk_x"', 'expand'],
    ['DROP TABLE "notice"', 'contract'],
    ['CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN END $$', 'review'],
    ['UPDATE task SET supervisor_id = created_by', 'review'],
    ['VACUUM task', 'review'],
  ])('%s → %s', (sql, effect) => expect(statementEffect(sql).effect).toBe(effect));
});

/** The statements a migration's `up` issues (they only call `query`). */
async function statementsOf(migration: (typeof MIGRATIONS)[number]): Promise<string[]> {
  const statements: string[] = [];
  const runner = { query: (sql: string) => Promise.resolve(void statements.push(sql)) } as unknown as QueryRunner;
  await new migration().up(runner);
  return statements;
}

describe('every migration is fit for a rolling upgrade, or declared not to be', () => {
  it.each(MIGRATIONS.map((m) => [new m().name ?? m.name, m] as const))('%s', async (name, migration) => {
    const effect = migrationEffect(await statementsOf(migration));
    const declared = ROLLING_UPGRADE[name];
    if (effect === 'contract') expect({ name, online: declared?.online }).toEqual({ name, online: false });
    if (effect === 'review') expect({ name, verdict: typeof declared?.why }).toEqual({ name, verdict: 'string' });
    if (effect === 'expand') expect({ name, declared }).toEqual({ name, declared: undefined });
  });

  it('declares only migrations that exist', () => {
    const names = new Set(MIGRATIONS.map((m) => new m().name));
    expect(Object.keys(ROLLING_UPGRADE).filter((n) => !names.has(n))).toEqual([]);
  });
});
