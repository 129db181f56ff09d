import { createHash } from 'node:crypto';
import { readDeadline } from './deadline-forms.js';
import type { DepartmentMatcher } from './department-matcher.js';
import type { SupervisorMatcher } from './supervisor-matcher.js';
import type { CellProblem, TableRow } from './duty-table.js';
import { COLUMN_LABEL, type ImportColumn } from './table-headers.js';
import { TABLE_PROBLEMS } from './excel.messages.js';
import type { ReportCycle } from '../vocabulary/tasks.js';

/** One task a row describes, with what the import writes (the seed-owned fields). */
export interface PlannedTask {
  sheet: string;
  row: number;
  /** Stable key: the task's `code`, from its title and its parents' titles, so a re-import finds it. */
  code: string;
  /** The row's 序号 as written (一、 / （一） / 1.), if any. */
  label: string | null;
  title: string;
  description: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  /** Null: open-ended (长期坚持, 每季度 …), with `reportEvery`. */
  dueDate: string | null;
  /** The reporting cycle the 完成时限 cell names (每月, 每季度, 每半年, 长期坚持); null when it names none. */
  reportEvery: ReportCycle | null;
  clauseRef: string | null;
  /** The parent's code, when the 序号 puts the row under another. */
  parentCode: string | null;
  /** 督办责任人 named in the row; null leaves it to the default (the importer for a new task, unchanged for an existing one). */
  supervisorId: string | null;
}

export interface ImportPlan {
  tasks: PlannedTask[];
  errors: CellProblem[];
}

const TITLE_MAX = 300;

/** The depth a 序号 gives: 一、 → 1, （一） → 2, 1. → 3, （1） → 4; null when the cell holds none. */
export function sequenceLevel(label: string): { level: number; rest: string } | null {
  const forms: Array<[RegExp, number]> = [
    [/^[一二三四五六七八九十百]+[、.．]\s*/, 1],
    [/^[（(][一二三四五六七八九十百]+[）)][、.．]?\s*/, 2],
    [/^\d+(?:[.．]\d+)+[、.．]?\s*/, 4],
    [/^\d+(?:[、.．]\s*|$)/, 3],
    [/^[（(]\d+[）)][、.．]?\s*/, 4],
  ];
  for (const [form, level] of forms) {
    const match = form.exec(label);
    if (match) return { level, rest: label.slice(match[0].length).trim() };
  }
  return null;
}

/**
 * Works out, for each row read, the task it describes: departments matched to codes,
 * the deadline read, the 序号 hierarchy turned into parents. A heading row (一、…) with
 * no department or deadline of its own takes its first child's lead department and its
 * children's latest deadline. Every problem is reported against its cell.
 */
export function planImport(
  rows: TableRow[],
  departments: DepartmentMatcher,
  knownClause: (ref: string) => boolean,
  supervisors: SupervisorMatcher,
): ImportPlan {
  const errors: CellProblem[] = [];
  const fail = (row: TableRow, column: ImportColumn, message: string) => {
    const address = row.cells[column]?.address;
    errors.push({
      sheet: row.sheet,
      row: row.row,
      column: COLUMN_LABEL[column],
      ...(address ? { cell: address } : {}),
      message: TABLE_PROBLEMS.cell(row.sheet, row.row, COLUMN_LABEL[column], message),
    });
  };
  type Draft = PlannedTask & { level: number; needsLead: boolean; needsDue: boolean; source: TableRow };
  const drafts: Draft[] = [];
  const stack: Draft[] = [];
  const seen = new Map<string, Draft>();
  for (const row of rows) {
    const text = (column: ImportColumn) => {
      const value = row.cells[column]?.value;
      return value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
    };
    let label = text('seq') || null;
    let title = text('title');
    const sequence = label ? sequenceLevel(label) : null;
    // A heading written whole into the 序号 cell (merged across the row): 一、深化教育改革.
    if (sequence && sequence.rest && !title) title = sequence.rest;
    if (sequence?.rest) label = label!.slice(0, label!.length - sequence.rest.length).trim();
    if (!title) {
      if (!row.cells.title?.unreadable) fail(row, 'title', TABLE_PROBLEMS.emptyTitle);
      continue;
    }
    if (title.length > TITLE_MAX) fail(row, 'title', TABLE_PROBLEMS.titleTooLong(TITLE_MAX, title.length));
    let supervisorId: string | null = null;
    if (text('supervisor')) {
      const named = supervisors.match(text('supervisor'));
      if ('problem' in named) fail(row, 'supervisor', named.problem);
      else supervisorId = named.id;
    }
    const previous = drafts.at(-1);
    // A row without 序号 sits beside the row above, or under it when that row is a bare heading.
    const level = sequence?.level ?? (previous ? previous.level + (previous.needsLead && previous.needsDue ? 1 : 0) : 1);
    while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
    const parent = stack.at(-1) ?? null;

    const lead = departments.matchAll(text('lead'));
    if (lead.unknown.length > 0) fail(row, 'lead', TABLE_PROBLEMS.unknownUnits(lead.unknown));
    const co = departments.matchAll(text('co'));
    if (co.unknown.length > 0) fail(row, 'co', TABLE_PROBLEMS.unknownUnits(co.unknown));
    // Several lead departments in one cell: the first leads, the others co-operate.
    const [leadCode, ...otherLeads] = lead.codes;
    // '' until read (a heading takes its children's); null for an open-ended task.
    let dueDate: string | null = '';
    let reportEvery: ReportCycle | null = null;
    if (row.cells.due && !row.cells.due.unreadable) {
      const reading = readDeadline(row.cells.due.value);
      if ('problem' in reading) fail(row, 'due', reading.problem);
      else ({ date: dueDate, reportEvery = null } = reading);
    }
    let clauseRef: string | null = text('clause').replace(/（/g, '(').replace(/）/g, ')') || null;
    if (clauseRef && !knownClause(clauseRef)) {
      fail(row, 'clause', TABLE_PROBLEMS.unknownClause(clauseRef));
      clauseRef = null;
    }
    const description = text('description');
    // Rows sharing one merged task cell differ by their measures: the measure is part of their identity.
    const identity = [...stack.map((d) => d.title), title, row.cells.title?.merged ? description : ''].join('\u0001');
    const code = `XLS-${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`;
    const draft: Draft = {
      sheet: row.sheet,
      row: row.row,
      code,
      label,
      title,
      description,
      leadDepartmentCode: leadCode ?? '',
      coDepartmentCodes: [...otherLeads, ...co.codes].filter((c, i, all) => c !== leadCode && all.indexOf(c) === i),
      dueDate,
      reportEvery,
      clauseRef,
      parentCode: parent?.code ?? null,
      supervisorId,
      level,
      needsLead: !row.cells.lead,
      needsDue: !row.cells.due,
      source: row,
    };
    const twin = seen.get(code);
    if (twin) fail(row, 'title', TABLE_PROBLEMS.sameTask(twin.sheet, twin.row));
    seen.set(code, draft);
    drafts.push(draft);
    stack.push(draft);
  }
  // Headings take what they lack from their children (the children come after them, so run backwards).
  const children = new Map<string, Draft[]>();
  for (const d of drafts) if (d.parentCode) children.set(d.parentCode, [...(children.get(d.parentCode) ?? []), d]);
  for (const d of [...drafts].reverse()) {
    const kids = children.get(d.code) ?? [];
    if (d.needsLead && kids.length > 0) d.leadDepartmentCode = kids.find((k) => k.leadDepartmentCode)?.leadDepartmentCode ?? '';
    // Over open-ended parts the heading is open-ended too, reported as often as its first such part.
    const ongoing = kids.find((k) => k.dueDate === null);
    if (d.needsDue && ongoing) {
      d.dueDate = null;
      d.reportEvery = ongoing.reportEvery;
    } else if (d.needsDue && kids.length > 0)
      d.dueDate =
        kids
          .map((k) => k.dueDate)
          .filter(Boolean)
          .sort()
          .at(-1) ?? '';
    if (d.needsLead && !d.leadDepartmentCode) fail(d.source, 'lead', TABLE_PROBLEMS.emptyLead);
    if (d.needsDue && d.dueDate === '') fail(d.source, 'due', TABLE_PROBLEMS.emptyDue);
  }
  const tasks = drafts.map(({ level: _level, needsLead: _lead, needsDue: _due, source: _source, ...task }) => task);
  return { tasks, errors };
}
