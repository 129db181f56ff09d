/**
 * Whether a migration may run while processes of the previous version still serve (a rolling upgrade: start the
 * new processes, which migrate, then stop the old ones). Migrations that only add (`expand` in
 * libs/db/migration-safety.ts) need no entry. A migration that contracts the schema must be listed here as
 * offline (stop every old process first), and one that changes what old writes do (a trigger, a backfill, a new
 * check) must be listed with a person's verdict and why; `migration-safety.spec.ts` holds every migration to this.
 */
export const ROLLING_UPGRADE: Record<string, { online: boolean; why: string }> = {
  AuditAppendOnlyAndArrayIndex1795948660800: {
    online: true,
    why: 'the trigger refuses UPDATE, DELETE and TRUNCATE of audit_log, which no version ever issues',
  },
  TaskDepartment1795969213996: {
    online: true,
    why: 'the trigger is created before the backfill in the same transaction, so tasks old processes write afterwards are copied by the trigger',
  },
  TaskOwningSupervisor1796434330807: {
    online: true,
    why: 'tasks old processes create during the roll keep supervisor_id null, the state of a task an administrator created: every supervisor may act on it',
  },
  CoDepartmentReports1796507324659: {
    online: true,
    why: 'uq_notification_step gains a column; only the reminder sweep names it in ON CONFLICT, and it runs in the workers, which are stopped before an upgrade (DEPLOY.md §7)',
  },
  SignOffCancel1796471270085: {
    online: true,
    why: 'the trigger that copies submitted_at replaces the old one in the same transaction as the backfill, so submissions old processes make afterwards are copied',
  },
  TaskPlan1796520000000: {
    online: true,
    why: "the trigger is created before the backfill in the same transaction, so tasks old processes insert without a plan afterwards get one (their clause's plan, else the newest); plan_id stays nullable, so no old insert is refused",
  },
};
