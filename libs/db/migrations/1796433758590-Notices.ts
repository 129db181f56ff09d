import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796433758590 implements MigrationInterface {
  name = 'Notices1796433758590';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "year" integer NOT NULL, "number" integer NOT NULL, "task_id" uuid NOT NULL, "issued_on" date NOT NULL, "issued_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705062b14410ff1a04998f86d72" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_notice_task_day" ON "notice"  ("task_id", "kind", "issued_on") ');
    await runner.query('CREATE UNIQUE INDEX "uq_notice_number" ON "notice"  ("kind", "year", "number") ');
    await runner.query(
      'ALTER TABLE "notice" ADD CONSTRAINT "fk_notice_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "notice" DROP CONSTRAINT "fk_notice_task"');
    await runner.query('DROP INDEX "public"."uq_notice_number"');
    await runner.query('DROP INDEX "public"."uq_notice_task_day"');
    await runner.query('DROP TABLE "notice"');
  }
}
