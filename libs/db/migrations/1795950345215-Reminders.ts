import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795950345215 implements MigrationInterface {
  name = 'Reminders1795950345215';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "calendar_day" ("date" date NOT NULL, "kind" character varying(20) NOT NULL, "note" character varying(200) NOT NULL DEFAULT \'\', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_82404934db32af18c10dfe7087e" PRIMARY KEY ("date"))',
    );
    await runner.query(
      'CREATE TABLE "delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(20) NOT NULL, "recipient_id" uuid, "department_code" character varying(64), "target" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ffad7bf84e68716cd9af89003b0" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_delivery_status" ON "delivery"  ("status", "created_at") ');
    await runner.query('CREATE INDEX "idx_delivery_pending" ON "delivery"  ("created_at") WHERE "status" = \'pending\'');
    await runner.query(
      'CREATE TABLE "department_webhook" ("department_code" character varying(64) NOT NULL, "kind" character varying(20) NOT NULL, "url" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_35c2f998618a939e8c441958de1" PRIMARY KEY ("department_code"))',
    );
    await runner.query(
      'CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "step_index" integer NOT NULL, "step_at" character varying(40) NOT NULL, "recipient_id" uuid NOT NULL, "due_date" date NOT NULL, "template" character varying(40) NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "delivery_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_notification_delivery" ON "notification"  ("delivery_id") ');
    await runner.query('CREATE INDEX "idx_notification_recipient" ON "notification"  ("recipient_id", "created_at") ');
    await runner.query('CREATE UNIQUE INDEX "uq_notification_step" ON "notification"  ("task_id", "step_index", "recipient_id", "due_date") ');
    await runner.query('ALTER TABLE "task" ADD "ladder_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()');
    await runner.query('ALTER TABLE "task" ADD "next_reminder_at" TIMESTAMP WITH TIME ZONE DEFAULT now()');
    await runner.query('CREATE INDEX "idx_task_next_reminder" ON "task"  ("next_reminder_at") WHERE "next_reminder_at" IS NOT NULL');
    await runner.query(
      'ALTER TABLE "department_webhook" ADD CONSTRAINT "fk_department_webhook_department" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_recipient" FOREIGN KEY ("recipient_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_recipient"');
    await runner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_task"');
    await runner.query('ALTER TABLE "department_webhook" DROP CONSTRAINT "fk_department_webhook_department"');
    await runner.query('DROP INDEX "public"."idx_task_next_reminder"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "next_reminder_at"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "ladder_from"');
    await runner.query('DROP INDEX "public"."uq_notification_step"');
    await runner.query('DROP INDEX "public"."idx_notification_recipient"');
    await runner.query('DROP INDEX "public"."idx_notification_delivery"');
    await runner.query('DROP TABLE "notification"');
    await runner.query('DROP TABLE "department_webhook"');
    await runner.query('DROP INDEX "public"."idx_delivery_pending"');
    await runner.query('DROP INDEX "public"."idx_delivery_status"');
    await runner.query('DROP TABLE "delivery"');
    await runner.query('DROP TABLE "calendar_day"');
  }
}
