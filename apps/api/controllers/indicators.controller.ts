import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { IndicatorService } from '../../../libs/indicators/indicator.service.js';
import { IndicatorDetailDto, IndicatorDto, IndicatorListQuery, IndicatorValueDto, ReportIndicatorValueDto } from '../dto/indicator.dto.js';

/** The plan's quantified targets (目标指标) and the values departments report against them. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorService) {}

  @Get()
  @Can('indicator.list')
  @ApiOkResponse({ type: [IndicatorDto] })
  list(@Query() query: IndicatorListQuery): Promise<IndicatorDto[]> {
    return this.indicators.list(query.department);
  }

  @Get(':code')
  @Can('indicator.list')
  @ApiOkResponse({ type: IndicatorDetailDto })
  get(@Param('code') code: string): Promise<IndicatorDetailDto> {
    return this.indicators.get(code);
  }

  @Post(':code/values')
  @Can('indicator.report')
  @ApiCreatedResponse({ type: IndicatorValueDto, description: "by a liaison of the indicator's department (another department's: 403)" })
  report(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: ReportIndicatorValueDto): Promise<IndicatorValueDto> {
    return this.indicators.report(actor, code, body);
  }
}
