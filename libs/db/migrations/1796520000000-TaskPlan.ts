import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every task belongs to a plan. New versions set plan_id themselves (PlanScope.forNewTask); the
 * trigger gives one to a task inserted without it (by a process of the previous version during a
 * rolling upgrade, or a bare INSERT): the newest plan holding its clause, else the newest plan.
 * It is created before the backfill, in the same transaction, so no plan-less task slips between.
 * plan_id stays nullable in the schema: a NOT NULL would refuse old processes' inserts mid-roll,
 * and an empty database (no plan imported yet) has no plan to give.
 */
export class TaskPlan1796520000000 implements MigrationInterface {
  name = 'TaskPlan1796520000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE OR REPLACE FUNCTION task_default_plan() RETURNS trigger AS $$
BEGIN
  NEW.plan_id := coalesce(
    (SELECT c.plan_id FROM plan_clause c JOIN plan p ON p.id = c.plan_id WHERE c.ref = NEW.clause_ref ORDER BY p.start_year DESC, p.created_at DESC LIMIT 1),
    (SELECT p.id FROM plan p ORDER BY p.start_year DESC, p.created_at DESC LIMIT 1));
  RETURN NEW;
END $$ LANGUAGE plpgsql`);
    await runner.query('CREATE TRIGGER task_default_plan BEFORE INSERT ON "task" FOR EACH ROW WHEN (NEW.plan_id IS NULL) EXECUTE FUNCTION task_default_plan()');
    // A sub-task joins its parent's plan; the others their clause's plan, else the newest plan.
    await runner.query(`UPDATE "task" t SET plan_id = coalesce(
      (SELECT p.plan_id FROM "task" p WHERE p.id = t.parent_id),
      (SELECT c.plan_id FROM plan_clause c JOIN plan p ON p.id = c.plan_id WHERE c.ref = t.clause_ref ORDER BY p.start_year DESC, p.created_at DESC LIMIT 1),
      (SELECT p.id FROM plan p ORDER BY p.start_year DESC, p.created_at DESC LIMIT 1))
     WHERE t.plan_id IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS task_default_plan ON "task"');
    await runner.query('DROP FUNCTION IF EXISTS task_default_plan()');
  }
}
