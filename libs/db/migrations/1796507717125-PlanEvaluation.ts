import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanEvaluation1796507717125 implements MigrationInterface {
  name = 'PlanEvaluation1796507717125';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "plan_evaluation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "as_of" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'draft\', "findings" text NOT NULL DEFAULT \'\', "measures" text NOT NULL DEFAULT \'\', "snapshot" jsonb NOT NULL, "updated_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finalized_by" uuid, "finalized_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_443c1429a88f2010b65d05480ec" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_plan_evaluation" ON "plan_evaluation"  ("plan_id", "as_of") ');
    await runner.query(
      'ALTER TABLE "plan_evaluation" ADD CONSTRAINT "fk_plan_evaluation_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "plan_evaluation" DROP CONSTRAINT "fk_plan_evaluation_plan"');
    await runner.query('DROP INDEX "public"."uq_plan_evaluation"');
    await runner.query('DROP TABLE "plan_evaluation"');
  }
}
