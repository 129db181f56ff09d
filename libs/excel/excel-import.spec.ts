import { readDeadline } from './deadline-forms.js';
import { DepartmentMatcher } from './department-matcher.js';
import { SupervisorMatcher } from './supervisor-matcher.js';
import { planImport, sequenceLevel } from './import-plan.js';
import { matchHeader, readHeaderRow } from './table-headers.js';
import type { TableRow } from './duty-table.js';

describe('deadline forms', () => {
  const table: Array<[unknown, string]> = [
    ['2025-12-31', '2025-12-31'],
    ['2025/6/30', '2025-06-30'],
    ['2025.09.30', '2025-09-30'],
    ['2025年3月31日', '2025-03-31'],
    ['2025年12月底', '2025-12-31'],
    ['2025年2月底前', '2025-02-28'],
    ['2024年2月末', '2024-02-29'],
    ['2025年11月', '2025-11-30'],
    ['2025.12', '2025-12-31'],
    ['2025-06', '2025-06-30'],
    ['2025年底', '2025-12-31'],
    ['2025年末', '2025-12-31'],
    ['2025年', '2025-12-31'],
    ['2025', '2025-12-31'],
    ['2025年上半年', '2025-06-30'],
    ['2025年下半年', '2025-12-31'],
    ['2025年第三季度', '2025-09-30'],
    ['2025年1季度末', '2025-03-31'],
    [' 2025 年 12 月底 ', '2025-12-31'],
    [new Date(Date.UTC(2025, 9, 15)), '2025-10-15'],
    [2025.12, '2025-12-31'],
    [2025.1, '2025-10-31'],
  ];
  it.each(table)('%p → %s', (value, date) => {
    expect(readDeadline(value)).toEqual({ date });
  });

  const cycles: Array<[string, string | null, string]> = [
    ['长期坚持', null, 'P3M'],
    ['每月', null, 'P1M'],
    ['每季度', null, 'P3M'],
    ['每季度末', null, 'P3M'],
    ['每半年', null, 'P6M'],
    ['按月报送', null, 'P1M'],
    ['2025年底前，每季度报送', '2025-12-31', 'P3M'],
    ['每月，2026年6月底', '2026-06-30', 'P1M'],
  ];
  it.each(cycles)('%p → due %s, reported %s (open-ended without a date)', (value, date, reportEvery) => {
    expect(readDeadline(value)).toEqual({ date, reportEvery });
  });

  const refused: Array<[unknown, RegExp]> = [
    ['每年', /按年或更短周期/],
    ['每周', /按年或更短周期/],
    ['每季度，长期坚持', /无法识别/],
    ['', /为空/],
    [null, /为空/],
    ['2025-02-30', /日期不存在/],
    ['2025年13月底', /月份不存在/],
    ['明年春天', /无法识别/],
    ['12月底', /无法识别/],
    ['=TODAY()', /无法识别/],
    [42, /无法识别/],
  ];
  it.each(refused)('%p is refused', (value, problem) => {
    const reading = readDeadline(value);
    expect('problem' in reading && reading.problem).toMatch(problem);
  });
});

describe('header matching', () => {
  const table: Array<[string, string | null]> = [
    ['序号', 'seq'],
    ['编号', 'seq'],
    ['重点任务', 'title'],
    ['任务', 'title'],
    ['工作任务', 'title'],
    ['主要任务', 'title'],
    ['具体内容', 'description'],
    ['工作措施', 'description'],
    ['牵头单位', 'lead'],
    ['责任单位', 'lead'],
    ['牵头单位（部门）', 'lead'],
    ['牵 头\n单 位', 'lead'],
    ['配合单位', 'co'],
    ['协办单位', 'co'],
    ['配合部门', 'co'],
    ['完成时限', 'due'],
    ['完成时间', 'due'],
    ['时间节点', 'due'],
    ['完成时限*', 'due'],
    ['规划条款', 'clause'],
    ['对应条款', 'clause'],
    ['督办责任人', 'supervisor'],
    ['督办人', 'supervisor'],
    ['责任人', null],
    ['备注', null],
    ['', null],
  ];
  it.each(table)('%p → %p', (header, column) => {
    expect(matchHeader(header)).toBe(column);
  });

  it('finds a header row only when it names the task, the lead department and the deadline', () => {
    expect(readHeaderRow(['序号', '任务', '责任单位', '配合单位', '时间节点'])).toEqual(
      new Map([
        ['seq', 1],
        ['title', 2],
        ['lead', 3],
        ['co', 4],
        ['due', 5],
      ]),
    );
    expect(readHeaderRow(['泰兴市2025年重点任务分工表'])).toBeNull();
    expect(readHeaderRow(['序号', '任务', '配合单位', '完成时限'])).toBeNull();
  });
});

describe('department matching', () => {
  const matcher = new DepartmentMatcher([
    { code: 'edu', name: '教育部门', aliases: ['教体局'] },
    { code: 'ndrc', name: '发展与改革部门', aliases: ['发改委'] },
    { code: 'finance', name: '财政部门', aliases: [] },
    { code: 'nrp', name: '自然资源和规划部门', aliases: [] },
  ]);
  const table: Array<[string, string | null]> = [
    ['教育部门', 'edu'],
    ['edu', 'edu'],
    ['教体局', 'edu'],
    ['市教育局', 'edu'],
    ['泰兴市教育局', 'edu'],
    ['发改委', 'ndrc'],
    ['市发改委', 'ndrc'],
    ['财政局', 'finance'],
    ['市财政局', 'finance'],
    ['自然资源和规划局', 'nrp'],
    ['公安局', null],
    ['教育', 'edu'],
    ['部门', null],
  ];
  it.each(table)('%p → %p', (name, code) => {
    expect(matcher.match(name)).toBe(code);
  });

  it('splits a cell naming several departments on 、，,; and spaces', () => {
    expect(matcher.matchAll('市财政局、发改委，教育部门;自然资源和规划局 公安局')).toEqual({ codes: ['finance', 'ndrc', 'edu', 'nrp'], unknown: ['公安局'] });
  });
});

describe('序号 hierarchy', () => {
  it.each([
    ['一、', 1],
    ['十二、加强领导', 1],
    ['（一）', 2],
    ['(三)', 2],
    ['1.', 3],
    ['12、', 3],
    ['3', 3],
    ['（2）', 4],
    ['1.2', 4],
  ])('%p is level %p', (label, level) => {
    expect(sequenceLevel(label)?.level).toBe(level);
  });

  const matcher = new DepartmentMatcher([
    { code: 'edu', name: '教育部门', aliases: [] },
    { code: 'finance', name: '财政部门', aliases: [] },
  ]);
  const supervisors = new SupervisorMatcher([
    { id: 'w', name: '王督查', email: 'wang@duban.local' },
    { id: 'l1', name: '李督查', email: 'li@duban.local' },
    { id: 'l2', name: '李督查', email: 'li2@duban.local' },
  ]);
  const row = (n: number, cells: Record<string, string>): TableRow => ({
    sheet: 'S',
    row: n,
    cells: Object.fromEntries(Object.entries(cells).map(([k, v], i) => [k, { value: v, address: `${'ABCDEF'[i]}${n}`, merged: false }])),
  });

  it("puts rows under the heading their 序号 names; a heading takes its first child's lead and its children's latest deadline", () => {
    const { tasks, errors } = planImport(
      [
        row(2, { seq: '一、加强队伍建设' }),
        row(3, { seq: '（一）', title: '师德', lead: '教育部门', due: '2025年6月底' }),
        row(4, { seq: '1.', title: '师德教育', lead: '财政部门', due: '2025年12月底' }),
        row(5, { seq: '二、', title: '经费', lead: '财政部门', due: '2026年底' }),
      ],
      matcher,
      () => true,
      supervisors,
    );
    expect(errors).toEqual([]);
    expect(tasks.map((t) => [t.title, t.leadDepartmentCode, t.dueDate, tasks.find((p) => p.code === t.parentCode)?.title ?? null])).toEqual([
      ['加强队伍建设', 'edu', '2025-06-30', null],
      ['师德', 'edu', '2025-06-30', '加强队伍建设'],
      ['师德教育', 'finance', '2025-12-31', '师德'],
      ['经费', 'finance', '2026-12-31', null],
    ]);
  });

  it('maps 长期坚持 and the cycles to open-ended tasks; a heading over an open-ended part is open-ended too', () => {
    const { tasks, errors } = planImport(
      [
        row(2, { seq: '一、落实教育经费' }),
        row(3, { seq: '1.', title: '制定实施方案', lead: '教育部门', due: '长期坚持' }),
        row(4, { seq: '2.', title: '月度调度', lead: '财政部门', due: '每月' }),
        row(5, { seq: '二、', title: '专项资金', lead: '财政部门', due: '2026年底前，每半年报送' }),
      ],
      matcher,
      () => true,
      supervisors,
    );
    expect(errors).toEqual([]);
    expect(tasks.map((t) => [t.title, t.dueDate, t.reportEvery])).toEqual([
      ['落实教育经费', null, 'P3M'],
      ['制定实施方案', null, 'P3M'],
      ['月度调度', null, 'P1M'],
      ['专项资金', '2026-12-31', 'P6M'],
    ]);
  });

  it('reads 督办责任人 as an active supervisor by name, or by email when two share a name', () => {
    const { tasks, errors } = planImport(
      [
        row(2, { title: '甲', lead: '教育部门', due: '2025年底', supervisor: '王督查' }),
        row(3, { title: '乙', lead: '教育部门', due: '2025年底', supervisor: 'Li@Duban.local' }),
        row(4, { title: '丙', lead: '教育部门', due: '2025年底' }),
        row(5, { title: '丁', lead: '教育部门', due: '2025年底', supervisor: '李督查' }),
        row(6, { title: '戊', lead: '教育部门', due: '2025年底', supervisor: '张三' }),
      ],
      matcher,
      () => true,
      supervisors,
    );
    expect(tasks.map((t) => [t.title, t.supervisorId])).toEqual([
      ['甲', 'w'],
      ['乙', 'l1'],
      ['丙', null],
      ['丁', null],
      ['戊', null],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.message.includes('li@duban.local、li2@duban.local') || e.message.includes('不是在职的督查人员')])).toEqual([
      [5, '督办责任人', true],
      [6, '督办责任人', true],
    ]);
  });

  it('names the sheet, row and column of every problem', () => {
    const { errors } = planImport(
      [
        row(2, { title: '甲', lead: '公安局', due: '2025-02-30' }),
        row(3, { title: '乙', lead: '教育部门', due: '每年' }),
        row(4, { title: '甲', lead: '教育部门', due: '2025年底' }),
      ],
      matcher,
      () => true,
      supervisors,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '牵头单位'],
      [2, '完成时限'],
      [3, '完成时限'],
      [4, '重点任务'],
    ]);
    expect(errors[0].message).toBe('S 第 2 行「牵头单位」中的单位无法识别：公安局（请使用部门列表中的名称）');
  });
});
