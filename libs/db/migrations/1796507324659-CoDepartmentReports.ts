import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 配合单位反馈: a task's co-departments may owe their own report periods; a co-department's reminders are keyed by it. */
export class CoDepartmentReports1796507324659 implements MigrationInterface {
  name = 'CoDepartmentReports1796507324659';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."uq_notification_step"');
    await runner.query('ALTER TABLE "notification" ADD "co_department_code" character varying(64) NOT NULL DEFAULT \'\'');
    await runner.query('ALTER TABLE "task" ADD "co_departments_report" boolean NOT NULL DEFAULT false');
    await runner.query(
      'CREATE UNIQUE INDEX "uq_notification_step" ON "notification"  ("task_id", "step_index", "recipient_id", "due_date", "co_department_code") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."uq_notification_step"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "co_departments_report"');
    await runner.query('ALTER TABLE "notification" DROP COLUMN "co_department_code"');
    await runner.query('CREATE UNIQUE INDEX "uq_notification_step" ON "notification" ("task_id", "step_index", "recipient_id", "due_date") ');
  }
}
