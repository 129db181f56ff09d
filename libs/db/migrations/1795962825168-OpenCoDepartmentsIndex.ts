import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open tasks by co-department: the department filter of the overdue and open lists becomes a
 * BitmapOr of idx_task_open_lead_due and this index, visiting only open tasks' rows (half the
 * heap pages of the full GIN index on the 100,000-task bench). Written by hand: TypeORM cannot
 * declare a GIN index (the entity marks it `synchronize: false`).
 */
export class OpenCoDepartmentsIndex1795962825168 implements MigrationInterface {
  name = 'OpenCoDepartmentsIndex1795962825168';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "idx_task_open_co_departments" ON "task" USING gin ("co_department_codes") WHERE "status" <> 'completed'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_task_open_co_departments"');
  }
}
