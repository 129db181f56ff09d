import { grantsOf } from '../../../../libs/auth/permissions';
import type { Role as ServerRole } from '../../../../libs/common/roles';
import { availableActions, computeLight, deadlineText, historyActionLabel, historyDetail, lightOf, periodLabel, type Role, type TaskStatus } from './tasks';

describe('computeLight', () => {
  it.each([
    ['in_progress', '2026-03-20', '2026-03-10', 'green'],
    ['in_progress', '2026-03-14', '2026-03-10', 'green'],
    ['in_progress', '2026-03-13', '2026-03-10', 'yellow'],
    ['assigned', '2026-03-10', '2026-03-10', 'yellow'], // due today: not overdue until the day ends
    ['submitted', '2026-03-09', '2026-03-10', 'red'],
    ['completed', '2026-03-01', '2026-03-10', 'green'], // completed work is never red
    ['in_progress', null, '2026-03-10', 'green'], // open-ended (长期坚持): no final deadline
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
    ['in_progress', null, '2026-03-10', '按周期报送'],
  ] as const)('%s %s on %s', (status, due, today, text) => {
    expect(deadlineText(status, due, today)).toBe(text);
  });
});

describe('availableActions', () => {
  const task = (status: TaskStatus) => ({ status, leadDepartmentCode: 'edu', coDepartmentCodes: ['finance'] });
  const list = (s: Set<string>) => [...s].sort();
  // The permissions the API would send this role (GET /me): the console's rules run on the server's own table.
  const as = (role: Role, departmentCode: string | null) => ({ role, departmentCode, permissions: grantsOf(role as ServerRole) });

  it('lets the lead liaison accept, then report, upload, submit and ask for time', () => {
    expect(list(availableActions(as('liaison', 'edu'), task('assigned')))).toEqual(['accept', 'evidence', 'extend', 'progress', 'split']);
    expect(list(availableActions(as('liaison', 'edu'), task('in_progress')))).toEqual(['evidence', 'extend', 'progress', 'split', 'submit']);
  });

  it('lets no one report progress on submitted work, but evidence may still come', () => {
    expect(list(availableActions(as('liaison', 'edu'), task('submitted')))).toEqual(['evidence', 'extend', 'split']);
  });

  it('lets a co-department liaison only report and upload', () => {
    expect(list(availableActions(as('liaison', 'finance'), task('in_progress')))).toEqual(['evidence', 'progress']);
  });

  it('gives another department and a completed task nothing', () => {
    expect(list(availableActions(as('liaison', 'tax'), task('in_progress')))).toEqual([]);
    expect(list(availableActions(as('liaison', 'edu'), task('completed')))).toEqual([]);
    // No final deadline, no extension to ask for.
    expect(list(availableActions(as('liaison', 'edu'), { ...task('in_progress'), dueDate: null }))).toEqual(['evidence', 'progress', 'split', 'submit']);
  });

  it('lets a supervisor approve or return submitted work, cancel open work and reopen closed work', () => {
    expect(list(availableActions(as('supervisor', null), task('submitted')))).toEqual(['approve', 'cancel', 'edit', 'return', 'split']);
    expect(list(availableActions(as('supervisor', null), task('completed')))).toEqual(['reopen']);
    expect(list(availableActions(as('supervisor', null), task('cancelled')))).toEqual(['reopen']);
  });

  it('lets the lead department’s leader sign off or return what waits for it, and agree to extension requests', () => {
    expect(list(availableActions(as('leader', 'edu'), task('leader_review')))).toEqual(['endorse', 'leaderReturn', 'signoff', 'split']);
    expect(list(availableActions(as('leader', 'edu'), task('submitted')))).toEqual(['endorse', 'split']);
    expect(list(availableActions(as('leader', 'tax'), task('leader_review')))).toEqual([]);
  });

  it('offers the admin and reviewers no task action (the API would refuse them)', () => {
    expect(list(availableActions(as('admin', null), task('submitted')))).toEqual([]);
    expect(list(availableActions(as('reviewer', null), task('submitted')))).toEqual([]);
  });
});

it('labels history actions in Chinese and keeps unknown ones', () => {
  expect(historyActionLabel('task.return')).toBe('退回');
  expect(historyActionLabel('evidence.upload')).toBe('上传佐证材料');
  expect(historyActionLabel('something.new')).toBe('something.new');
});

describe('historyDetail', () => {
  it('tells a return: the status change and the reason', () => {
    expect(
      historyDetail({
        action: 'task.return',
        from: 'submitted',
        to: 'in_progress',
        detail: { reason: '请补充银行回单', before: { status: 'submitted' }, after: { status: 'in_progress' } },
      }),
    ).toEqual(['待审核 → 办理中', '理由：请补充银行回单']);
  });
  it('tells an approval with its grade and comment', () => {
    expect(historyDetail({ action: 'task.approve', from: 'submitted', to: 'completed', detail: { grade: 'good', comment: '材料齐全' } })).toEqual([
      '待审核 → 已办结',
      '评定等次：良好',
      '意见：材料齐全',
    ]);
  });
  it('tells an extension in its own words and a moved deadline in Chinese dates', () => {
    expect(
      historyDetail({
        action: 'extension.request',
        from: null,
        to: 'pending',
        detail: { after: { status: 'pending', requestedDueDate: '2027-01-31', reason: '待审议' } },
      }),
    ).toEqual(['申请延期至：2027年1月31日', '理由：待审议']);
    expect(historyDetail({ action: 'extension.approve', from: 'pending', to: 'approved', detail: { comment: '' } })).toEqual(['待审批 → 已同意']);
    expect(
      historyDetail({
        action: 'task.extend',
        from: 'in_progress',
        to: 'in_progress',
        detail: { before: { dueDate: '2026-12-01' }, after: { dueDate: '2027-01-31' } },
      }),
    ).toEqual(['截止日期：2026年12月1日 → 2027年1月31日']);
  });
  it('tells progress and uploads', () => {
    expect(historyDetail({ action: 'task.progress', from: null, to: null, detail: { after: { note: '已完成测算', percent: 60 } } })).toEqual([
      '进展：已完成测算（60%）',
    ]);
    expect(historyDetail({ action: 'evidence.upload', from: null, to: null, detail: { after: { filename: '凭证.pdf' } } })).toEqual(['文件：凭证.pdf']);
    expect(historyDetail({ action: 'task.create', from: null, to: 'assigned', detail: null })).toEqual([]);
  });
});

describe('periodLabel', () => {
  it.each([
    ['2026-03', '2026年3月'],
    ['2026-12', '2026年12月'],
    ['2026-Q1', '2026年第一季度'],
    ['2026-Q4', '2026年第四季度'],
    ['2026-H1', '2026年上半年'],
    ['2026-H2', '2026年下半年'],
  ])('%s reads %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});
