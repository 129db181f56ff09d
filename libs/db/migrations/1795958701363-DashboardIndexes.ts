import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardIndexes1795958701363 implements MigrationInterface {
  name = 'DashboardIndexes1795958701363';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX "idx_task_completed" ON "task"  ("completed_at", "lead_department_code", "due_date") WHERE "status" = \'completed\'');
    await runner.query('CREATE INDEX "idx_task_open_due" ON "task"  ("due_date", "lead_department_code") WHERE "status" <> \'completed\'');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_task_open_due"');
    await runner.query('DROP INDEX "public"."idx_task_completed"');
  }
}
