import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskOwningSupervisor1796434330807 implements MigrationInterface {
  name = 'TaskOwningSupervisor1796434330807';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task" ADD "supervisor_id" uuid');
    // Existing tasks: owned by the supervisor who created them (seeded tasks keep none, so every supervisor, as before).
    await runner.query("UPDATE task t SET supervisor_id = t.created_by FROM app_user u WHERE u.id = t.created_by AND u.role = 'supervisor'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task" DROP COLUMN "supervisor_id"');
  }
}
