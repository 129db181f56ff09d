/**
 * Which tasks a carry-over (结转) moves, pure. Only open work moves (completed and cancelled tasks stay with the
 * plan they were done or dropped in). A task moves with its open sub-tasks at every depth; its closed sub-tasks
 * stay behind. A sub-task cannot be named without its parent while the parent is still open in the same plan:
 * the tree would be split across plans.
 */
import { CLOSED_STATUSES } from '../vocabulary/tasks.js';

const isOpen = (status: string) => !(CLOSED_STATUSES as readonly string[]).includes(status);

export interface CarryCandidate {
  id: string;
  status: string;
  parentId: string | null;
}

export type CarrySelection =
  | { ok: true; ids: string[] }
  /** notInPlan: 404; closed, split: 409. */
  | { ok: false; notInPlan: string[]; closed: string[]; split: string[] };

/** The tasks to move: every open task of the plan when `requested` is absent, else those named and their open sub-tasks. */
export function carrySelection(tasks: readonly CarryCandidate[], requested?: readonly string[]): CarrySelection {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  if (requested === undefined) return { ok: true, ids: tasks.filter((t) => isOpen(t.status)).map((t) => t.id) };
  const named = [...new Set(requested)];
  const notInPlan = named.filter((id) => !byId.has(id));
  const closed = named.filter((id) => byId.has(id) && !isOpen(byId.get(id)!.status));
  if (notInPlan.length > 0 || closed.length > 0) return { ok: false, notInPlan, closed, split: [] };

  const children = new Map<string, CarryCandidate[]>();
  for (const t of tasks) if (t.parentId !== null) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const moving = new Set<string>();
  const add = (id: string) => {
    if (moving.has(id)) return;
    moving.add(id);
    for (const child of children.get(id) ?? []) if (isOpen(child.status)) add(child.id);
  };
  named.forEach(add);
  const split = named.filter((id) => {
    const parent = byId.get(byId.get(id)!.parentId ?? '');
    return parent !== undefined && isOpen(parent.status) && !moving.has(parent.id);
  });
  if (split.length > 0) return { ok: false, notInPlan: [], closed: [], split };
  // The plan's order (parents are not required to come first: the move is one statement).
  return { ok: true, ids: tasks.filter((t) => moving.has(t.id)).map((t) => t.id) };
}

/** The clause a carried task cites in the new plan: the same ref when the new plan has it, else none (kept in the move record). */
export function carriedClause(ref: string | null, targetRefs: ReadonlySet<string>): string | null {
  return ref !== null && targetRefs.has(ref) ? ref : null;
}
