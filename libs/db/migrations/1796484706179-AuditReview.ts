import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditReview1796484706179 implements MigrationInterface {
  name = 'AuditReview1796484706179';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "audit_log" ADD "ip" character varying(64)');
    await runner.query('CREATE INDEX "idx_audit_action" ON "audit_log"  ("action", "seq") ');
    await runner.query('CREATE INDEX "idx_audit_actor" ON "audit_log"  ("actor_id", "seq") ');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."idx_audit_actor"');
    await runner.query('DROP INDEX "public"."idx_audit_action"');
    await runner.query('ALTER TABLE "audit_log" DROP COLUMN "ip"');
  }
}
