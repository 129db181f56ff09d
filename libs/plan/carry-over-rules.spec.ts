import { carriedClause, carrySelection, type CarryCandidate } from './carry-over-rules.js';

// A tree: p (open) with a (open, child g open), b (completed); q (completed) with r (open); s (cancelled).
const TASKS: CarryCandidate[] = [
  { id: 'p', status: 'in_progress', parentId: null },
  { id: 'a', status: 'assigned', parentId: 'p' },
  { id: 'g', status: 'submitted', parentId: 'a' },
  { id: 'b', status: 'completed', parentId: 'p' },
  { id: 'q', status: 'completed', parentId: null },
  { id: 'r', status: 'leader_review', parentId: 'q' },
  { id: 's', status: 'cancelled', parentId: null },
];

describe('carrySelection', () => {
  it.each<[string, string[] | undefined, ReturnType<typeof carrySelection>]>([
    ['every open task when none is named', undefined, { ok: true, ids: ['p', 'a', 'g', 'r'] }],
    ['a parent with its open sub-tasks at every depth; the completed one stays', ['p'], { ok: true, ids: ['p', 'a', 'g'] }],
    ['an open sub-task of a closed parent alone', ['r'], { ok: true, ids: ['r'] }],
    ['names given twice once', ['p', 'p', 'a'], { ok: true, ids: ['p', 'a', 'g'] }],
    ['a sub-task without its open parent: the tree would split', ['a'], { ok: false, notInPlan: [], closed: [], split: ['a'] }],
    ['completed and cancelled tasks', ['p', 'b', 's'], { ok: false, notInPlan: [], closed: ['b', 's'], split: [] }],
    ['tasks not in the plan', ['x', 'p'], { ok: false, notInPlan: ['x'], closed: [], split: [] }],
  ])('%s', (_, requested, expected) => {
    expect(carrySelection(TASKS, requested)).toEqual(expected);
  });
});

describe('carriedClause', () => {
  it.each([
    ['五(一)', '五(一)'],
    ['七(二)财政部门', null],
    [null, null],
  ])('%s → %s', (ref, expected) => {
    expect(carriedClause(ref, new Set(['五(一)', '二#1']))).toBe(expected);
  });
});
