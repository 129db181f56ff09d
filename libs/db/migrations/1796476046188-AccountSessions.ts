import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSessions1796476046188 implements MigrationInterface {
  name = 'AccountSessions1796476046188';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_reason" character varying(20), "ip" character varying(64), CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_user_session_open" ON "user_session"  ("user_id") WHERE "ended_at" IS NULL');
    await runner.query('ALTER TABLE "app_user" ADD "failed_logins" integer NOT NULL DEFAULT \'0\'');
    await runner.query('ALTER TABLE "app_user" ADD "first_failed_at" TIMESTAMP WITH TIME ZONE');
    await runner.query('ALTER TABLE "app_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE');
    await runner.query('ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false');
    await runner.query('ALTER TABLE "app_user" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await runner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "user_session" DROP CONSTRAINT "fk_user_session_user"');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "version"');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "must_change_password"');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "locked_until"');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "first_failed_at"');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "failed_logins"');
    await runner.query('DROP INDEX "public"."idx_user_session_open"');
    await runner.query('DROP TABLE "user_session"');
  }
}
