import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leader sign-off (`require_sign_off`), cancellation (`cancelled_at`), and the submission's
 * time copied into task_department so a department's overdue list can spare work waiting for
 * review after an on-time submission (the fair clock) without reading every task.
 */
const SYNC_FUNCTION = `
CREATE OR REPLACE FUNCTION task_department_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.lead_department_code = OLD.lead_department_code
     AND NEW.co_department_codes = OLD.co_department_codes THEN
    -- Same departments: only the copied deadline, status and submission can have changed.
    IF NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.status IS DISTINCT FROM OLD.status
       OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
      UPDATE task_department SET due_date = NEW.due_date, status = NEW.status, submitted_at = NEW.submitted_at WHERE task_id = NEW.id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM task_department WHERE task_id = NEW.id;
  END IF;
  INSERT INTO task_department (task_id, department_code, due_date, status, submitted_at)
  SELECT DISTINCT NEW.id, unnest(ARRAY[NEW.lead_department_code] || NEW.co_department_codes), NEW.due_date, NEW.status, NEW.submitted_at;
  RETURN NULL;
END $$`;

/** TaskDepartment1795969213996's function, restored by `down`. */
const PREVIOUS_SYNC_FUNCTION = `
CREATE OR REPLACE FUNCTION task_department_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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

export class SignOffCancel1796471270085 implements MigrationInterface {
  name = 'SignOffCancel1796471270085';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "task_department" ADD "submitted_at" TIMESTAMP WITH TIME ZONE');
    await runner.query('ALTER TABLE "task" ADD "require_sign_off" boolean NOT NULL DEFAULT false');
    await runner.query('ALTER TABLE "task" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE');
    await runner.query(SYNC_FUNCTION);
    await runner.query('DROP TRIGGER task_department_sync ON task');
    await runner.query(`CREATE TRIGGER task_department_sync AFTER INSERT OR UPDATE OF lead_department_code, co_department_codes, due_date, status, submitted_at
                        ON task FOR EACH ROW EXECUTE FUNCTION task_department_sync()`);
    await runner.query('UPDATE task_department td SET submitted_at = t.submitted_at FROM task t WHERE t.id = td.task_id AND t.submitted_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER task_department_sync ON task');
    await runner.query(`CREATE TRIGGER task_department_sync AFTER INSERT OR UPDATE OF lead_department_code, co_department_codes, due_date, status
                        ON task FOR EACH ROW EXECUTE FUNCTION task_department_sync()`);
    await runner.query('ALTER TABLE "task" DROP COLUMN "cancelled_at"');
    await runner.query('ALTER TABLE "task" DROP COLUMN "require_sign_off"');
    await runner.query(PREVIOUS_SYNC_FUNCTION);
    await runner.query('ALTER TABLE "task_department" DROP COLUMN "submitted_at"');
  }
}
