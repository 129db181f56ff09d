import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicators and their yearly values; what the seed importer needs of the plan tables
 * (plan time zone and preamble, clause order, duty ownership and task → duty links) and
 * the foreign keys the plan tables lacked.
 */
export class Indicators1795949158647 implements MigrationInterface {
  name = 'Indicators1795949158647';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "indicator" ("code" character varying(100) NOT NULL, "plan_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "unit" character varying(20) NOT NULL, "comparator" character varying(2) NOT NULL, "target" numeric NOT NULL, "target_year" integer NOT NULL, "baseline" numeric, "baseline_year" integer, "department_code" character varying(64) NOT NULL, "clause_ref" character varying(100) NOT NULL, "source_text" text NOT NULL, "baseline_clause_ref" character varying(100), "baseline_source_text" text, "derived" boolean NOT NULL DEFAULT false, "note" text, "ordinal" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_843bf8c0de69be8ea15fdc25fb7" PRIMARY KEY ("code"))',
    );
    await runner.query('CREATE INDEX "idx_indicator_department" ON "indicator"  ("department_code") ');
    await runner.query(
      'CREATE TABLE "indicator_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_code" character varying(100) NOT NULL, "year" integer NOT NULL, "value" numeric NOT NULL, "note" text, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "reported_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea77b6059a4a7f24be8e748d541" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_indicator_value_year" ON "indicator_value"  ("indicator_code", "year") ');
    await runner.query('ALTER TABLE "duty" ADD "plan_id" uuid');
    await runner.query('ALTER TABLE "plan" ADD "timezone" character varying(64) NOT NULL DEFAULT \'Asia/Shanghai\'');
    await runner.query('ALTER TABLE "plan" ADD "preamble" text NOT NULL DEFAULT \'\'');
    await runner.query('ALTER TABLE "plan_clause" ADD "ordinal" integer NOT NULL DEFAULT \'0\'');
    await runner.query('ALTER TABLE "task" ADD "duty_code" character varying(100)');
    await runner.query('CREATE INDEX "idx_task_plan" ON "task"  ("plan_id") ');
    await runner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "fk_plan_id_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "indicator" ADD CONSTRAINT "fk_plan_id_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "indicator" ADD CONSTRAINT "fk_department_code_department" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "indicator_value" ADD CONSTRAINT "fk_indicator_code_indicator" FOREIGN KEY ("indicator_code") REFERENCES "indicator"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "plan_section" ADD CONSTRAINT "fk_plan_id_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "plan_clause" ADD CONSTRAINT "fk_plan_id_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "fk_plan_id_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "fk_duty_code_duty" FOREIGN KEY ("duty_code") REFERENCES "duty"("code") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task" DROP CONSTRAINT "fk_duty_code_duty"');
    await runner.query('ALTER TABLE "task" DROP CONSTRAINT "fk_plan_id_plan"');
    await runner.query('ALTER TABLE "plan_clause" DROP CONSTRAINT "fk_plan_id_plan"');
    await runner.query('ALTER TABLE "plan_section" DROP CONSTRAINT "fk_plan_id_plan"');
    await runner.query('ALTER TABLE "indicator_value" DROP CONSTRAINT "fk_indicator_code_indicator"');
    await runner.query('ALTER TABLE "indicator" DROP CONSTRAINT "fk_department_code_department"');
    await runner.query('ALTER TABLE "indicator" DROP CONSTRAINT "fk_plan_id_plan"');
    await runner.query('ALTER TABLE "duty" DROP CONSTRAINT "fk_plan_id_plan"');
    await runner.query('DROP INDEX "public"."idx_task_plan"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "duty_code"');
    await runner.query('ALTER TABLE "plan_clause" DROP COLUMN "ordinal"');
    await runner.query('ALTER TABLE "plan" DROP COLUMN "preamble"');
    await runner.query('ALTER TABLE "plan" DROP COLUMN "timezone"');
    await runner.query('ALTER TABLE "duty" DROP COLUMN "plan_id"');
    await runner.query('DROP INDEX "public"."uq_indicator_value_year"');
    await runner.query('DROP TABLE "indicator_value"');
    await runner.query('DROP INDEX "public"."idx_indicator_department"');
    await runner.query('DROP TABLE "indicator"');
  }
}
