import { Body, Controller, Get, HttpCode, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Post } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../../../libs/audit/audit.service.js';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { calendarDate } from '../../../libs/common/dates.js';
import { InvalidInputError } from '../../../libs/common/errors.js';
import type { Actor } from '../../../libs/common/roles.js';
import { AppConfig } from '../../../libs/config/app-config.js';
import { DepartmentRepository } from '../../../libs/db/repositories/department.repository.js';
import { importTemplate, TEMPLATE_FILE_NAME } from '../../../libs/excel/import-template.js';
import { NoticeService } from '../../../libs/reports/notice.service.js';
import { TaskBulkService } from '../../../libs/tasks/task-bulk.service.js';
import { BulkResultDto, BulkUpdateDto, TaskImportReportDto } from '../dto/task-bulk.dto.js';
import { PlanScope } from '../../../libs/plan/plan-scope.js';
import { TaskExportService } from '../../../libs/tasks/task-export.service.js';
import { TaskImportService } from '../../../libs/tasks/task-import.service.js';
import { TaskListQuery } from '../dto/task.dto.js';
import { PassThrough } from 'node:stream';
import { ApiWorkbookImport, workbookImport } from '../multipart.js';
import { attachment, XLSX } from '../downloads.js';
import { FILE_NAMES, HTTP_MESSAGES } from '../api.messages.js';

/** A 分工表 of thousands of rows is well under this; the zip's inflated size is checked separately. */
const IMPORT_FILE_LIMIT = 10 * 1024 * 1024;

/** Work on many tasks at once: the 分工表 import (dry run first) and its template, the Excel export, bulk changes, printed notices. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TaskExcelController {
  constructor(
    private readonly imports: TaskImportService,
    private readonly exports: TaskExportService,
    private readonly bulkChanges: TaskBulkService,
    private readonly notices: NoticeService,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly plans: PlanScope,
    private readonly config: AppConfig,
  ) {}

  @Post('tasks/bulk')
  @Can('task.bulk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'change the due date, assignee or co-departments of many tasks at once: all or nothing; each task with the version read (a stale one is 409 and nothing changes); audited per task',
  })
  @ApiOkResponse({ type: BulkResultDto })
  bulk(@CurrentActor() actor: Actor, @Body() body: BulkUpdateDto) {
    return this.bulkChanges.update(actor, body.ids, body.set);
  }

  @Get('tasks/:id/notice.html')
  @Can('task.notice')
  @ApiOperation({
    summary:
      'a printable A4 督办通知单 (kind=supervise) or 催办通知单 (kind=urge, naming days overdue and reminders sent); numbered per kind and year, once per task, kind and day; audited',
  })
  @ApiQuery({ name: 'kind', required: true, enum: ['supervise', 'urge'] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the page', schema: { type: 'string' } })
  async notice(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('kind') kind: string | undefined, @Res() reply: FastifyReply) {
    if (kind !== 'supervise' && kind !== 'urge') throw new InvalidInputError(HTTP_MESSAGES.badNoticeKind(kind));
    const { html, number } = await this.notices.issue(actor, id, kind);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-notice-number', encodeURIComponent(number))
      .send(html);
  }

  @Get('tasks.xlsx')
  @Can('task.export')
  @ApiOperation({
    summary:
      'every task GET /tasks lists with the same filters (no paging), as a workbook: Chinese headers, light, days overdue, department names, progress, last report; streamed',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Query() query: TaskListQuery, @Res() reply: FastifyReply) {
    const { page: _page, limit: _limit, ...filters } = query;
    const planId = await this.plans.filter(filters.plan);
    const out = new PassThrough();
    const name = FILE_NAMES.taskList(calendarDate(this.config.TZ));
    await this.audit.recordDownload(actor.id, 'report', 'tasks.xlsx', { filename: name, filters });
    void reply.header('content-type', XLSX).header('cache-control', 'no-store').header('content-disposition', attachment('tasks.xlsx', name)).send(out);
    // Headers are out once the first bytes are: a failure past here can only cut the file short.
    // The workbook ends the stream itself when it is complete.
    await this.exports.write(actor, filters, planId, out).catch((error: unknown) => out.destroy(error as Error));
  }

  @Get('tasks/import/template.xlsx')
  @Can('task.import')
  @ApiOperation({ summary: 'the 分工表 template: Chinese headers, an example, a 部门列表 sheet and drop-down lists of departments' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async template(@Res() reply: FastifyReply) {
    const file = await importTemplate(await this.departments.list());
    return reply
      .header('content-type', XLSX)
      .header('cache-control', 'no-store')
      .header('content-disposition', attachment('task-import-template.xlsx', TEMPLATE_FILE_NAME))
      .send(file);
  }

  @Post('tasks/import')
  @Can('task.import')
  @HttpCode(200)
  @ApiWorkbookImport('import a 分工表 (.xlsx): with dryRun=true only checks and previews; a file with any error imports nothing (422 with the same report)')
  @ApiQuery({
    name: 'plan',
    required: false,
    description:
      'the plan (id or code; 404 when unknown) whose clauses the 条款 column names and which new tasks join; default the current plan (CURRENT_PLAN, else the plan whose period starts last). A row whose task lives in another plan is an error: an import never moves a task between plans',
  })
  @ApiOkResponse({ type: TaskImportReportDto })
  @ApiUnprocessableEntityResponse({ type: TaskImportReportDto, description: 'the file has errors: nothing was imported' })
  async import(
    @CurrentActor() actor: Actor,
    @Query('dryRun') dryRun: string | undefined,
    @Query('plan') plan: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskImportReportDto> {
    return workbookImport(request, reply, { dryRun, maxBytes: IMPORT_FILE_LIMIT, nothing: HTTP_MESSAGES.nothingImported }, (file, options) =>
      this.imports.import(actor, file, { ...options, plan }),
    );
  }
}
