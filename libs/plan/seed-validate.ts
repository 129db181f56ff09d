/**
 * Turns parsed seed files into validated plans, or into problems naming file, line,
 * entry and field. Each file's fields are checked by its JSON Schema (config/seeds/,
 * see seed-schema.ts); this holds what a schema cannot say: references between entries
 * and files, duplicate codes, codes across plans, real dates and the yearly expansion.
 * Pure: the database's view (codes owned by other plans) is checked by the importer
 * with `seed-diff.ts`.
 */
import { isCalendarDate } from '../common/dates.js';
import type { Comparator } from '../indicators/indicator-trend.js';
import { REPORT_CYCLES, type ReportCycle } from '../vocabulary/tasks.js';
import { parseSeedSource, SEED_FILES, type SeedDocument, type SeedFileName, type SeedProblem, type SeedSource } from './seed-files.js';
import { entryName, schemaProblems, valueAt } from './seed-schema.js';

/** Where a record was written, for messages about it. */
export interface SeedOrigin {
  file: string;
  line?: number;
  entry: string;
}

export interface SeedSection {
  code: string;
  parentCode: string | null;
  title: string;
  text: string;
  ordinal: number;
  origin: SeedOrigin;
}
export interface SeedClause {
  ref: string;
  sectionCode: string;
  text: string;
  ordinal: number;
  origin: SeedOrigin;
}
/** `aliases`: the other names tables use for it (发改委, 市教育局…), matched by the 分工表 import. */
export interface SeedDepartment {
  code: string;
  name: string;
  aliases: string[];
  ordinal: number;
  origin: SeedOrigin;
}
export interface SeedDuty {
  code: string;
  departmentCode: string;
  clauseRef: string;
  text: string;
  ordinal: number;
  origin: SeedOrigin;
}

export interface SeedIndicator {
  code: string;
  name: string;
  unit: string;
  comparator: Comparator;
  target: number;
  targetYear: number;
  baseline: number | null;
  baselineYear: number | null;
  departmentCode: string;
  clauseRef: string;
  sourceText: string;
  baselineClauseRef: string | null;
  baselineSourceText: string | null;
  derived: boolean;
  note: string | null;
  ordinal: number;
  origin: SeedOrigin;
}

/** A task as written in tasks.yaml, before yearly expansion. */
export interface SeedTaskEntry {
  code: string;
  title: string;
  description: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  /** Null: open-ended (长期坚持), only with `reportEvery`. */
  dueDate: string | null;
  clauseRef: string;
  parentCode: string | null;
  recurrence: 'yearly' | null;
  /** 定期报送 cycle; null: none. */
  reportEvery: ReportCycle | null;
  /** The day report periods start from; null: the day the task is imported. */
  reportFrom: string | null;
  indicatorCodes: string[];
  dutyCode: string | null;
  origin: SeedOrigin;
}

/** A task to store: yearly entries become one of these per year. */
export type SeedTask = Omit<SeedTaskEntry, 'recurrence'>;

export interface SeedPlan {
  folder: string;
  code: string;
  title: string;
  startYear: number;
  endYear: number;
  timezone: string;
  preamble: string;
  origin: SeedOrigin;
  sections: SeedSection[];
  clauses: SeedClause[];
  departments: SeedDepartment[];
  duties: SeedDuty[];
  indicators: SeedIndicator[];
  tasks: SeedTask[];
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** Parses and validates every plan folder; the plans are usable only when `problems` is empty. */
export function validateSeeds(sources: SeedSource[]): { plans: SeedPlan[]; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const folders = [...new Set(sources.map((s) => s.folder))];
  if (folders.length === 0) problems.push({ file: '(seeds)', message: '没有任何规划目录' });
  const plans: SeedPlan[] = [];
  for (const folder of folders) {
    const docs = new Map<SeedFileName, SeedDocument>();
    for (const source of sources.filter((s) => s.folder === folder)) {
      if (!(SEED_FILES as readonly string[]).includes(source.name)) {
        problems.push({ file: source.path, message: `未知的种子文件（应为 ${SEED_FILES.join('、')}）` });
        continue;
      }
      const parsed = parseSeedSource(source);
      problems.push(...parsed.problems);
      if (parsed.doc) docs.set(source.name as SeedFileName, parsed.doc);
    }
    const missing = SEED_FILES.filter((name) => !sources.some((s) => s.folder === folder && s.name === name));
    for (const name of missing) problems.push({ file: `${folder}/${name}`, message: '缺少种子文件' });
    if (docs.size === SEED_FILES.length) plans.push(new FolderValidator(folder, docs, problems).validate());
  }
  problems.push(...crossPlanProblems(plans));
  return { plans, problems: sortProblems(problems) };
}

/**
 * Codes are global in the database (task.code unique, duty and indicator codes primary keys),
 * so two folders may not use the same one; departments are shared but must agree on their name.
 */
function crossPlanProblems(plans: SeedPlan[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const seen = new Map<string, { folder: string; origin: SeedOrigin }>();
  // Repeats inside one folder are reported by the folder's own checks.
  const claim = (folder: string, kind: string, code: string, origin: SeedOrigin) => {
    const key = `${kind}:${code}`;
    const first = seen.get(key);
    if (!first) seen.set(key, { folder, origin });
    else if (first.folder !== folder) {
      problems.push({ ...origin, field: 'code', message: `${code} 已在 ${first.origin.file}:${first.origin.line ?? '?'} 使用；代码在所有规划间必须唯一` });
    }
  };
  const names = new Map<string, SeedDepartment>();
  for (const plan of plans) {
    claim(plan.folder, 'plan', plan.code, plan.origin);
    for (const d of plan.duties) claim(plan.folder, 'duty', d.code, d.origin);
    for (const i of plan.indicators) claim(plan.folder, 'indicator', i.code, i.origin);
    for (const t of plan.tasks) claim(plan.folder, 'task', t.code, t.origin);
    for (const d of plan.departments) {
      const first = names.get(d.code);
      if (!first) names.set(d.code, d);
      else if (first.name !== d.name)
        problems.push({ ...d.origin, field: 'name', message: `部门 ${d.code} 在 ${first.origin.file} 中名为「${first.name}」，不一致` });
    }
  }
  return problems;
}

/** One year-occurrence per year from the plan's first year to the year of `dueDate`, due 31 December. */
export function expandYearly(task: SeedTaskEntry, startYear: number): SeedTask[] {
  const { recurrence, ...rest } = task;
  if (recurrence !== 'yearly') return [rest];
  if (task.dueDate === null) return [rest];
  const lastYear = Number(task.dueDate.slice(0, 4));
  const occurrences: SeedTask[] = [];
  for (let year = startYear; year <= lastYear; year++) {
    occurrences.push({ ...rest, code: `${task.code}-${year}`, title: `${task.title}（${year}年）`, dueDate: `${year}-12-31` });
  }
  return occurrences;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One entry as the rules between fields and files read it. Its schema has reported any field
 * of the wrong type, so such a field reads as empty here and the rules skip it.
 */
class Entry {
  readonly origin: SeedOrigin;

  constructor(
    private readonly doc: SeedDocument,
    readonly path: Array<string | number>,
    readonly raw: Raw,
    entry: string,
    private readonly problems: SeedProblem[],
  ) {
    this.origin = { file: doc.file, line: doc.lineOf(path), entry };
  }

  fail(field: string, message: string): void {
    this.problems.push({ ...this.origin, line: this.doc.lineOf([...this.path, field]) ?? this.origin.line, field, message });
  }

  text(field: string): string {
    return this.optionalText(field) ?? '';
  }

  /** null when absent, null or not text. */
  optionalText(field: string): string | null {
    const value = this.raw[field];
    return typeof value === 'string' ? value : null;
  }

  number(field: string): number | null {
    const value = this.raw[field];
    return typeof value === 'number' ? value : null;
  }

  integer(field: string): number | null {
    const value = this.raw[field];
    return Number.isInteger(value) ? (value as number) : null;
  }

  codes(field: string): string[] {
    const value = this.raw[field];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }
}

/** Validates the four files of one plan folder against each other, after each has been checked against its schema. */
class FolderValidator {
  private readonly clauses = new Map<string, SeedClause>();
  private readonly departmentCodes = new Set<string>();
  private readonly duties = new Map<string, SeedDuty>();
  private readonly indicatorCodes = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly docs: Map<SeedFileName, SeedDocument>,
    private readonly problems: SeedProblem[],
  ) {}

  validate(): SeedPlan {
    for (const [name, doc] of this.docs) this.problems.push(...schemaProblems(name, doc));
    const plan = this.plan();
    const sections = this.sections();
    for (const c of this.clauseList(sections)) this.clauses.set(c.ref, c);
    const { departments, duties } = this.departments();
    const indicators = this.indicators();
    const entries = this.tasks();
    const tasks = this.expand(entries, plan.startYear, plan.endYear);
    return { ...plan, sections, clauses: [...this.clauses.values()], departments, duties, indicators, tasks };
  }

  /** The entries (maps) of the list at `path` in `file`; anything else there is the schema's to report. */
  private entries(file: SeedFileName, path: Array<string | number>): Entry[] {
    const doc = this.docs.get(file) as SeedDocument;
    const list = valueAt(doc.data, path);
    if (!Array.isArray(list)) return [];
    return list.flatMap((item, index) => (isRecord(item) ? [new Entry(doc, [...path, index], item, entryName([...path, index], item), this.problems)] : []));
  }

  /** Reports a code used twice in one list; true when `code` is new. */
  private unique(seen: Set<string>, entry: Entry, field: string, code: string): boolean {
    if (!code) return false;
    if (seen.has(code)) {
      entry.fail(field, `重复的代码：${code}`);
      return false;
    }
    seen.add(code);
    return true;
  }

  private plan() {
    const doc = this.docs.get('plan.yaml') as SeedDocument;
    const raw = valueAt(doc.data, ['plan']);
    const entry = new Entry(doc, ['plan'], isRecord(raw) ? raw : {}, 'plan', this.problems);
    const period = new Entry(doc, ['plan', 'period'], isRecord(entry.raw.period) ? entry.raw.period : {}, 'plan.period', this.problems);
    const startYear = period.integer('start');
    const endYear = period.integer('end');
    if (startYear !== null && endYear !== null && startYear > endYear) period.fail('end', `结束年份 ${endYear} 早于开始年份 ${startYear}`);
    const timezone = entry.text('timezone');
    if (timezone.trim() && !isTimeZone(timezone)) entry.fail('timezone', `不是 IANA 时区：${timezone}`);
    return {
      folder: this.folder,
      code: entry.text('code'),
      title: entry.text('title'),
      startYear: startYear ?? 0,
      endYear: endYear ?? 0,
      timezone,
      preamble: entry.optionalText('preamble') ?? '',
      origin: entry.origin,
    };
  }

  private sections(): SeedSection[] {
    const seen = new Set<string>();
    return this.entries('plan.yaml', ['sections']).map((entry, ordinal) => {
      const code = entry.text('code');
      const parentCode = entry.optionalText('parent');
      if (parentCode !== null && !seen.has(parentCode)) entry.fail('parent', `上级章节必须是前面已列出的章节：${parentCode}`);
      this.unique(seen, entry, 'code', code);
      return { code, parentCode, title: entry.text('title'), text: entry.text('text'), ordinal, origin: entry.origin };
    });
  }

  private clauseList(sections: SeedSection[]): SeedClause[] {
    const sectionCodes = new Set(sections.map((s) => s.code));
    const seen = new Set<string>();
    return this.entries('plan.yaml', ['clauses']).flatMap((entry, ordinal) => {
      const ref = entry.text('ref');
      const sectionCode = entry.text('section');
      if (sectionCode && !sectionCodes.has(sectionCode)) entry.fail('section', `章节不存在：${sectionCode}`);
      else if (ref && sectionCode && !ref.startsWith(sectionCode)) entry.fail('ref', `条文编号应以章节代码 ${sectionCode} 开头：${ref}`);
      const clause = { ref, sectionCode, text: entry.text('text'), ordinal, origin: entry.origin };
      return this.unique(seen, entry, 'ref', ref) ? [clause] : [];
    });
  }

  /** The clause `ref` names, reporting a dangling one; `verbatim`, when given, must be a part of its text. */
  private clause(entry: Entry, field: string, ref: string | null, verbatim?: { field: string; text: string | null }): void {
    if (!ref) return;
    const clause = this.clauses.get(ref);
    if (!clause) entry.fail(field, `条文不存在（plan.yaml 的 clauses 中没有）：${ref}`);
    else if (verbatim?.text && !clause.text.includes(verbatim.text)) entry.fail(verbatim.field, `不是条文 ${ref} 原文的一部分（须逐字照录）`);
  }

  private department(entry: Entry, field: string, code: string): void {
    if (code && !this.departmentCodes.has(code)) entry.fail(field, `部门不存在（departments.yaml 中没有）：${code}`);
  }

  private departments(): { departments: SeedDepartment[]; duties: SeedDuty[] } {
    const entries = this.entries('departments.yaml', ['departments']);
    const departments = entries.map((entry, ordinal) => {
      const code = entry.text('code');
      this.unique(this.departmentCodes, entry, 'code', code);
      return { code, name: entry.text('name'), aliases: entry.codes('aliases'), ordinal, origin: entry.origin };
    });
    const duties = entries.flatMap((department, d) =>
      this.entries('departments.yaml', [...department.path, 'duties']).flatMap((entry, ordinal) => {
        const code = entry.text('code');
        const duty = { code, departmentCode: departments[d].code, clauseRef: entry.text('clauseRef'), text: entry.text('text'), ordinal, origin: entry.origin };
        this.clause(entry, 'clauseRef', duty.clauseRef, { field: 'text', text: duty.text });
        if (!code || this.duties.has(code)) {
          if (code) entry.fail('code', `重复的代码：${code}`);
          return [];
        }
        this.duties.set(code, duty);
        return [duty];
      }),
    );
    return { departments, duties };
  }

  private indicators(): SeedIndicator[] {
    return this.entries('indicators.yaml', ['indicators']).map((entry, ordinal) => {
      const code = entry.text('code');
      this.unique(this.indicatorCodes, entry, 'code', code);
      const indicator: SeedIndicator = {
        code,
        name: entry.text('name'),
        unit: entry.text('unit'),
        comparator: entry.text('comparator') as Comparator,
        target: entry.number('target') ?? 0,
        targetYear: entry.integer('targetYear') ?? 0,
        baseline: entry.number('baseline'),
        baselineYear: entry.integer('baselineYear'),
        departmentCode: entry.text('department'),
        clauseRef: entry.text('clauseRef'),
        sourceText: entry.text('sourceText'),
        baselineClauseRef: entry.optionalText('baselineClauseRef'),
        baselineSourceText: entry.optionalText('baselineSourceText'),
        derived: entry.raw.derived === true,
        note: entry.optionalText('note'),
        ordinal,
        origin: entry.origin,
      };
      // Rules between fields, which the schema could say only with messages no clearer than these.
      if ((indicator.baseline === null) !== (indicator.baselineYear === null) && 'baseline' in entry.raw && 'baselineYear' in entry.raw) {
        entry.fail('baselineYear', 'baseline 与 baselineYear 必须同时为空或同时有值');
      }
      if (indicator.baseline !== null && !indicator.baselineClauseRef) entry.fail('baselineClauseRef', '有 baseline 时必填');
      if (indicator.baselineClauseRef && !indicator.baselineSourceText) entry.fail('baselineSourceText', '有 baselineClauseRef 时必填');
      this.department(entry, 'department', indicator.departmentCode);
      this.clause(entry, 'clauseRef', indicator.clauseRef, { field: 'sourceText', text: indicator.sourceText });
      this.clause(entry, 'baselineClauseRef', indicator.baselineClauseRef, { field: 'baselineSourceText', text: indicator.baselineSourceText });
      return indicator;
    });
  }

  private tasks(): Array<{ task: SeedTaskEntry; entry: Entry }> {
    const seen = new Set<string>();
    const tasks = this.entries('tasks.yaml', ['tasks']).map((entry) => {
      const task: SeedTaskEntry = {
        code: entry.text('code'),
        title: entry.text('title'),
        description: entry.text('description'),
        leadDepartmentCode: entry.text('leadDepartment'),
        coDepartmentCodes: entry.codes('coDepartments'),
        dueDate: entry.raw.dueDate === null ? null : entry.text('dueDate'),
        clauseRef: entry.text('clauseRef'),
        parentCode: entry.optionalText('parent'),
        recurrence: entry.raw.recurrence === 'yearly' ? 'yearly' : null,
        reportEvery: REPORT_CYCLES.find((c) => c === entry.raw.reportEvery) ?? null,
        reportFrom: entry.optionalText('reportFrom'),
        indicatorCodes: entry.codes('indicators'),
        dutyCode: entry.optionalText('duty'),
        origin: entry.origin,
      };
      // The schema checks the form YYYY-MM-DD; whether that day exists (no 30 February) is for code.
      if (task.dueDate !== null && DATE_FORM.test(task.dueDate) && !isCalendarDate(task.dueDate))
        entry.fail('dueDate', `不是有效日期 YYYY-MM-DD：${task.dueDate}`);
      if (task.reportFrom !== null && DATE_FORM.test(task.reportFrom) && !isCalendarDate(task.reportFrom))
        entry.fail('reportFrom', `不是有效日期 YYYY-MM-DD：${task.reportFrom}`);
      // An open-ended duty (长期坚持) is tracked by its reports alone: without a cycle nothing would be owed.
      if (task.dueDate === null && task.reportEvery === null) entry.fail('dueDate', '为 null（长期坚持，无最终期限）时须写报送周期 reportEvery');
      if (task.dueDate === null && task.recurrence === 'yearly') entry.fail('recurrence', '按年重复的任务每年有截止日期，dueDate 不能为 null');
      this.unique(seen, entry, 'code', task.code);
      this.department(entry, 'leadDepartment', task.leadDepartmentCode);
      for (const co of task.coDepartmentCodes) this.department(entry, 'coDepartments', co);
      if (task.coDepartmentCodes.includes(task.leadDepartmentCode)) entry.fail('coDepartments', `不能包含牵头部门 ${task.leadDepartmentCode}`);
      this.clause(entry, 'clauseRef', task.clauseRef, { field: 'description', text: task.description });
      const unknown = task.indicatorCodes.filter((c) => !this.indicatorCodes.has(c));
      if (unknown.length > 0) entry.fail('indicators', `指标不存在（indicators.yaml 中没有）：${unknown.join(', ')}`);
      return { task, entry };
    });
    this.checkParents(tasks);
    this.checkDuties(tasks);
    return tasks;
  }

  /** Parents exist, are not yearly (an occurrence cannot parent a whole series) and form no cycle. */
  private checkParents(tasks: Array<{ task: SeedTaskEntry; entry: Entry }>): void {
    const byCode = new Map(tasks.map((t) => [t.task.code, t.task]));
    for (const { task, entry } of tasks) {
      if (task.parentCode === null) continue;
      const parent = byCode.get(task.parentCode);
      if (!parent) entry.fail('parent', `上级任务不存在：${task.parentCode}`);
      else if (parent.recurrence === 'yearly') entry.fail('parent', `上级任务 ${task.parentCode} 按年重复，不能有下级任务`);
      else {
        const chain = new Set([task.code]);
        for (let p: SeedTaskEntry | undefined = parent; p; p = p.parentCode ? byCode.get(p.parentCode) : undefined) {
          if (chain.has(p.code)) {
            entry.fail('parent', `上下级关系成环：${[...chain, p.code].join(' → ')}`);
            break;
          }
          chain.add(p.code);
        }
      }
    }
  }

  /** Every duty has exactly one task, led by the duty's department and citing its clause. */
  private checkDuties(tasks: Array<{ task: SeedTaskEntry; entry: Entry }>): void {
    const taskOf = new Map<string, string>();
    for (const { task, entry } of tasks) {
      if (task.dutyCode === null) continue;
      const duty = this.duties.get(task.dutyCode);
      if (!duty) {
        entry.fail('duty', `职责不存在（departments.yaml 中没有）：${task.dutyCode}`);
        continue;
      }
      const other = taskOf.get(duty.code);
      if (other) entry.fail('duty', `职责 ${duty.code} 已由任务 ${other} 承担；每项职责只对应一个任务`);
      taskOf.set(duty.code, task.code);
      if (task.leadDepartmentCode !== duty.departmentCode) entry.fail('leadDepartment', `职责 ${duty.code} 属于 ${duty.departmentCode}，任务须由其牵头`);
      if (task.clauseRef !== duty.clauseRef) entry.fail('clauseRef', `须与职责 ${duty.code} 的 clauseRef 相同：${duty.clauseRef}`);
    }
    for (const duty of this.duties.values()) {
      if (!taskOf.has(duty.code))
        this.problems.push({ ...duty.origin, field: 'code', message: `职责 ${duty.code} 没有对应的任务（tasks.yaml 中 duty: ${duty.code}）` });
    }
  }

  private expand(tasks: Array<{ task: SeedTaskEntry; entry: Entry }>, startYear: number, endYear: number): SeedTask[] {
    const codes = new Set(tasks.map((t) => t.task.code));
    return tasks.flatMap(({ task, entry }) => {
      // Without a valid period (reported on plan.yaml) there is nothing to compare the due date with.
      if (task.recurrence !== 'yearly' || task.dueDate === null || !isCalendarDate(task.dueDate) || !startYear || !endYear)
        return expandYearly(task, startYear);
      const year = Number(task.dueDate.slice(0, 4));
      if (year < startYear || year > endYear) {
        entry.fail('dueDate', `按年重复的任务须在规划期 ${startYear}–${endYear} 内截止：${task.dueDate}`);
        return [];
      }
      const occurrences = expandYearly(task, startYear);
      for (const o of occurrences) {
        if (codes.has(o.code)) entry.fail('code', `按年展开的代码 ${o.code} 与另一任务重复`);
        if (o.code.length > 100) entry.fail('code', `按年展开的代码 ${o.code} 过长（最多 100 个字符）`);
      }
      return occurrences;
    });
  }
}

/** In file and line order, as an author fixes them. */
function sortProblems(problems: SeedProblem[]): SeedProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
