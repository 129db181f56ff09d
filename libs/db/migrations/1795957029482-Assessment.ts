import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessment1795957029482 implements MigrationInterface {
  name = 'Assessment1795957029482';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "assessment_cycle" ("year" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'open\', "opened_by" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finalized_by" uuid, "finalized_at" TIMESTAMP WITH TIME ZONE, "snapshot" jsonb, CONSTRAINT "PK_be6a4f9d4dd491640823cefcde1" PRIMARY KEY ("year"))',
    );
    await runner.query(
      'CREATE TABLE "assessment_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "department_code" character varying(64) NOT NULL, "reviewer_id" uuid NOT NULL, "score" numeric(5,2) NOT NULL, "comment" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3455c8cd02e8ca1ebed762d481" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_assessment_score" ON "assessment_score"  ("year", "department_code", "reviewer_id") ');
    await runner.query(
      'CREATE TABLE "assessment_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "format" character varying(10) NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'queued\', "progress" integer NOT NULL DEFAULT \'0\', "error" text, "content" bytea, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_441abaf982dbcca3e921ad7c049" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_assessment_report_year" ON "assessment_report"  ("year", "created_at") ');
    await runner.query(
      'CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_calendar_feed_active_user" ON "calendar_feed"  ("user_id") WHERE "revoked_at" IS NULL');
    await runner.query('CREATE UNIQUE INDEX "uq_calendar_feed_token" ON "calendar_feed"  ("token_hash") ');
    await runner.query(
      'ALTER TABLE "assessment_score" ADD CONSTRAINT "fk_assessment_score_cycle" FOREIGN KEY ("year") REFERENCES "assessment_cycle"("year") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "assessment_score" ADD CONSTRAINT "fk_assessment_score_department" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "assessment_score" ADD CONSTRAINT "fk_assessment_score_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "assessment_report" ADD CONSTRAINT "fk_assessment_report_cycle" FOREIGN KEY ("year") REFERENCES "assessment_cycle"("year") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "calendar_feed" ADD CONSTRAINT "fk_calendar_feed_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "calendar_feed" DROP CONSTRAINT "fk_calendar_feed_user"');
    await runner.query('ALTER TABLE "assessment_report" DROP CONSTRAINT "fk_assessment_report_cycle"');
    await runner.query('ALTER TABLE "assessment_score" DROP CONSTRAINT "fk_assessment_score_reviewer"');
    await runner.query('ALTER TABLE "assessment_score" DROP CONSTRAINT "fk_assessment_score_department"');
    await runner.query('ALTER TABLE "assessment_score" DROP CONSTRAINT "fk_assessment_score_cycle"');
    await runner.query('DROP INDEX "public"."uq_calendar_feed_token"');
    await runner.query('DROP INDEX "public"."uq_calendar_feed_active_user"');
    await runner.query('DROP TABLE "calendar_feed"');
    await runner.query('DROP INDEX "public"."idx_assessment_report_year"');
    await runner.query('DROP TABLE "assessment_report"');
    await runner.query('DROP INDEX "public"."uq_assessment_score"');
    await runner.query('DROP TABLE "assessment_score"');
    await runner.query('DROP TABLE "assessment_cycle"');
  }
}
