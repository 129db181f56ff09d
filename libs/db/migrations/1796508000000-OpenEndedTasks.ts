import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open-ended tasks (长期坚持): a task with a reporting cycle may have no final deadline (due_date null; the
 * task_department copy and an event notification's date follow), and report periods may start from a given day.
 * The indexes on due_date stay as they are: nulls sort last, which is where lists put open-ended tasks.
 */
export class OpenEndedTasks1796508000000 implements MigrationInterface {
  name = 'OpenEndedTasks1796508000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task" ADD "report_from" date');
    await runner.query('ALTER TABLE "task" ALTER COLUMN "due_date" DROP NOT NULL');
    await runner.query('ALTER TABLE "task_department" ALTER COLUMN "due_date" DROP NOT NULL');
    await runner.query('ALTER TABLE "notification" ALTER COLUMN "due_date" DROP NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    // Open-ended tasks cannot be kept without a deadline: they get the last day of the year they were created in.
    await runner.query(`UPDATE "task" SET "due_date" = make_date(extract(year FROM "created_at")::int, 12, 31) WHERE "due_date" IS NULL`);
    await runner.query(`DELETE FROM "notification" WHERE "due_date" IS NULL`);
    await runner.query('ALTER TABLE "notification" ALTER COLUMN "due_date" SET NOT NULL');
    await runner.query('ALTER TABLE "task_department" ALTER COLUMN "due_date" SET NOT NULL');
    await runner.query('ALTER TABLE "task" ALTER COLUMN "due_date" SET NOT NULL');
    await runner.query('ALTER TABLE "task" DROP COLUMN "report_from"');
  }
}
