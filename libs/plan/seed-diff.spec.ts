import type { SeedTaskRow } from '../db/repositories/seed.repository.js';
import {
  desiredRecords,
  diffRecords,
  inWriteOrder,
  ownershipProblems,
  type SeedRecord,
  type SeedSnapshot,
  storedRecords,
  type StoredRecord,
  toColumns,
} from './seed-diff.js';
import type { SeedPlan } from './seed-validate.js';

const origin = (entry: string) => ({ file: 'seeds/p/x.yaml', line: 1, entry });

const PLAN: SeedPlan = {
  folder: 'p',
  code: 'p',
  title: '规划',
  startYear: 2021,
  endYear: 2025,
  timezone: 'Asia/Shanghai',
  preamble: '',
  origin: origin('plan'),
  sections: [{ code: '一', parentCode: null, title: '总则', text: '正文。', ordinal: 0, origin: origin('sections[0]') }],
  clauses: [{ ref: '一#1', sectionCode: '一', text: '正文。', ordinal: 0, origin: origin('clauses[0]') }],
  departments: [{ code: 'edu', name: '教育部门', aliases: [], ordinal: 0, origin: origin('departments[0]') }],
  duties: [{ code: 'edu-d1', departmentCode: 'edu', clauseRef: '一#1', text: '正文', ordinal: 0, origin: origin('duties[0]') }],
  indicators: [
    {
      code: 'rate',
      name: '比率',
      unit: '%',
      comparator: '>=',
      target: 90,
      targetYear: 2025,
      baseline: 75.36,
      baselineYear: 2020,
      departmentCode: 'edu',
      clauseRef: '一#1',
      sourceText: '正文',
      baselineClauseRef: '一#1',
      baselineSourceText: '正文',
      derived: false,
      note: null,
      ordinal: 0,
      origin: origin('indicators[0]'),
    },
  ],
  tasks: [
    {
      code: 'T-1',
      title: '任务',
      description: '正文',
      leadDepartmentCode: 'edu',
      coDepartmentCodes: ['finance'],
      dueDate: '2025-12-31',
      reportEvery: null,
      reportFrom: null,
      clauseRef: '一#1',
      parentCode: null,
      indicatorCodes: ['rate'],
      dutyCode: 'edu-d1',
      origin: origin('tasks[0]'),
    },
    {
      code: 'T-1-1',
      title: '子任务',
      description: '正文',
      leadDepartmentCode: 'edu',
      coDepartmentCodes: [],
      dueDate: '2025-12-31',
      reportEvery: null,
      reportFrom: null,
      clauseRef: '一#1',
      parentCode: 'T-1',
      indicatorCodes: [],
      dutyCode: null,
      origin: origin('tasks[1]'),
    },
  ],
};

/** What the database holds after importing PLAN, as the repository returns it. */
function snapshot(): SeedSnapshot {
  const plan = { id: 'plan-uuid', code: 'p', title: '规划', startYear: 2021, endYear: 2025, timezone: 'Asia/Shanghai', preamble: '', createdAt: new Date() };
  return {
    plans: [plan],
    sections: [{ id: 's1', planId: 'plan-uuid', code: '一', parentCode: null, title: '总则', text: '正文。', ordinal: 0 }],
    clauses: [{ id: 'c1', planId: 'plan-uuid', ref: '一#1', sectionCode: '一', text: '正文。', ordinal: 0 }],
    departments: [{ code: 'edu', name: '教育部门', aliases: [], ordinal: 0, createdAt: new Date() }],
    duties: [{ code: 'edu-d1', planId: 'plan-uuid', departmentCode: 'edu', clauseRef: '一#1', text: '正文', ordinal: 0 }],
    indicators: [
      {
        code: 'rate',
        planId: 'plan-uuid',
        name: '比率',
        unit: '%',
        comparator: '>=',
        target: 90,
        targetYear: 2025,
        baseline: 75.36,
        baselineYear: 2020,
        departmentCode: 'edu',
        clauseRef: '一#1',
        sourceText: '正文',
        baselineClauseRef: '一#1',
        baselineSourceText: '正文',
        derived: false,
        note: null,
        ordinal: 0,
      },
    ],
    tasks: [
      {
        id: 'task-1',
        code: 'T-1',
        planId: 'plan-uuid',
        title: '任务',
        description: '正文',
        leadDepartmentCode: 'edu',
        coDepartmentCodes: ['finance'],
        dueDate: '2025-12-31',
        reportEvery: null,
        reportFrom: null,
        clauseRef: '一#1',
        parentId: null,
        indicatorCodes: ['rate'],
        dutyCode: 'edu-d1',
      },
      {
        id: 'task-2',
        code: 'T-1-1',
        planId: 'plan-uuid',
        title: '子任务',
        description: '正文',
        leadDepartmentCode: 'edu',
        coDepartmentCodes: [],
        dueDate: '2025-12-31',
        reportEvery: null,
        reportFrom: null,
        clauseRef: '一#1',
        parentId: 'task-1',
        indicatorCodes: [],
        dutyCode: null,
      },
    ] as SeedTaskRow[],
  };
}

const plans = new Set(['p']);

describe('diffRecords', () => {
  it('creates everything in an empty database, in foreign-key order', () => {
    const diff = diffRecords(desiredRecords([PLAN]), [], plans);
    expect(diff.update).toEqual([]);
    expect(diff.create.map((r) => `${r.kind} ${r.key}`)).toEqual([
      'plan p',
      'plan_section p 一',
      'plan_clause p 一#1',
      'department edu',
      'duty edu-d1',
      'indicator rate',
      'task T-1',
      'task T-1-1',
    ]);
    expect(diff.create.find((r) => r.key === 'T-1-1')?.fields).toMatchObject({ plan: 'p', parent: 'T-1', dutyCode: null });
  });

  it('finds nothing to do when the database holds the seeds', () => {
    const diff = diffRecords(desiredRecords([PLAN]), storedRecords(snapshot()), plans);
    expect(diff).toEqual({ create: [], update: [], unchanged: 8, missing: [] });
  });

  it('lists only the changed fields of a changed record', () => {
    const changed = { ...PLAN, indicators: [{ ...PLAN.indicators[0], target: 92 }] };
    const diff = diffRecords(desiredRecords([changed]), storedRecords(snapshot()), plans);
    expect(diff.create).toEqual([]);
    expect(diff.update).toEqual([
      { kind: 'indicator', key: 'rate', id: 'rate', origin: origin('indicators[0]'), before: { target: 90 }, after: { target: 92 } },
    ]);
  });

  it('compares lists by value and parents by code', () => {
    const changed = {
      ...PLAN,
      tasks: [
        { ...PLAN.tasks[0], coDepartmentCodes: ['finance', 'tax'] },
        { ...PLAN.tasks[1], parentCode: null },
      ],
    };
    const diff = diffRecords(desiredRecords([changed]), storedRecords(snapshot()), plans);
    expect(diff.update.map((u) => [u.key, u.before, u.after])).toEqual([
      ['T-1', { coDepartmentCodes: ['finance'] }, { coDepartmentCodes: ['finance', 'tax'] }],
      ['T-1-1', { parent: 'T-1' }, { parent: null }],
    ]);
  });

  it('reports stored records the seeds no longer list, without touching other plans', () => {
    const stored = storedRecords(snapshot());
    const other: StoredRecord = { kind: 'task', key: 'X-1', id: 'x', fields: { plan: 'other' } };
    const withoutSubTask = { ...PLAN, tasks: [PLAN.tasks[0]] };
    const diff = diffRecords(desiredRecords([withoutSubTask]), [...stored, other], plans);
    expect(diff.missing.map((r) => r.key)).toEqual(['T-1-1']);
    expect(diff.update).toEqual([]);
  });
});

describe('desiredRecords', () => {
  it('counts a department shared by two plans once, in order of first mention', () => {
    const second: SeedPlan = {
      ...PLAN,
      code: 'q',
      duties: [],
      indicators: [],
      tasks: [],
      sections: [],
      clauses: [],
      departments: [
        { code: 'finance', name: '财政部门', aliases: [], ordinal: 0, origin: origin('d') },
        { code: 'edu', name: '教育部门', aliases: [], ordinal: 1, origin: origin('d') },
      ],
    };
    const departments = desiredRecords([PLAN, second]).filter((r) => r.kind === 'department');
    expect(departments.map((d) => [d.key, d.fields.ordinal])).toEqual([
      ['edu', 0],
      ['finance', 1],
    ]);
  });
});

describe('ownershipProblems', () => {
  it('refuses a code another plan owns, naming where the seeds use it', () => {
    const stored: StoredRecord[] = [{ kind: 'task', key: 'T-1', id: 'x', fields: { plan: 'other-plan' } }];
    expect(ownershipProblems(desiredRecords([PLAN]), stored)).toEqual([
      { file: 'seeds/p/x.yaml', line: 1, entry: 'tasks[0]', field: 'code', message: expect.stringContaining('已属于规划 other-plan') },
    ]);
  });

  it('adopts a record no plan owns yet, and ignores sections keyed inside their plan', () => {
    const stored: StoredRecord[] = [
      { kind: 'duty', key: 'edu-d1', id: 'edu-d1', fields: { plan: null } },
      { kind: 'plan_section', key: 'p 一', id: 's', fields: { plan: 'p' } },
    ];
    expect(ownershipProblems(desiredRecords([PLAN]), stored)).toEqual([]);
  });
});

describe('inWriteOrder', () => {
  it('puts parent tasks before their sub-tasks whatever the seed order', () => {
    const task = (key: string, parent: string | null): SeedRecord => ({ kind: 'task', key, fields: { parent } });
    const ordered = inWriteOrder([task('c', 'b'), task('b', 'a'), task('x', 'existing'), task('a', null)]);
    expect(ordered.map((r) => r.key)).toEqual(['a', 'b', 'c', 'x']);
  });
});

describe('toColumns', () => {
  const ids = new Map([
    ['plan p', 'plan-uuid'],
    ['task T-1', 'task-1'],
  ]);
  const idOf = (kind: string, key: string) => ids.get(`${kind} ${key}`);

  it('turns plan and parent codes into ids and adds the code on insert', () => {
    expect(toColumns({ kind: 'task', key: 'T-1-1' }, { plan: 'p', parent: 'T-1', title: 't' }, idOf, true)).toEqual({
      code: 'T-1-1',
      planId: 'plan-uuid',
      parentId: 'task-1',
      title: 't',
    });
    expect(toColumns({ kind: 'task', key: 'T-1-1' }, { parent: null }, idOf, false)).toEqual({ parentId: null });
  });

  it('keeps a section its own parent code, which is a column', () => {
    expect(toColumns({ kind: 'plan_section', key: 'p 一(一)' }, { plan: 'p', code: '一(一)', parentCode: '一' }, idOf, true)).toEqual({
      planId: 'plan-uuid',
      code: '一(一)',
      parentCode: '一',
    });
  });
});
