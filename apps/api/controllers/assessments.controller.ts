import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AssessmentReportService, type ReportFile, type ReportFormat } from '../../../libs/reports/assessment-report.service.js';
import { AssessmentService } from '../../../libs/assessment/assessment.service.js';
import { AuditService } from '../../../libs/audit/audit.service.js';
import { sendReport, XLSX } from '../downloads.js';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import {
  AssessmentCycleDetailDto,
  AssessmentCycleDto,
  DepartmentAssessmentDto,
  DepartmentScoreParam,
  OpenAssessmentDto,
  ReportJobDto,
  ReportParam,
  RequestReportDto,
  ReviewerScoreDto,
  ScoreDto,
  YearParam,
} from '../dto/assessment.dto.js';

/** Annual assessment cycles (年度目标考核): metrics, reviewers' scores, ranking, finalising and the reports. */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly reports: AssessmentReportService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Can('assessment.list')
  @ApiOkResponse({ type: [AssessmentCycleDto] })
  list() {
    return this.assessments.list();
  }

  @Post()
  @Can('assessment.open')
  @ApiOperation({ summary: 'open the cycle of a year (409 when it exists); audited as assessment.open' })
  @ApiCreatedResponse({ type: AssessmentCycleDto })
  open(@CurrentActor() actor: Actor, @Body() body: OpenAssessmentDto) {
    return this.assessments.open(actor, body.year);
  }

  @Get(':year')
  @Can('assessment.list')
  @ApiOkResponse({ type: AssessmentCycleDetailDto })
  get(@Param() params: YearParam) {
    return this.assessments.get(params.year);
  }

  @Get(':year/departments')
  @Can('assessment.read')
  @ApiOperation({ summary: 'every department’s metrics, computed score, reviewer scores and final score, ranked (a finalised cycle from its snapshot)' })
  @ApiOkResponse({ type: [DepartmentAssessmentDto] })
  departments(@Param() params: YearParam) {
    return this.assessments.departmentAssessments(params.year);
  }

  @Put(':year/departments/:code')
  @Can('assessment.score')
  @ApiOperation({ summary: 'score a department (reviewer); a revision names its version; 409 on a finalised cycle; audited' })
  @ApiOkResponse({ type: ReviewerScoreDto })
  score(@CurrentActor() actor: Actor, @Param() params: DepartmentScoreParam, @Body() body: ScoreDto) {
    return this.assessments.score(actor, params.year, params.code, body);
  }

  @Post(':year/finalize')
  @Can('assessment.finalize')
  @HttpCode(200)
  @ApiOperation({ summary: 'lock the cycle and freeze its report (metrics, scores, ranking, tasks, indicators)' })
  @ApiOkResponse({ type: AssessmentCycleDto })
  finalize(@CurrentActor() actor: Actor, @Param() params: YearParam) {
    return this.assessments.finalize(actor, params.year);
  }

  @Get(':year/report.xlsx')
  @Can('assessment.report')
  @ApiOperation({ summary: 'the year’s workbook; a large one is built by a job: 202 with the job to poll (Location)' })
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: ReportJobDto })
  workbook(@CurrentActor() actor: Actor, @Param() params: YearParam, @Res() reply: FastifyReply) {
    return this.download(actor, params.year, 'xlsx', reply);
  }

  @Get(':year/report.html')
  @Can('assessment.report')
  @ApiOperation({ summary: 'the year’s report as one HTML page with charts; a large one is built by a job: 202 with the job to poll' })
  @ApiOkResponse({ description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiAcceptedResponse({ type: ReportJobDto })
  html(@CurrentActor() actor: Actor, @Param() params: YearParam, @Res() reply: FastifyReply) {
    return this.download(actor, params.year, 'html', reply);
  }

  @Post(':year/reports')
  @Can('assessment.report')
  @HttpCode(202)
  @ApiOperation({ summary: 'build a report file in the worker; poll GET …/reports/:id, then download …/reports/:id/file' })
  @ApiAcceptedResponse({ type: ReportJobDto })
  request(@CurrentActor() actor: Actor, @Param() params: YearParam, @Body() body: RequestReportDto) {
    return this.reports.request(actor, params.year, body.format);
  }

  @Get(':year/reports/:id')
  @Can('assessment.report')
  @ApiOkResponse({ type: ReportJobDto })
  status(@Param() params: ReportParam) {
    return this.reports.status(params.year, params.id);
  }

  @Get(':year/reports/:id/file')
  @Can('assessment.report')
  @ApiOperation({ summary: 'the finished file (409 while it is being built)' })
  async reportFile(@CurrentActor() actor: Actor, @Param() params: ReportParam, @Res() reply: FastifyReply) {
    return this.send(actor, reply, await this.reports.file(params.year, params.id));
  }

  private async download(actor: Actor, year: number, format: ReportFormat, reply: FastifyReply) {
    const result = await this.reports.download(actor, year, format);
    if ('file' in result) return this.send(actor, reply, result.file);
    return reply.status(202).header('location', `/api/v1/assessments/${year}/reports/${result.job.id}`).send(result.job);
  }

  private send(actor: Actor, reply: FastifyReply, file: ReportFile) {
    return sendReport(this.audit, actor, reply, file);
  }
}
