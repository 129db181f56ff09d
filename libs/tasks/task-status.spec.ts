import { isOverdue, nextStatus, taskLight, TaskStatus as S, TaskTransition as T } from './task-status.js';

describe('task status machine', () => {
  const table: Array<[S, T, S | null]> = [
    [S.Assigned, T.Accept, S.InProgress],
    [S.Assigned, T.Submit, null],
    [S.Assigned, T.Approve, null],
    [S.Assigned, T.Return, null],
    [S.InProgress, T.Accept, null],
    [S.InProgress, T.Submit, S.Submitted],
    [S.InProgress, T.Approve, null],
    [S.InProgress, T.Return, null],
    [S.Submitted, T.Accept, null],
    [S.Submitted, T.Submit, null],
    [S.Submitted, T.Approve, S.Completed],
    [S.Submitted, T.Return, S.InProgress],
    [S.Completed, T.Accept, null],
    [S.Completed, T.Submit, null],
    [S.Completed, T.Approve, null],
    [S.Completed, T.Return, null],
  ];
  it.each(table)('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });
});

describe('overdue and the traffic light', () => {
  const today = '2026-03-10'; // a Tuesday: three working days on is Friday
  const warnUntil = '2026-03-13';
  it.each([
    [S.InProgress, '2026-03-09', true, 'red'],
    [S.InProgress, '2026-03-10', false, 'yellow'], // due at the end of today
    [S.Assigned, '2026-03-13', false, 'yellow'], // last day of a 3-day window
    [S.Assigned, '2026-03-14', false, 'green'],
    [S.Submitted, '2025-01-01', true, 'red'], // submitted but not approved is still overdue
    [S.Completed, '2025-01-01', false, 'green'],
  ] as const)('%s due %s: overdue=%s, light=%s', (status, due, overdue, light) => {
    expect(isOverdue(status, due, today)).toBe(overdue);
    expect(taskLight(status, due, today, warnUntil)).toBe(light);
  });
});
