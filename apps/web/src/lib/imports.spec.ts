import { type ImportReport, previewRows } from './imports';

describe('import preview rows', () => {
  const task = (sheet: string, row: number, title: string) => ({
    sheet,
    row,
    code: `XLS-${row}`,
    label: null,
    title,
    description: '',
    leadDepartmentCode: 'edu',
    coDepartmentCodes: [],
    dueDate: '2025-12-31',
    reportEvery: null,
    clauseRef: null,
    supervisorId: null,
    parentRow: null,
    action: 'create' as const,
    changed: [],
  });

  it('puts each problem in its row, keeps rows that became no task, in sheet and row order', () => {
    const report: ImportReport = {
      dryRun: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      sheets: ['教育', '财政'],
      planId: null,
      tasks: [task('财政', 2, '丙'), task('教育', 3, '乙')],
      errors: [
        { sheet: '教育', row: 3, column: '完成时限', cell: 'E3', message: '日期不存在' },
        { sheet: '教育', row: 2, column: '重点任务', message: '为空' },
      ],
    };
    expect(previewRows(report).map((r) => [r.sheet, r.row, r.task?.title ?? null, r.problems.map((p) => p.message)])).toEqual([
      ['教育', 2, null, ['为空']],
      ['教育', 3, '乙', ['日期不存在']],
      ['财政', 2, '丙', []],
    ]);
  });
});
