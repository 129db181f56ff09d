import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../../../libs/audit/audit.service.js';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { EvaluationService } from '../../../libs/evaluation/evaluation.service.js';
import type { ReportFile } from '../../../libs/reports/assessment-report.service.js';
import { EvaluationReportService } from '../../../libs/reports/evaluation-report.service.js';
import { sendReport, XLSX } from '../downloads.js';
import { EvaluationParam, EvaluationQuery, EvaluationRecordDto, FindingsDto, PlanEvaluationDto, PlanIdParam } from '../dto/evaluation.dto.js';

/** The plan's staged evaluation (分期评估, 规划七(一)): the plan as of a day, the evaluators' findings, the report files. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('plans/:id')
export class EvaluationController {
  constructor(
    private readonly evaluations: EvaluationService,
    private readonly reports: EvaluationReportService,
    private readonly audit: AuditService,
  ) {}

  @Get('evaluation')
  @Can('evaluation.read')
  @ApiOperation({
    summary:
      'the plan as of the end of asOf: every indicator (latest value, achieved, progress, pace), tasks by chapter and section, open problems by department, totals; ' +
      'a finalised evaluation from its frozen numbers. 400 for a malformed asOf or one before the plan starts, 404 for an unknown plan',
  })
  @ApiOkResponse({ type: PlanEvaluationDto })
  get(@Param() params: PlanIdParam, @Query() query: EvaluationQuery) {
    return this.evaluations.evaluation(params.id, query.asOf);
  }

  @Get('evaluation.xlsx')
  @Can('evaluation.read')
  @ApiOperation({ summary: 'the evaluation as a workbook (规划指标完成情况表, tasks by chapter, problems, findings); rendered in the request' })
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async workbook(@CurrentActor() actor: Actor, @Param() params: PlanIdParam, @Query() query: EvaluationQuery, @Res() reply: FastifyReply) {
    return this.send(actor, reply, await this.reports.download(params.id, query.asOf, 'xlsx'));
  }

  @Get('evaluation.html')
  @Can('evaluation.read')
  @ApiOperation({ summary: 'the evaluation as one printable HTML page with charts; rendered in the request' })
  @ApiOkResponse({ description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } })
  async html(@CurrentActor() actor: Actor, @Param() params: PlanIdParam, @Query() query: EvaluationQuery, @Res() reply: FastifyReply) {
    return this.send(actor, reply, await this.reports.download(params.id, query.asOf, 'html'));
  }

  @Get('evaluations')
  @Can('evaluation.read')
  @ApiOperation({ summary: 'the saved evaluations of the plan, latest day first' })
  @ApiOkResponse({ type: [EvaluationRecordDto] })
  list(@Param() params: PlanIdParam) {
    return this.evaluations.list(params.id);
  }

  @Put('evaluations/:asOf')
  @Can('evaluation.write')
  @ApiOperation({ summary: 'write the findings and measures of the evaluation as of asOf, kept with the numbers as they stand; 409 once finalised; audited' })
  @ApiOkResponse({ type: EvaluationRecordDto })
  save(@CurrentActor() actor: Actor, @Param() params: EvaluationParam, @Body() body: FindingsDto) {
    return this.evaluations.save(actor, params.id, params.asOf, body);
  }

  @Post('evaluations/:asOf/finalize')
  @Can('evaluation.finalize')
  @HttpCode(200)
  @ApiOperation({ summary: 'freeze the evaluation: its numbers and text; 404 when nothing was saved for the day, 409 when already finalised; audited' })
  @ApiOkResponse({ type: EvaluationRecordDto })
  finalize(@CurrentActor() actor: Actor, @Param() params: EvaluationParam) {
    return this.evaluations.finalize(actor, params.id, params.asOf);
  }

  private send(actor: Actor, reply: FastifyReply, file: ReportFile) {
    return sendReport(this.audit, actor, reply, file);
  }
}
