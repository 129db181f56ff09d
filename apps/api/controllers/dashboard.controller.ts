import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../../../libs/audit/audit.service.js';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { bulletinFileName, bulletinWorkbook } from '../../../libs/dashboard/bulletin-workbook.js';
import { DashboardService } from '../../../libs/dashboard/dashboard.service.js';
import { PlanScope } from '../../../libs/plan/plan-scope.js';
import { BulletinDto, BulletinQuery, DashboardDto, DashboardQuery } from '../dto/dashboard.dto.js';
import { attachment, XLSX } from '../downloads.js';

/** The overview of the plan's work by department, and the 通报 of the departments behind. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly audit: AuditService,
    private readonly plans: PlanScope,
  ) {}

  @Get()
  @Can('dashboard.read')
  @ApiOperation({
    summary:
      'per department: totals by status, overdue, due soon, light, on-time rate by month, reports due this month and missed; indicators’ pace (序时进度)',
    description: 'Scoped: a liaison or leader sees its own department; supervisors, reviewers and admins every department. Counted by lead department.',
  })
  @ApiOkResponse({ type: DashboardDto })
  async summary(@CurrentActor() actor: Actor, @Query() query: DashboardQuery): Promise<DashboardDto> {
    return this.dashboard.summary(actor, query.department, (await this.plans.filter(query.plan)) ?? null);
  }

  @Get('bulletin')
  @Can('dashboard.bulletin')
  @ApiOperation({
    summary: '通报: departments ranked by overdue and escalated open work, then those with only missed reports (逾期未报), with their worst tasks',
  })
  @ApiOkResponse({ type: BulletinDto })
  async bulletin(@Query() query: BulletinQuery): Promise<BulletinDto> {
    return this.dashboard.bulletin((await this.plans.filter(query.plan)) ?? null);
  }

  @Get('bulletin.xlsx')
  @Can('dashboard.bulletin')
  @ApiOperation({ summary: 'the 通报 as a workbook: sheets 通报 and 任务明细, header rows frozen; the file name 督办通报-<date>.xlsx (RFC 5987)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async bulletinWorkbook(@CurrentActor() actor: Actor, @Query() query: BulletinQuery, @Res() reply: FastifyReply) {
    const bulletin = await this.dashboard.bulletin((await this.plans.filter(query.plan)) ?? null);
    const name = bulletinFileName(bulletin.asOf);
    await this.audit.recordDownload(actor.id, 'report', `bulletin-${bulletin.asOf}.xlsx`, { filename: name });
    return reply
      .header('content-type', XLSX)
      .header('cache-control', 'no-store')
      .header('content-disposition', attachment(`bulletin-${bulletin.asOf}.xlsx`, name))
      .send(await bulletinWorkbook(bulletin));
  }
}
