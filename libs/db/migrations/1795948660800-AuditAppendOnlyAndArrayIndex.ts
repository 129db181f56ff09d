import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What TypeORM cannot declare: a GIN index for co-department lookups, and an append-only audit log. */
export class AuditAppendOnlyAndArrayIndex1795948660800 implements MigrationInterface {
  name = 'AuditAppendOnlyAndArrayIndex1795948660800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "idx_task_co_departments" ON "task" USING gin ("co_department_codes")`);
    await runner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await runner.query(`DROP FUNCTION audit_log_append_only()`);
    await runner.query(`DROP INDEX "idx_task_co_departments"`);
  }
}
