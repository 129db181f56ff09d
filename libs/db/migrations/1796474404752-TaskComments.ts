import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskComments1796474404752 implements MigrationInterface {
  name = 'TaskComments1796474404752';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "task_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "instruction" boolean NOT NULL DEFAULT false, "mentioned_user_ids" uuid array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_28da4411b195bfc3c451cfa21ff" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "idx_task_comment_task" ON "task_comment"  ("task_id", "created_at") ');
    await runner.query(
      'ALTER TABLE "task_comment" ADD CONSTRAINT "fk_task_comment_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "task_comment" ADD CONSTRAINT "fk_task_comment_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task_comment" DROP CONSTRAINT "fk_task_comment_author"');
    await runner.query('ALTER TABLE "task_comment" DROP CONSTRAINT "fk_task_comment_task"');
    await runner.query('DROP INDEX "public"."idx_task_comment_task"');
    await runner.query('DROP TABLE "task_comment"');
  }
}
