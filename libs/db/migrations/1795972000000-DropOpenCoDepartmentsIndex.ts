import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department lists and the calendar feed now read task_department (migration TaskDepartment),
 * so the partial GIN index of open tasks' co-departments serves nothing and only costs writes.
 */
export class DropOpenCoDepartmentsIndex1795972000000 implements MigrationInterface {
  name = 'DropOpenCoDepartmentsIndex1795972000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_task_open_co_departments"');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "idx_task_open_co_departments" ON "task" USING gin ("co_department_codes") WHERE "status" <> 'completed'`);
  }
}
