import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of what happened to a task (events) beside the ladder's steps: no step
 * (`step_index` null, so the one-per-step key never merges two events), a mark for the next
 * sweep's mail digest, and each user's choice of kinds it takes off mail.
 */
export class EventNotifications1796473881164 implements MigrationInterface {
  name = 'EventNotifications1796473881164';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "notification" ADD "mail_pending" boolean NOT NULL DEFAULT false');
    await runner.query(`ALTER TABLE "app_user" ADD "mail_muted" character varying array NOT NULL DEFAULT '{}'`);
    await runner.query('ALTER TABLE "notification" ALTER COLUMN "step_index" DROP NOT NULL');
    await runner.query('CREATE INDEX "idx_notification_mail_pending" ON "notification" ("created_at") WHERE "mail_pending"');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_notification_mail_pending"');
    await runner.query('DELETE FROM "notification" WHERE "step_index" IS NULL');
    await runner.query('ALTER TABLE "notification" ALTER COLUMN "step_index" SET NOT NULL');
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "mail_muted"');
    await runner.query('ALTER TABLE "notification" DROP COLUMN "mail_pending"');
  }
}
