import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingCycles1796473131107 implements MigrationInterface {
  name = 'ReportingCycles1796473131107';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "progress_report" ADD "period" character varying(7)');
    await runner.query('ALTER TABLE "task" ADD "report_every" character varying(8)');
    await runner.query('ALTER TABLE "task" ADD "report_due_day" smallint NOT NULL DEFAULT \'5\'');
    await runner.query('CREATE INDEX "idx_progress_period" ON "progress_report"  ("task_id", "period", "created_at") WHERE "period" IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_progress_period"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "report_due_day"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "report_every"');
    await runner.query('ALTER TABLE "progress_report" DROP COLUMN "period"');
  }
}
