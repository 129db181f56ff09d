import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { AuditLogService } from '../../../libs/audit/audit-log.service.js';
import { AuditService } from '../../../libs/audit/audit.service.js';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { calendarDate } from '../../../libs/common/dates.js';
import { InvalidInputError } from '../../../libs/common/errors.js';
import type { Actor } from '../../../libs/common/roles.js';
import { AppConfig } from '../../../libs/config/app-config.js';
import { AuditChainDto, AuditFilterQuery, AuditPageDto, AuditQuery } from '../dto/audit.dto.js';
import { attachment, XLSX } from '../downloads.js';
import { FILE_NAMES, HTTP_MESSAGES } from '../api.messages.js';

/**
 * 安全审计: the audit log for the auditor (and the admin unless SEPARATION_OF_DUTIES): filtered pages,
 * the export, and the chain's verification. Reading it is itself recorded when it leaves as a file.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Get('audit')
  @Can('audit.read')
  @ApiOperation({ summary: 'audit entries, newest first, filtered by actor (id, email or name), action (or `domain.*`), entity, entityId and days from/to' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    const { page, limit, ...filter } = query;
    const { items, total } = await this.log.search(checkedFilter(filter), (page - 1) * limit, limit);
    return { items, total, page, limit };
  }

  @Get('audit.xlsx')
  @Can('audit.read')
  @ApiOperation({
    summary: 'every entry GET /audit lists with the same filters, as a workbook (审计日志), streamed; the export itself is audited (report.download)',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Query() query: AuditFilterQuery, @Res() reply: FastifyReply) {
    const filter = checkedFilter(query);
    await this.audit.recordDownload(actor.id, 'report', 'audit.xlsx', { filter });
    const out = new PassThrough();
    const name = FILE_NAMES.auditLog(calendarDate(this.config.TZ));
    void reply.header('content-type', XLSX).header('cache-control', 'no-store').header('content-disposition', attachment('audit.xlsx', name)).send(out);
    // Headers are out with the first bytes: a failure past here can only cut the file short.
    await this.log.export(filter, out).catch((error: unknown) => out.destroy(error as Error));
  }

  @Get('audit/verify')
  @Can('audit.read')
  @ApiOperation({ summary: 'walks the whole hash chain now (as `npm run audit:verify`): entries checked and the first broken link, or null' })
  @ApiOkResponse({ type: AuditChainDto })
  async verify(): Promise<AuditChainDto> {
    const { checked, broken } = await this.audit.verify();
    return { checked, broken, verifiedAt: new Date() };
  }
}

function checkedFilter(filter: AuditFilterQuery): AuditFilterQuery {
  if (filter.from && filter.to && filter.from > filter.to) throw new InvalidInputError(HTTP_MESSAGES.auditRangeReversed(filter.from, filter.to));
  return filter;
}
