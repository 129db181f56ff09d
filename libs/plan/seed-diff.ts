/**
 * Compares validated seeds with what the database holds and lists what to create
 * and what to update, field by field. Pure. Records are compared in "seed space":
 * plans and parent tasks by code, not by the database's uuids, so a re-import of
 * unchanged seeds finds nothing to do.
 */
import type { DepartmentEntity } from '../db/entities/department.entity.js';
import type { DutyEntity } from '../db/entities/duty.entity.js';
import type { IndicatorEntity } from '../db/entities/indicator.entity.js';
import type { PlanClauseEntity, PlanEntity, PlanSectionEntity } from '../db/entities/plan.entity.js';
import type { SeedTaskRow } from '../db/repositories/seed.repository.js';
import type { SeedProblem } from './seed-files.js';
import type { SeedOrigin, SeedPlan } from './seed-validate.js';

/** Kinds of seeded record, named as their tables (and as audit entity types). */
export const SEED_KINDS = ['plan', 'plan_section', 'plan_clause', 'department', 'duty', 'indicator', 'task'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];

export type FieldValue = string | number | boolean | null | string[];
export type Fields = Record<string, FieldValue>;

/**
 * One record. `key` is unique within its kind (sections and clauses: plan code and
 * section code or ref). `plan` fields hold plan codes and a task's `parent` the
 * parent's code; the importer turns them into ids.
 */
export interface SeedRecord {
  kind: SeedKind;
  key: string;
  fields: Fields;
  origin?: SeedOrigin;
}

export interface StoredRecord extends SeedRecord {
  /** The row's id: its uuid, or its code for tables keyed by code. */
  id: string;
}

export interface SeedUpdate {
  kind: SeedKind;
  key: string;
  id: string;
  origin?: SeedOrigin;
  /** Only the fields that change. */
  before: Fields;
  after: Fields;
}

export interface SeedDiff {
  create: SeedRecord[];
  update: SeedUpdate[];
  unchanged: number;
  /** Stored records of the imported plans that the seeds no longer list; kept, as work may point to them. */
  missing: StoredRecord[];
}

/** The records the seeds describe. Departments are shared: the first folder naming one sets its order. */
export function desiredRecords(plans: SeedPlan[]): SeedRecord[] {
  const records: SeedRecord[] = [];
  const departments = new Map<string, SeedRecord>();
  for (const p of plans) {
    const plan = p.code;
    records.push({
      kind: 'plan',
      key: plan,
      origin: p.origin,
      fields: { title: p.title, startYear: p.startYear, endYear: p.endYear, timezone: p.timezone, preamble: p.preamble },
    });
    for (const s of p.sections) {
      records.push({
        kind: 'plan_section',
        key: `${plan} ${s.code}`,
        origin: s.origin,
        fields: { plan, code: s.code, parentCode: s.parentCode, title: s.title, text: s.text, ordinal: s.ordinal },
      });
    }
    for (const c of p.clauses) {
      records.push({
        kind: 'plan_clause',
        key: `${plan} ${c.ref}`,
        origin: c.origin,
        fields: { plan, ref: c.ref, sectionCode: c.sectionCode, text: c.text, ordinal: c.ordinal },
      });
    }
    for (const d of p.departments) {
      if (!departments.has(d.code))
        departments.set(d.code, { kind: 'department', key: d.code, origin: d.origin, fields: { name: d.name, aliases: d.aliases, ordinal: departments.size } });
    }
    for (const d of p.duties) {
      records.push({
        kind: 'duty',
        key: d.code,
        origin: d.origin,
        fields: { plan, departmentCode: d.departmentCode, clauseRef: d.clauseRef, text: d.text, ordinal: d.ordinal },
      });
    }
    for (const { code, origin, ...i } of p.indicators) {
      records.push({ kind: 'indicator', key: code, origin, fields: { plan, ...i } });
    }
    for (const { code, origin, parentCode, ...t } of p.tasks) {
      records.push({ kind: 'task', key: code, origin, fields: { plan, ...t, parent: parentCode } });
    }
  }
  return [...records, ...departments.values()];
}

export interface SeedSnapshot {
  plans: PlanEntity[];
  sections: PlanSectionEntity[];
  clauses: PlanClauseEntity[];
  departments: DepartmentEntity[];
  duties: DutyEntity[];
  indicators: IndicatorEntity[];
  tasks: SeedTaskRow[];
}

/** The database's records in the same shape as `desiredRecords`. */
export function storedRecords(s: SeedSnapshot): StoredRecord[] {
  const planCode = new Map(s.plans.map((p) => [p.id, p.code]));
  const plan = (id: string | null) => (id === null ? null : (planCode.get(id) ?? id));
  const taskCode = new Map(s.tasks.map((t) => [t.id, t.code]));
  return [
    ...s.plans.map((p) => ({
      kind: 'plan' as const,
      key: p.code,
      id: p.id,
      fields: { title: p.title, startYear: p.startYear, endYear: p.endYear, timezone: p.timezone, preamble: p.preamble },
    })),
    ...s.sections.map((x) => ({
      kind: 'plan_section' as const,
      key: `${plan(x.planId)} ${x.code}`,
      id: x.id,
      fields: { plan: plan(x.planId), code: x.code, parentCode: x.parentCode, title: x.title, text: x.text, ordinal: x.ordinal },
    })),
    ...s.clauses.map((c) => ({
      kind: 'plan_clause' as const,
      key: `${plan(c.planId)} ${c.ref}`,
      id: c.id,
      fields: { plan: plan(c.planId), ref: c.ref, sectionCode: c.sectionCode, text: c.text, ordinal: c.ordinal },
    })),
    ...s.departments.map((d) => ({ kind: 'department' as const, key: d.code, id: d.code, fields: { name: d.name, aliases: d.aliases, ordinal: d.ordinal } })),
    ...s.duties.map((d) => ({
      kind: 'duty' as const,
      key: d.code,
      id: d.code,
      fields: { plan: plan(d.planId), departmentCode: d.departmentCode, clauseRef: d.clauseRef, text: d.text, ordinal: d.ordinal },
    })),
    ...s.indicators.map(({ code, planId, plan: _relation, department: _department, ...i }) => ({
      kind: 'indicator' as const,
      key: code,
      id: code,
      fields: { plan: plan(planId), ...i },
    })),
    ...s.tasks.map(({ id, code, planId, parentId, ...t }) => ({
      kind: 'task' as const,
      key: code,
      id,
      fields: { plan: plan(planId), ...t, parent: parentId === null ? null : (taskCode.get(parentId) ?? parentId) },
    })),
  ];
}

/**
 * Codes are global, so a duty, indicator or task code that a different plan already
 * owns in the database cannot be taken over by these seeds.
 */
export function ownershipProblems(desired: SeedRecord[], stored: StoredRecord[]): SeedProblem[] {
  const owner = new Map(
    stored.filter((r) => 'plan' in r.fields && r.kind !== 'plan_section' && r.kind !== 'plan_clause').map((r) => [`${r.kind} ${r.key}`, r.fields.plan]),
  );
  return desired.flatMap((r) => {
    const current = owner.get(`${r.kind} ${r.key}`);
    if (current === undefined || current === null || current === r.fields.plan) return [];
    const origin = r.origin ?? { file: '(seeds)', entry: r.key };
    return [{ ...origin, field: 'code', message: `${r.key} 已属于规划 ${String(current)}；代码在所有规划间必须唯一，请换一个代码` }];
  });
}

/** What to create and update so the database matches `desired`; `importedPlans` scopes `missing`. */
export function diffRecords(desired: SeedRecord[], stored: StoredRecord[], importedPlans: ReadonlySet<string>): SeedDiff {
  const current = new Map(stored.map((r) => [`${r.kind} ${r.key}`, r]));
  const wanted = new Set(desired.map((r) => `${r.kind} ${r.key}`));
  const diff: SeedDiff = { create: [], update: [], unchanged: 0, missing: [] };
  for (const record of desired) {
    const existing = current.get(`${record.kind} ${record.key}`);
    if (!existing) {
      diff.create.push(record);
      continue;
    }
    const before: Fields = {};
    const after: Fields = {};
    for (const [field, value] of Object.entries(record.fields)) {
      if (!sameValue(existing.fields[field], value)) {
        before[field] = existing.fields[field] ?? null;
        after[field] = value;
      }
    }
    if (Object.keys(after).length === 0) diff.unchanged += 1;
    else diff.update.push({ kind: record.kind, key: record.key, id: existing.id, origin: record.origin, before, after });
  }
  for (const record of stored) {
    const plan = record.kind === 'plan' ? record.key : record.fields.plan;
    if (typeof plan === 'string' && importedPlans.has(plan) && !wanted.has(`${record.kind} ${record.key}`)) diff.missing.push(record);
  }
  diff.create = inWriteOrder(diff.create);
  return diff;
}

function sameValue(a: FieldValue | undefined, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Creation order that satisfies the foreign keys (`SEED_KINDS` is in that order),
 * with parent tasks before their sub-tasks.
 */
export function inWriteOrder(records: SeedRecord[]): SeedRecord[] {
  const byKind = [...records].sort((a, b) => SEED_KINDS.indexOf(a.kind) - SEED_KINDS.indexOf(b.kind));
  const tasks = byKind.filter((r) => r.kind === 'task');
  const pending = new Map(tasks.map((t) => [t.key, t]));
  const ordered: SeedRecord[] = [];
  const visit = (task: SeedRecord) => {
    if (!pending.delete(task.key)) return;
    const parent = pending.get(task.fields.parent as string);
    if (parent) visit(parent);
    ordered.push(task);
  };
  for (const task of tasks) visit(task);
  return [...byKind.filter((r) => r.kind !== 'task'), ...ordered];
}

/** The table columns of a record's `fields`: plan codes become plan ids and a task's parent code its id. */
export function toColumns(
  record: Pick<SeedRecord, 'kind' | 'key'>,
  fields: Fields,
  idOf: (kind: SeedKind, key: string) => string | undefined,
  withKey: boolean,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  // Sections and clauses carry their code and ref among their fields; the others are keyed by code.
  if (withKey && record.kind !== 'plan_section' && record.kind !== 'plan_clause') columns.code = record.key;
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'plan') columns.planId = value === null ? null : idOf('plan', value as string);
    else if (record.kind === 'task' && field === 'parent') columns.parentId = value === null ? null : idOf('task', value as string);
    else columns[field] = value;
  }
  return columns;
}
