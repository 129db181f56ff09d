import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795948660765 implements MigrationInterface {
  name = 'Initial1795948660765';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(100) NOT NULL, "task_id" uuid, "before" jsonb, "after" jsonb, "detail" jsonb, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))',
    );
    await runner.query('CREATE INDEX "idx_audit_entity" ON "audit_log"  ("entity_type", "entity_id") ');
    await runner.query('CREATE INDEX "idx_audit_task" ON "audit_log"  ("task_id", "seq") ');
    await runner.query(
      'CREATE TABLE "department" ("code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "ordinal" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62690f4fe31da9eb824d909285f" PRIMARY KEY ("code"))',
    );
    await runner.query(
      'CREATE TABLE "duty" ("code" character varying(100) NOT NULL, "department_code" character varying(64) NOT NULL, "clause_ref" character varying(100), "text" text NOT NULL, "ordinal" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_ccb78d20143e6e936efd194a3c5" PRIMARY KEY ("code"))',
    );
    await runner.query('CREATE INDEX "idx_duty_department" ON "duty"  ("department_code", "ordinal") ');
    await runner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_code" character varying(64) NOT NULL, "uploaded_by" uuid NOT NULL, "filename" character varying(255) NOT NULL, "mime_type" character varying(127) NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_evidence_task" ON "evidence"  ("task_id", "created_at") ');
    await runner.query(
      'CREATE TABLE "extension_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "current_due_date" date NOT NULL, "requested_due_date" date NOT NULL, "reason" text NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'pending\', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa783aff51254a4e5739909d199" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_extension_pending" ON "extension_request"  ("task_id") WHERE "status" = \'pending\'');
    await runner.query('CREATE INDEX "idx_extension_task" ON "extension_request"  ("task_id", "created_at") ');
    await runner.query(
      'CREATE TABLE "plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(100) NOT NULL, "title" character varying(300) NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_plan_code" ON "plan"  ("code") ');
    await runner.query(
      'CREATE TABLE "plan_section" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" character varying(100) NOT NULL, "parent_code" character varying(100), "title" text NOT NULL, "text" text NOT NULL DEFAULT \'\', "ordinal" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_46ce0afc710ff959e1f78ff86e2" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_plan_section" ON "plan_section"  ("plan_id", "code") ');
    await runner.query(
      'CREATE TABLE "plan_clause" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "ref" character varying(100) NOT NULL, "section_code" character varying(100) NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_fb0b4cfd52871a0156399908c86" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_plan_clause_ref" ON "plan_clause"  ("ref") ');
    await runner.query('CREATE UNIQUE INDEX "uq_plan_clause" ON "plan_clause"  ("plan_id", "ref") ');
    await runner.query(
      'CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "author_id" uuid NOT NULL, "department_code" character varying(64) NOT NULL, "kind" character varying(20) NOT NULL DEFAULT \'progress\', "note" text NOT NULL, "percent" integer, "evidence_ids" uuid array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_progress_task" ON "progress_report"  ("task_id", "created_at") ');
    await runner.query(
      'CREATE TABLE "system_setting" ("key" character varying(100) NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_c6ce0e35b3c0d67dca93523ba1b" PRIMARY KEY ("key"))',
    );
    await runner.query(
      'CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(100), "plan_id" uuid, "title" character varying(300) NOT NULL, "description" text NOT NULL DEFAULT \'\', "lead_department_code" character varying(64) NOT NULL, "co_department_codes" character varying array NOT NULL DEFAULT \'{}\', "assignee_id" uuid, "due_date" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'assigned\', "version" integer NOT NULL DEFAULT \'1\', "parent_id" uuid, "clause_ref" character varying(100), "indicator_codes" character varying array NOT NULL DEFAULT \'{}\', "return_reason" text, "grade" character varying(20), "percent" integer NOT NULL DEFAULT \'0\', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_task_code" ON "task"  ("code") ');
    await runner.query('CREATE INDEX "idx_task_assignee" ON "task"  ("assignee_id") ');
    await runner.query('CREATE INDEX "idx_task_parent" ON "task"  ("parent_id") ');
    await runner.query('CREATE INDEX "idx_task_due" ON "task"  ("due_date") ');
    await runner.query('CREATE INDEX "idx_task_status_due" ON "task"  ("status", "due_date") ');
    await runner.query('CREATE INDEX "idx_task_lead_status" ON "task"  ("lead_department_code", "status") ');
    await runner.query('CREATE INDEX "idx_task_open_lead_due" ON "task"  ("lead_department_code", "due_date") WHERE "status" <> \'completed\'');
    await runner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(20) NOT NULL, "department_code" character varying(64), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE UNIQUE INDEX "uq_user_email" ON "app_user"  ("email") ');
    await runner.query('CREATE INDEX "idx_user_department_role" ON "app_user"  ("department_code", "role") ');
    await runner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "fk_department_code_department" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "fk_task_id_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "extension_request" ADD CONSTRAINT "fk_task_id_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_task_id_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "fk_lead_department_code_leadDepartment" FOREIGN KEY ("lead_department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "fk_assignee_id_assignee" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "fk_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "fk_department_code_department" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "app_user" DROP CONSTRAINT "fk_department_code_department"');
    await runner.query('ALTER TABLE "task" DROP CONSTRAINT "fk_parent_id_parent"');
    await runner.query('ALTER TABLE "task" DROP CONSTRAINT "fk_assignee_id_assignee"');
    await runner.query('ALTER TABLE "task" DROP CONSTRAINT "fk_lead_department_code_leadDepartment"');
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_task_id_task"');
    await runner.query('ALTER TABLE "extension_request" DROP CONSTRAINT "fk_task_id_task"');
    await runner.query('ALTER TABLE "evidence" DROP CONSTRAINT "fk_task_id_task"');
    await runner.query('ALTER TABLE "duty" DROP CONSTRAINT "fk_department_code_department"');
    await runner.query('DROP INDEX "public"."idx_user_department_role"');
    await runner.query('DROP INDEX "public"."uq_user_email"');
    await runner.query('DROP TABLE "app_user"');
    await runner.query('DROP INDEX "public"."idx_task_open_lead_due"');
    await runner.query('DROP INDEX "public"."idx_task_lead_status"');
    await runner.query('DROP INDEX "public"."idx_task_status_due"');
    await runner.query('DROP INDEX "public"."idx_task_due"');
    await runner.query('DROP INDEX "public"."idx_task_parent"');
    await runner.query('DROP INDEX "public"."idx_task_assignee"');
    await runner.query('DROP INDEX "public"."uq_task_code"');
    await runner.query('DROP TABLE "task"');
    await runner.query('DROP TABLE "system_setting"');
    await runner.query('DROP INDEX "public"."idx_progress_task"');
    await runner.query('DROP TABLE "progress_report"');
    await runner.query('DROP INDEX "public"."uq_plan_clause"');
    await runner.query('DROP INDEX "public"."idx_plan_clause_ref"');
    await runner.query('DROP TABLE "plan_clause"');
    await runner.query('DROP INDEX "public"."uq_plan_section"');
    await runner.query('DROP TABLE "plan_section"');
    await runner.query('DROP INDEX "public"."uq_plan_code"');
    await runner.query('DROP TABLE "plan"');
    await runner.query('DROP INDEX "public"."idx_extension_task"');
    await runner.query('DROP INDEX "public"."uq_extension_pending"');
    await runner.query('DROP TABLE "extension_request"');
    await runner.query('DROP INDEX "public"."idx_evidence_task"');
    await runner.query('DROP TABLE "evidence"');
    await runner.query('DROP INDEX "public"."idx_duty_department"');
    await runner.query('DROP TABLE "duty"');
    await runner.query('DROP TABLE "department"');
    await runner.query('DROP INDEX "public"."idx_audit_task"');
    await runner.query('DROP INDEX "public"."idx_audit_entity"');
    await runner.query('DROP TABLE "audit_log"');
  }
}
