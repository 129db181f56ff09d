import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { calendarDate, daysBetween } from '../common/dates.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { ProgressRepository } from '../db/repositories/progress.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import { deadlineLabel } from '../vocabulary/tasks.js';
import { taskWorkbook } from '../excel/task-workbook.js';
import { DeadlineClock } from './deadline-clock.js';
import { LIGHT_LABEL, STATUS_LABEL } from './tasks.messages.js';
import { listFilter, type TaskQuery } from './task.service.js';
import { taskSummaryView } from './task.view.js';

/** Rows read per query: the memory the export holds at once. */
const BATCH = 500;

/** `GET /tasks.xlsx`: every task `GET /tasks` would list with the same filters, in its order, streamed. */
@Injectable()
export class TaskExportService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly departments: DepartmentRepository,
    private readonly progress: ProgressRepository,
    private readonly clock: DeadlineClock,
    private readonly config: AppConfig,
  ) {}

  /** `planId`: `query.plan` resolved by the caller before the first byte goes out (an unknown plan is a 404, not a cut file). */
  async write(actor: Actor, query: Omit<TaskQuery, 'page' | 'limit'>, planId: string | undefined, out: Writable): Promise<void> {
    const window = await this.clock.window();
    const names = new Map((await this.departments.list()).map((d) => [d.code, d.name]));
    const name = (code: string) => names.get(code) ?? code;
    const filter = listFilter(actor, query, window, planId);
    const workbook = taskWorkbook(out);
    for (let offset = 0; ; offset += BATCH) {
      const { items } = await this.tasks.list({ ...filter, offset, limit: BATCH });
      const reports = await this.progress.latestFor(items.map((t) => t.id));
      workbook.add(
        items.map((row) => {
          const task = taskSummaryView(row, window);
          const report = reports.get(task.id);
          return {
            code: task.code,
            title: task.title,
            leadDepartment: name(task.leadDepartmentCode),
            coDepartments: task.coDepartmentCodes.map(name).join('、'),
            dueDate: deadlineLabel(task.dueDate),
            status: STATUS_LABEL[task.status],
            light: LIGHT_LABEL[task.light],
            daysOverdue: task.overdue && task.dueDate !== null ? daysBetween(task.dueDate, window.today) : 0,
            percent: task.percent,
            lastReportAt: report ? calendarDate(this.config.TZ, report.createdAt) : '',
            lastReport: report?.note ?? '',
            clauseRef: task.clauseRef,
          };
        }),
      );
      if (items.length < BATCH) break;
    }
    await workbook.finish();
  }
}
