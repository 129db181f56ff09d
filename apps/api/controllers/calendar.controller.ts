import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { CalendarService } from '../../../libs/calendar/calendar.service.js';
import type { Actor } from '../../../libs/common/roles.js';
import { CalendarCoverageDto, CalendarDateParam, CalendarDayDto, CalendarDaysQuery, SetCalendarDayDto } from '../dto/calendar.dto.js';

/** The working-day calendar: packaged State Council holidays, administrators' corrections and later years. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days')
  @Can('calendar.read')
  @ApiOkResponse({ type: [CalendarDayDto], description: 'the days that differ from Monday–Friday, by date' })
  list(@Query() query: CalendarDaysQuery) {
    return this.calendar.listDays(query.year);
  }

  @Get('coverage')
  @Can('calendar.read')
  @ApiOkResponse({ type: CalendarCoverageDto })
  coverage() {
    return this.calendar.coverage();
  }

  @Put('days/:date')
  @Can('calendar.manage')
  @ApiOperation({ summary: 'enter or correct a day (admin, audited as calendar.set); wins over the package' })
  @ApiOkResponse({ type: CalendarDayDto })
  set(@CurrentActor() actor: Actor, @Param() params: CalendarDateParam, @Body() body: SetCalendarDayDto) {
    return this.calendar.setDay(actor, { date: params.date, kind: body.kind, note: body.note });
  }

  @Delete('days/:date')
  @Can('calendar.manage')
  @HttpCode(204)
  @ApiOperation({ summary: "remove an administrator's entry (audited as calendar.remove); 404 when there is none" })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param() params: CalendarDateParam) {
    return this.calendar.removeDay(actor, params.date);
  }
}
