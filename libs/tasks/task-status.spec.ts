import { isOverdue, nextStatus, taskLight, TaskStatus as S, TaskTransition as T } from './task-status.js';

describe('task status machine', () => {
  const table: Array<[S, T, S | null]> = [
    [S.Assigned, T.Accept, S.InProgress],
    [S.Assigned, T.Submit, null],
    [S.Assigned, T.Approve, null],
    [S.Assigned, T.Return, null],
    [S.Assigned, T.Cancel, S.Cancelled],
    [S.InProgress, T.Accept, null],
    [S.InProgress, T.Submit, S.Submitted],
    [S.InProgress, T.SignOff, null],
    [S.InProgress, T.Approve, null],
    [S.InProgress, T.Return, null],
    [S.InProgress, T.Reopen, null],
    [S.LeaderReview, T.SignOff, S.Submitted],
    [S.LeaderReview, T.Approve, null],
    [S.LeaderReview, T.Return, S.InProgress],
    [S.LeaderReview, T.Cancel, S.Cancelled],
    [S.Submitted, T.Accept, null],
    [S.Submitted, T.Submit, null],
    [S.Submitted, T.SignOff, null],
    [S.Submitted, T.Approve, S.Completed],
    [S.Submitted, T.Return, S.InProgress],
    [S.Completed, T.Accept, null],
    [S.Completed, T.Submit, null],
    [S.Completed, T.Approve, null],
    [S.Completed, T.Return, null],
    [S.Completed, T.Cancel, null],
    [S.Completed, T.Reopen, S.InProgress],
    [S.Cancelled, T.Accept, null],
    [S.Cancelled, T.Cancel, null],
    [S.Cancelled, T.Reopen, S.InProgress],
  ];
  it.each(table)('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it('a task that requires sign-off goes to the leader first', () => {
    expect(nextStatus(S.InProgress, T.Submit, true)).toBe(S.LeaderReview);
  });
});

describe('overdue and the traffic light', () => {
  const today = '2026-03-10'; // a Tuesday: three working days on is Friday
  const warnUntil = '2026-03-13';
  it.each([
    [S.InProgress, '2026-03-09', null, true, 'red'],
    [S.InProgress, '2026-03-10', null, false, 'yellow'], // due at the end of today
    [S.Assigned, '2026-03-13', null, false, 'yellow'], // last day of a 3-day window
    [S.Assigned, '2026-03-14', null, false, 'green'],
    [S.Submitted, '2025-01-01', '2025-01-01', false, 'green'], // handed in on the due date: the review's delay is not the department's
    [S.LeaderReview, '2025-01-01', '2025-01-01', false, 'green'],
    [S.Submitted, '2025-01-01', '2025-01-02', true, 'red'], // handed in late stays overdue while it waits
    [S.Submitted, '2026-03-11', '2026-03-09', false, 'yellow'], // not yet due: the window still applies
    [S.Completed, '2025-01-01', null, false, 'green'],
    [S.Cancelled, '2025-01-01', null, false, 'green'],
    [S.InProgress, null, null, false, 'green'], // open-ended (长期坚持): no final deadline, judged on its report periods
    [S.Submitted, null, '2025-01-02', false, 'green'],
  ] as const)('%s due %s submitted %s: overdue=%s, light=%s', (status, dueDate, submittedOn, overdue, light) => {
    expect(isOverdue({ status, dueDate, submittedOn }, today)).toBe(overdue);
    expect(taskLight({ status, dueDate, submittedOn }, today, warnUntil)).toBe(light);
  });
});
