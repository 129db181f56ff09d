import { readFileSync } from 'node:fs';
import { COMPARATORS } from '../indicators/indicator-trend.js';
import { formatProblem, readSeedSources, SEED_FILES, type SeedProblem, type SeedSource } from './seed-files.js';
import { expandYearly, type SeedTaskEntry, validateSeeds } from './seed-validate.js';

/** A small valid plan folder; each case below breaks one thing in it. */
const VALID: Record<string, string> = {
  'plan.yaml': `plan:
  code: test-plan
  title: 测试规划
  period: {start: 2021, end: 2023}
  timezone: Asia/Shanghai
sections:
  - code: "一"
    parent: null
    title: 总则
    text: 财政部门负责落实专项资金,确保达标率达90%。每年开展考核。
  - code: "一(一)"
    parent: "一"
    title: 分则
    text: ''
clauses:
  - ref: "一#1"
    section: "一"
    text: 财政部门负责落实专项资金,确保达标率达90%。
  - ref: "一#2"
    section: "一"
    text: 每年开展考核。
`,
  'departments.yaml': `departments:
  - code: edu
    name: 教育部门
    duties: []
  - code: finance
    name: 财政部门
    duties:
      - code: finance-d1
        clauseRef: "一#1"
        text: 财政部门负责落实专项资金
`,
  'indicators.yaml': `indicators:
  - code: pass-rate
    name: 达标率
    unit: "%"
    comparator: ">="
    target: 90
    targetYear: 2023
    baseline: null
    baselineYear: null
    department: edu
    clauseRef: "一#1"
    sourceText: 达标率达90%
`,
  'tasks.yaml': `tasks:
  - code: T-1
    title: 落实专项资金
    description: 财政部门负责落实专项资金
    leadDepartment: finance
    coDepartments: []
    dueDate: "2023-12-31"
    clauseRef: "一#1"
    parent: null
    recurrence: null
    indicators: [pass-rate]
    duty: finance-d1
  - code: T-1-1
    title: 落实达标率
    description: 确保达标率达90%
    leadDepartment: edu
    coDepartments: [finance]
    dueDate: "2023-12-31"
    clauseRef: "一#1"
    parent: T-1
    recurrence: null
    indicators: [pass-rate]
  - code: T-2
    title: 年度考核
    description: 每年开展考核。
    leadDepartment: edu
    coDepartments: []
    dueDate: "2023-12-31"
    clauseRef: "一#2"
    parent: null
    recurrence: yearly
    indicators: []
`,
};

function sources(files: Record<string, string> = VALID, folder = 'test-plan'): SeedSource[] {
  return Object.entries(files).map(([name, text]) => ({ folder, name, path: `seeds/${folder}/${name}`, text }));
}

/** VALID with `from` replaced by `to` (once) in `file`. */
function broken(file: string, from: string | RegExp, to: string): SeedSource[] {
  const text = VALID[file].replace(from, to);
  if (text === VALID[file]) throw new Error(`case does not change ${file}: ${String(from)}`);
  return sources({ ...VALID, [file]: text });
}

describe('validateSeeds', () => {
  it('accepts a valid folder and expands yearly tasks', () => {
    const { plans, problems } = validateSeeds(sources());
    expect(problems).toEqual([]);
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan).toMatchObject({ code: 'test-plan', startYear: 2021, endYear: 2023, timezone: 'Asia/Shanghai', preamble: '' });
    expect(plan.sections.map((s) => [s.code, s.parentCode, s.ordinal])).toEqual([
      ['一', null, 0],
      ['一(一)', '一', 1],
    ]);
    expect(plan.clauses.map((c) => c.ref)).toEqual(['一#1', '一#2']);
    expect(plan.duties).toMatchObject([{ code: 'finance-d1', departmentCode: 'finance', clauseRef: '一#1' }]);
    expect(plan.tasks.map((t) => [t.code, t.dueDate, t.parentCode])).toEqual([
      ['T-1', '2023-12-31', null],
      ['T-1-1', '2023-12-31', 'T-1'],
      ['T-2-2021', '2021-12-31', null],
      ['T-2-2022', '2022-12-31', null],
      ['T-2-2023', '2023-12-31', null],
    ]);
    expect(plan.tasks[0]).toMatchObject({ dutyCode: 'finance-d1', indicatorCodes: ['pass-rate'], leadDepartmentCode: 'finance' });
    expect(plan.indicators[0]).toMatchObject({ code: 'pass-rate', comparator: '>=', target: 90, baseline: null, derived: false, note: null });
  });

  it('reads an open-ended duty (长期坚持): no dueDate, a reporting cycle and the day reports start from', () => {
    const { plans, problems } = validateSeeds(
      broken('tasks.yaml', '    dueDate: "2023-12-31"\n', '    dueDate: null\n    reportEvery: P3M\n    reportFrom: "2021-01-01"\n'),
    );
    expect(problems).toEqual([]);
    expect(plans[0].tasks[0]).toMatchObject({ code: 'T-1', dueDate: null, reportEvery: 'P3M', reportFrom: '2021-01-01' });
    expect(plans[0].tasks[1]).toMatchObject({ code: 'T-1-1', dueDate: '2023-12-31', reportEvery: null, reportFrom: null });
  });

  // [what is wrong, the broken seeds, the problem expected: file, entry, field, words of the message]
  const cases: Array<[string, () => SeedSource[], Partial<SeedProblem> & { says: string }]> = [
    [
      'duplicate task code',
      () => broken('tasks.yaml', '- code: T-1-1', '- code: T-1'),
      { file: 'seeds/test-plan/tasks.yaml', line: 13, entry: 'tasks[1] (T-1)', field: 'code', says: '重复的代码' },
    ],
    [
      'duplicate indicator code',
      () => sources({ ...VALID, 'indicators.yaml': VALID['indicators.yaml'] + VALID['indicators.yaml'].replace('indicators:\n', '') }),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[1] (pass-rate)', field: 'code', says: '重复的代码' },
    ],
    [
      'duplicate duty code across departments',
      () => broken('departments.yaml', '    duties: []', '    duties:\n      - code: finance-d1\n        clauseRef: "一#1"\n        text: 财政部门'),
      { file: 'seeds/test-plan/departments.yaml', entry: 'departments[1].duties[0] (finance-d1)', field: 'code', says: '重复的代码' },
    ],
    [
      'unknown lead department',
      () => broken('tasks.yaml', 'leadDepartment: finance', 'leadDepartment: health'),
      { entry: 'tasks[0] (T-1)', field: 'leadDepartment', line: 5, says: '部门不存在' },
    ],
    [
      'unknown co-department',
      () => broken('tasks.yaml', 'coDepartments: [finance]', 'coDepartments: [finance, health]'),
      { entry: 'tasks[1] (T-1-1)', field: 'coDepartments', says: 'health' },
    ],
    [
      'unknown indicator department',
      () => broken('indicators.yaml', 'department: edu', 'department: health'),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'department', says: '部门不存在' },
    ],
    [
      'a date that does not exist',
      () => broken('tasks.yaml', '"2023-12-31"', '"2023-02-30"'),
      { entry: 'tasks[0] (T-1)', field: 'dueDate', line: 7, says: '不是有效日期' },
    ],
    [
      'a date in another format',
      () => broken('tasks.yaml', '"2023-12-31"', '"31.12.2023"'),
      { entry: 'tasks[0] (T-1)', field: 'dueDate', line: 7, says: '应为 YYYY-MM-DD 格式的日期' },
    ],
    [
      'missing task title',
      () => broken('tasks.yaml', '    title: 落实专项资金\n', ''),
      { entry: 'tasks[0] (T-1)', field: 'title', line: 2, says: '缺少必填字段' },
    ],
    [
      'missing parent key (null must be written)',
      () => broken('tasks.yaml', '    parent: null\n', ''),
      { entry: 'tasks[0] (T-1)', field: 'parent', line: 2, says: '缺少必填字段（没有时写 null）' },
    ],
    [
      'missing indicator target',
      () => broken('indicators.yaml', '    target: 90\n', ''),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'target', says: '缺少必填字段' },
    ],
    [
      'missing plan period',
      () => broken('plan.yaml', '  period: {start: 2021, end: 2023}\n', ''),
      { file: 'seeds/test-plan/plan.yaml', entry: 'plan', field: 'period', says: '缺少必填字段' },
    ],
    [
      'dangling clause of a task',
      () => broken('tasks.yaml', 'clauseRef: "一#2"', 'clauseRef: "一#9"'),
      { entry: 'tasks[2] (T-2)', field: 'clauseRef', says: '条文不存在' },
    ],
    [
      'dangling clause of a duty',
      () => broken('departments.yaml', 'clauseRef: "一#1"', 'clauseRef: "二#1"'),
      { file: 'seeds/test-plan/departments.yaml', entry: 'departments[1].duties[0] (finance-d1)', field: 'clauseRef', says: '条文不存在' },
    ],
    [
      'dangling section of a clause',
      () => broken('plan.yaml', '    section: "一"\n    text: 每年', '    section: "二"\n    text: 每年'),
      { file: 'seeds/test-plan/plan.yaml', entry: 'clauses[1] (一#2)', field: 'section', says: '章节不存在' },
    ],
    ['dangling parent', () => broken('tasks.yaml', 'parent: T-1', 'parent: T-9'), { entry: 'tasks[1] (T-1-1)', field: 'parent', says: '上级任务不存在' }],
    [
      'dangling indicator reference',
      () => broken('tasks.yaml', 'indicators: [pass-rate]', 'indicators: [fail-rate]'),
      { entry: 'tasks[0] (T-1)', field: 'indicators', says: 'fail-rate' },
    ],
    [
      'dangling duty reference',
      () => broken('tasks.yaml', 'duty: finance-d1', 'duty: finance-d2'),
      { entry: 'tasks[0] (T-1)', field: 'duty', says: '职责不存在' },
    ],
    [
      'a duty without a task',
      () => broken('tasks.yaml', '    duty: finance-d1\n', ''),
      { file: 'seeds/test-plan/departments.yaml', entry: 'departments[1].duties[0] (finance-d1)', field: 'code', says: '没有对应的任务' },
    ],
    [
      'a duty task led by another department',
      () => broken('tasks.yaml', 'leadDepartment: finance', 'leadDepartment: edu'),
      { entry: 'tasks[0] (T-1)', field: 'leadDepartment', says: '须由其牵头' },
    ],
    [
      'a parent cycle',
      () =>
        broken(
          'tasks.yaml',
          /parent: null\n {4}recurrence: null\n {4}indicators: \[pass-rate\]\n {4}duty/,
          'parent: T-1-1\n    recurrence: null\n    indicators: [pass-rate]\n    duty',
        ),
      { entry: 'tasks[0] (T-1)', field: 'parent', says: '成环' },
    ],
    ['a sub-task of a yearly task', () => broken('tasks.yaml', 'parent: T-1', 'parent: T-2'), { entry: 'tasks[1] (T-1-1)', field: 'parent', says: '按年重复' }],
    [
      'a section whose parent comes later',
      () => broken('plan.yaml', '    parent: null', '    parent: "一(一)"'),
      { file: 'seeds/test-plan/plan.yaml', entry: 'sections[0] (一)', field: 'parent', says: '前面已列出' },
    ],
    [
      'a description that is not verbatim',
      () => broken('tasks.yaml', 'description: 确保达标率达90%', 'description: 确保达标率达95%'),
      { entry: 'tasks[1] (T-1-1)', field: 'description', says: '逐字照录' },
    ],
    [
      'a source text that is not verbatim',
      () => broken('indicators.yaml', 'sourceText: 达标率达90%', 'sourceText: 达标率达到90%'),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'sourceText', says: '逐字照录' },
    ],
    [
      'an unknown comparator',
      () => broken('indicators.yaml', 'comparator: ">="', 'comparator: ">"'),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'comparator', says: '必须是' },
    ],
    [
      'a baseline without its year',
      () => broken('indicators.yaml', 'baseline: null', 'baseline: 80\n    baselineClauseRef: "一#1"\n    baselineSourceText: 达标率'),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'baselineYear', says: '同时' },
    ],
    [
      'a number written as text',
      () => broken('indicators.yaml', 'target: 90', 'target: "90"'),
      { file: 'seeds/test-plan/indicators.yaml', entry: 'indicators[0] (pass-rate)', field: 'target', says: '必须是数字' },
    ],
    [
      'an unknown field (a typo)',
      () => broken('tasks.yaml', '    dueDate: "2023-12-31"\n', '    dueDate: "2023-12-31"\n    dueDtae: "2023-12-31"\n'),
      { entry: 'tasks[0] (T-1)', field: 'dueDtae', says: '未知字段' },
    ],
    [
      'an open-ended task without a reporting cycle',
      () => broken('tasks.yaml', '    dueDate: "2023-12-31"\n', '    dueDate: null\n'),
      { entry: 'tasks[0] (T-1)', field: 'dueDate', says: 'reportEvery' },
    ],
    [
      'an open-ended yearly task',
      () => broken('tasks.yaml', /"2023-12-31"\n {4}clauseRef: "一#2"/, 'null\n    reportEvery: P1M\n    clauseRef: "一#2"'),
      { entry: 'tasks[2] (T-2)', field: 'recurrence', says: 'dueDate 不能为 null' },
    ],
    [
      'a reporting cycle outside the set',
      () => broken('tasks.yaml', '    dueDate: "2023-12-31"\n', '    dueDate: null\n    reportEvery: P2M\n'),
      { entry: 'tasks[0] (T-1)', field: 'reportEvery', says: 'P3M' },
    ],
    [
      'an unknown recurrence',
      () => broken('tasks.yaml', 'recurrence: yearly', 'recurrence: monthly'),
      { entry: 'tasks[2] (T-2)', field: 'recurrence', says: 'yearly' },
    ],
    [
      'a lead department among the co-departments',
      () => broken('tasks.yaml', 'coDepartments: [finance]', 'coDepartments: [edu]'),
      { entry: 'tasks[1] (T-1-1)', field: 'coDepartments', says: '牵头部门' },
    ],
    [
      'a yearly task due after the plan period',
      () => broken('tasks.yaml', /"2023-12-31"\n {4}clauseRef: "一#2"/, '"2030-12-31"\n    clauseRef: "一#2"'),
      { entry: 'tasks[2] (T-2)', field: 'dueDate', says: '规划期' },
    ],
    [
      'a plan code not in kebab-case',
      () => broken('plan.yaml', 'code: test-plan', 'code: Test_Plan'),
      { file: 'seeds/test-plan/plan.yaml', line: 2, entry: 'plan', field: 'code', says: 'kebab-case' },
    ],
    [
      'a year written as text',
      () => broken('plan.yaml', 'end: 2023', 'end: "2023"'),
      { file: 'seeds/test-plan/plan.yaml', line: 4, entry: 'plan.period', field: 'end', says: '必须是整数' },
    ],
    ['a blank title', () => broken('tasks.yaml', 'title: 落实专项资金', 'title: "  "'), { entry: 'tasks[0] (T-1)', field: 'title', line: 3, says: '不能为空' }],
    [
      'a title too long',
      () => broken('tasks.yaml', 'title: 落实专项资金', `title: ${'长'.repeat(281)}`),
      { entry: 'tasks[0] (T-1)', field: 'title', says: '过长（最多 280 个字符）' },
    ],
    [
      'a co-department listed twice',
      () => broken('tasks.yaml', 'coDepartments: [finance]', 'coDepartments: [finance, finance]'),
      { entry: 'tasks[1] (T-1-1)', field: 'coDepartments', says: '重复的值：finance' },
    ],
    [
      'a department code that is not text',
      () => broken('tasks.yaml', 'coDepartments: [finance]', 'coDepartments: [finance, 7]'),
      { entry: 'tasks[1] (T-1-1)', field: 'coDepartments[1]', says: '必须是字符串' },
    ],
    [
      'an entry that is not a mapping',
      () => sources({ ...VALID, 'tasks.yaml': VALID['tasks.yaml'] + '  - T-3\n' }),
      { entry: 'tasks[3]', field: undefined, says: '必须是映射' },
    ],
    [
      'an unknown key at the top of a file',
      () => broken('departments.yaml', 'departments:\n', 'departments:\n'.replace('departments', 'depts: []\ndepartments')),
      { file: 'seeds/test-plan/departments.yaml', line: 1, field: 'depts', says: '未知字段（允许的字段：departments）' },
    ],
    [
      'a YAML syntax error',
      () => broken('tasks.yaml', '    coDepartments: []\n', '    coDepartments: [\n'),
      { file: 'seeds/test-plan/tasks.yaml', says: 'YAML 语法错误' },
    ],
    [
      'a list that is not a list',
      () => broken('indicators.yaml', /indicators:\n[\s\S]*/, 'indicators: none\n'),
      { file: 'seeds/test-plan/indicators.yaml', field: 'indicators', says: '必须是列表' },
    ],
  ];

  it.each(cases)('refuses %s, naming file, entry and field', (_, seeds, expected) => {
    const { problems } = validateSeeds(seeds());
    const { says, ...where } = expected;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'seeds/test-plan/tasks.yaml', ...where, message: expect.stringContaining(says) }));
  });

  it('reports every problem of a file at once, one per field', () => {
    const seeds = sources({
      ...VALID,
      'tasks.yaml': VALID['tasks.yaml']
        .replace('title: 落实专项资金', 'title: ""')
        .replace('dueDate: "2023-12-31"\n    clauseRef: "一#2"', 'dueDate: 2023\n    clauseRef: "一#2"')
        .replace('indicators: [pass-rate]', 'indicators: [fail-rate]'),
    });
    const { problems } = validateSeeds(seeds);
    expect(problems.map((p) => `${p.line} ${p.entry} ${p.field}`)).toEqual([
      '3 tasks[0] (T-1) title',
      '11 tasks[0] (T-1) indicators',
      '28 tasks[2] (T-2) dueDate',
    ]);
    expect(problems[2].message).toBe('必须是字符串（YAML 中请加引号）或 null，实际为 2023');
  });

  it('refuses a folder without one of the four files', () => {
    const { problems } = validateSeeds(sources({ ...VALID, 'indicators.yaml': undefined as unknown as string }).filter((s) => s.text !== undefined));
    expect(problems).toEqual([{ file: 'test-plan/indicators.yaml', message: '缺少种子文件' }]);
  });

  it('refuses a code that another folder uses, and a department named differently there', () => {
    const other = {
      ...VALID,
      'plan.yaml': VALID['plan.yaml'].replace('code: test-plan', 'code: other-plan'),
      'departments.yaml': VALID['departments.yaml'].replace('name: 教育部门', 'name: 教育局'),
    };
    const { problems } = validateSeeds([...sources(), ...sources(other, 'other-plan')]);
    const messages = problems.filter((p) => p.file.startsWith('seeds/other-plan/')).map((p) => `${p.entry} ${p.field}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'departments[0] (edu) name',
        'departments[1].duties[0] (finance-d1) code',
        'indicators[0] (pass-rate) code',
        'tasks[0] (T-1) code',
      ]),
    );
    expect(problems.some((p) => p.file.startsWith('seeds/test-plan/'))).toBe(false);
  });

  it('formats a problem as file:line entry field: message', () => {
    const { problems } = validateSeeds(broken('tasks.yaml', '"2023-12-31"', '"2023-02-30"'));
    expect(problems.map(formatProblem)).toEqual(['seeds/test-plan/tasks.yaml:7 tasks[0] (T-1) dueDate: 不是有效日期 YYYY-MM-DD：2023-02-30']);
  });

  it('lists problems in file and line order', () => {
    const seeds = sources({
      ...VALID,
      'tasks.yaml': VALID['tasks.yaml']
        .replace('dueDate: "2023-12-31"\n    clauseRef: "一#2"', 'dueDate: "x"\n    clauseRef: "一#2"')
        .replace('leadDepartment: finance', 'leadDepartment: x'),
    });
    const lines = validateSeeds(seeds).problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });
});

describe('the seed schemas (config/seeds/)', () => {
  it('are named on the first line of every seed file, for the YAML language server, and the real seeds pass them', () => {
    const seeds = readSeedSources('seeds');
    for (const { name, text } of seeds) {
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../config/seeds/${name.replace('.yaml', '.schema.json')}`);
    }
    expect(new Set(seeds.map((s) => s.name))).toEqual(new Set(SEED_FILES));
    expect(validateSeeds(seeds).problems).toEqual([]);
  });

  it('allow the comparators the indicators know', () => {
    const schema = JSON.parse(readFileSync('config/seeds/indicators.schema.json', 'utf8')) as {
      properties: { indicators: { items: { properties: { comparator: { enum: string[] } } } } };
    };
    expect(schema.properties.indicators.items.properties.comparator.enum).toEqual([...COMPARATORS]);
  });
});

describe('expandYearly', () => {
  const task: SeedTaskEntry = {
    code: 'T-7-1-4',
    title: '年度目标考核',
    description: '纳入年度目标考核',
    leadDepartmentCode: 'edu',
    coDepartmentCodes: ['other'],
    dueDate: '2025-12-31',
    clauseRef: '七(一)#2',
    parentCode: 'T-7',
    recurrence: 'yearly',
    reportEvery: null,
    reportFrom: null,
    indicatorCodes: [],
    dutyCode: null,
    origin: { file: 'tasks.yaml', entry: 'tasks[0]' },
  };

  it('makes one task per year of the plan period, code suffixed with the year, due 31 December', () => {
    const occurrences = expandYearly(task, 2021);
    expect(occurrences.map((o) => [o.code, o.title, o.dueDate])).toEqual([
      ['T-7-1-4-2021', '年度目标考核（2021年）', '2021-12-31'],
      ['T-7-1-4-2022', '年度目标考核（2022年）', '2022-12-31'],
      ['T-7-1-4-2023', '年度目标考核（2023年）', '2023-12-31'],
      ['T-7-1-4-2024', '年度目标考核（2024年）', '2024-12-31'],
      ['T-7-1-4-2025', '年度目标考核（2025年）', '2025-12-31'],
    ]);
    // Everything else is the series': parent, departments, clause.
    for (const o of occurrences) expect(o).toMatchObject({ parentCode: 'T-7', leadDepartmentCode: 'edu', coDepartmentCodes: ['other'], clauseRef: '七(一)#2' });
    expect(occurrences[0]).not.toHaveProperty('recurrence');
  });

  it('ends with the year of the due date', () => {
    expect(expandYearly({ ...task, dueDate: '2023-06-30' }, 2021).map((o) => o.dueDate)).toEqual(['2021-12-31', '2022-12-31', '2023-12-31']);
  });

  it('leaves a one-off task as it is', () => {
    const { recurrence: _, ...rest } = task;
    expect(expandYearly({ ...task, recurrence: null }, 2021)).toEqual([rest]);
  });
});
