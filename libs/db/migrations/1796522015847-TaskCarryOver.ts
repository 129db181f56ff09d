import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Carry-over (结转) records: which plan a task was in before it moved (libs/db/entities/task-carry-over.entity.ts). Only adds a table. */
export class TaskCarryOver1796522015847 implements MigrationInterface {
  name = 'TaskCarryOver1796522015847';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "task_carry_over" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "task_id" uuid NOT NULL, "from_plan_id" uuid NOT NULL, "to_plan_id" uuid NOT NULL, "from_clause_ref" character varying(100), "to_clause_ref" character varying(100), "status" character varying(20) NOT NULL, "moved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "moved_by" uuid, CONSTRAINT "PK_ce3ddfd617ecc079dc8200ed128" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_task_carry_over_to" ON "task_carry_over"  ("to_plan_id") ');
    await runner.query('CREATE INDEX "idx_task_carry_over_from" ON "task_carry_over"  ("from_plan_id") ');
    await runner.query('CREATE INDEX "idx_task_carry_over_task" ON "task_carry_over"  ("task_id", "moved_at") ');
    await runner.query(
      'ALTER TABLE "task_carry_over" ADD CONSTRAINT "fk_task_carry_over_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task_carry_over" ADD CONSTRAINT "fk_task_carry_over_from_plan" FOREIGN KEY ("from_plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task_carry_over" ADD CONSTRAINT "fk_task_carry_over_to_plan" FOREIGN KEY ("to_plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task_carry_over" ADD CONSTRAINT "fk_task_carry_over_moved_by" FOREIGN KEY ("moved_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task_carry_over" DROP CONSTRAINT "fk_task_carry_over_moved_by"');
    await runner.query('ALTER TABLE "task_carry_over" DROP CONSTRAINT "fk_task_carry_over_to_plan"');
    await runner.query('ALTER TABLE "task_carry_over" DROP CONSTRAINT "fk_task_carry_over_from_plan"');
    await runner.query('ALTER TABLE "task_carry_over" DROP CONSTRAINT "fk_task_carry_over_task"');
    await runner.query('DROP INDEX "public"."idx_task_carry_over_task"');
    await runner.query('DROP INDEX "public"."idx_task_carry_over_from"');
    await runner.query('DROP INDEX "public"."idx_task_carry_over_to"');
    await runner.query('DROP TABLE "task_carry_over"');
  }
}
