import { availableActions, computeLight, deadlineText, historyActionLabel, lightOf } from './tasks';

describe('computeLight', () => {
  it.each([
    ['in_progress', '2026-03-20', '2026-03-10', 'green'],
    ['in_progress', '2026-03-14', '2026-03-10', 'green'],
    ['in_progress', '2026-03-13', '2026-03-10', 'yellow'],
    ['assigned', '2026-03-10', '2026-03-10', 'yellow'], // due today: not overdue until the day ends
    ['submitted', '2026-03-09', '2026-03-10', 'red'],
    ['completed', '2026-03-01', '2026-03-10', 'green'], // completed work is never red
  ] as const)('%s due %s on %s → %s', (status, due, today, light) => {
    expect(computeLight(status, due, today)).toBe(light);
  });

  it('honours another warning window', () => {
    expect(computeLight('in_progress', '2026-03-17', '2026-03-10', 7)).toBe('yellow');
  });
});

describe('lightOf', () => {
  it("prefers the API's light (counted in working days)", () => {
    expect(lightOf({ status: 'in_progress', dueDate: '2026-03-20', light: 'yellow' }, '2026-03-10')).toBe('yellow');
  });
  it('computes one when the row has none or an unknown one', () => {
    expect(lightOf({ status: 'in_progress', dueDate: '2026-03-01' }, '2026-03-10')).toBe('red');
    expect(lightOf({ status: 'in_progress', dueDate: '2026-03-01', light: 'blue' }, '2026-03-10')).toBe('red');
  });
});

describe('deadlineText', () => {
  it.each([
    ['in_progress', '2026-03-15', '2026-03-10', '还剩 5 天'],
    ['in_progress', '2026-03-10', '2026-03-10', '今天到期'],
    ['in_progress', '2026-03-07', '2026-03-10', '已逾期 3 天'],
    ['completed', '2026-03-07', '2026-03-10', '已办结'],
  ] as const)('%s %s on %s', (status, due, today, text) => {
    expect(deadlineText(status, due, today)).toBe(text);
  });
});

describe('availableActions', () => {
  const task = (status: 'assigned' | 'in_progress' | 'submitted' | 'completed') => ({ status, leadDepartmentCode: 'edu', coDepartmentCodes: ['finance'] });
  const list = (s: Set<string>) => [...s].sort();

  it('lets the lead liaison accept, then report, upload, submit and ask for time', () => {
    expect(list(availableActions('liaison', task('assigned'), 'edu'))).toEqual(['accept', 'evidence', 'extend', 'progress']);
    expect(list(availableActions('liaison', task('in_progress'), 'edu'))).toEqual(['evidence', 'extend', 'progress', 'submit']);
  });

  it('lets a co-department liaison only report and upload', () => {
    expect(list(availableActions('liaison', task('in_progress'), 'finance'))).toEqual(['evidence', 'progress']);
  });

  it('gives another department and a completed task nothing', () => {
    expect(list(availableActions('liaison', task('in_progress'), 'tax'))).toEqual([]);
    expect(list(availableActions('liaison', task('completed'), 'edu'))).toEqual([]);
  });

  it('lets a supervisor approve or return submitted work', () => {
    expect(list(availableActions('supervisor', task('submitted'), null))).toEqual(['approve', 'edit', 'return']);
    expect(list(availableActions('supervisor', task('completed'), null))).toEqual([]);
  });

  it('leaves leaders and reviewers read-only', () => {
    expect(list(availableActions('leader', task('submitted'), 'edu'))).toEqual([]);
    expect(list(availableActions('reviewer', task('submitted'), null))).toEqual([]);
  });
});

it('labels history actions in Chinese and keeps unknown ones', () => {
  expect(historyActionLabel('task.return')).toBe('退回');
  expect(historyActionLabel('evidence.upload')).toBe('上传佐证材料');
  expect(historyActionLabel('something.new')).toBe('something.new');
});
