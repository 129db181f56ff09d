import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments of each task as rows (see TaskDepartmentEntity), kept by a trigger so
 * that no write path of the application (nor a hand-written UPDATE) can forget it: any
 * insert, or an update of the lead, co-departments, deadline or status of a task,
 * rewrites its rows in the same transaction. Existing tasks are copied in.
 */
const SYNC_FUNCTION = `
CREATE FUNCTION task_department_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.lead_department_code = OLD.lead_department_code
     AND NEW.co_department_codes = OLD.co_department_codes THEN
    -- Same departments: only the copied deadline and status can have changed.
    IF NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.status IS DISTINCT FROM OLD.status THEN
      UPDATE task_department SET due_date = NEW.due_date, status = NEW.status WHERE task_id = NEW.id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM task_department WHERE task_id = NEW.id;
  END IF;
  INSERT INTO task_department (task_id, department_code, due_date, status)
  SELECT DISTINCT NEW.id, unnest(ARRAY[NEW.lead_department_code] || NEW.co_department_codes), NEW.due_date, NEW.status;
  RETURN NULL;
END $$`;

export class TaskDepartment1795969213996 implements MigrationInterface {
  name = 'TaskDepartment1795969213996';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "task_department" ("task_id" uuid NOT NULL, "department_code" character varying(64) NOT NULL, "due_date" date NOT NULL, "status" character varying(20) NOT NULL, CONSTRAINT "PK_7981ee373291e8bd97d67a4d8fa" PRIMARY KEY ("task_id", "department_code"))',
    );
    await runner.query(
      'CREATE INDEX "idx_task_department_open_due" ON "task_department"  ("department_code", "due_date", "task_id") WHERE "status" <> \'completed\'',
    );
    await runner.query('CREATE INDEX "idx_task_department_due" ON "task_department"  ("department_code", "due_date", "task_id") ');
    await runner.query(
      'ALTER TABLE "task_department" ADD CONSTRAINT "fk_task_department_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(SYNC_FUNCTION);
    await runner.query(`CREATE TRIGGER task_department_sync AFTER INSERT OR UPDATE OF lead_department_code, co_department_codes, due_date, status
                        ON task FOR EACH ROW EXECUTE FUNCTION task_department_sync()`);
    await runner.query(`INSERT INTO task_department (task_id, department_code, due_date, status)
                        SELECT DISTINCT id, unnest(ARRAY[lead_department_code] || co_department_codes), due_date, status FROM task`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER task_department_sync ON task');
    await runner.query('DROP FUNCTION task_department_sync()');
    await runner.query('ALTER TABLE "task_department" DROP CONSTRAINT "fk_task_department_task"');
    await runner.query('DROP INDEX "public"."idx_task_department_due"');
    await runner.query('DROP INDEX "public"."idx_task_department_open_due"');
    await runner.query('DROP TABLE "task_department"');
  }
}
