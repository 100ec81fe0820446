import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { Invalid } from '@hub/core';
import {
  CalendarCoverageResponse,
  CalendarDayDto,
  CalendarDayResponse,
  CalendarDaysQuery,
  CalendarDaysResponse,
  CalendarYearDto,
  CalendarYearEnteredResponse,
} from './calendar.dto';
import { HolidayCalendar } from './holiday-calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: HolidayCalendar) {}

  @Get()
  @ApiOperation({ summary: 'Which years the working-day calendar covers (package or admin), with a warning for each year not covered' })
  @ApiOkResponse({ type: CalendarCoverageResponse })
  coverage() {
    return this.calendar.coverage();
  }

  @Get('days')
  @ApiOperation({ summary: 'Holidays and make-up working days an admin entered for a year' })
  @ApiOkResponse({ type: CalendarDaysResponse })
  async days(@Query() query: CalendarDaysQuery) {
    return { items: await this.calendar.days(query.year) };
  }

  @Post('years')
  @ApiOperation({ summary: 'Enter a year’s whole arrangement (replaces it); open provisional deadlines are recomputed' })
  @ApiCreatedResponse({ type: CalendarYearEnteredResponse })
  enterYear(@CurrentViewer() viewer: Viewer, @Body() dto: CalendarYearDto) {
    return this.calendar.enterYear(viewer.id, dto.year, dto.days);
  }

  @Post('days')
  @ApiOperation({ summary: 'Add or change one day (a correction)' })
  @ApiCreatedResponse({ type: CalendarDayResponse })
  putDay(@CurrentViewer() viewer: Viewer, @Body() dto: CalendarDayDto) {
    return this.calendar.putDay(viewer.id, dto);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one entered day' })
  @ApiNoContentResponse()
  deleteDay(@Param('date') date: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw Invalid('Not a date', [{ field: 'date', message: 'YYYY-MM-DD' }]);
    return this.calendar.deleteDay(date);
  }

  @Delete('years/:year')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an entered year and its days (its deadlines become provisional again when recomputed)' })
  @ApiNoContentResponse()
  deleteYear(@Param('year') year: string) {
    if (!/^\d{4}$/.test(year)) throw Invalid('Not a year', [{ field: 'year', message: 'YYYY' }]);
    return this.calendar.deleteYear(Number(year));
  }
}
