import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import { hasRole, Viewer } from '@hub/auth/roles';
import { NotFound } from '@hub/core';
import { DashboardQueryDto, PeriodFiguresResponse, PeriodQueryDto, UnitAssessmentResponse } from './supervision.dto';
import { SupervisionFigures } from './supervision-figures.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly figures: SupervisionFigures) {}

  @Get('dashboard')
  @Roles('SUPERVISOR', 'UNIT_HEAD')
  @ApiOperation({ summary: 'Tickets received, dispatched, closed and overdue in a period of Beijing days, per day and by hotline, region, category and unit; routing quality; outcomes. A UNIT_HEAD sees their own unit only (another unit: 404).' })
  @ApiOkResponse({ type: PeriodFiguresResponse })
  dashboard(@CurrentViewer() viewer: Viewer, @Query() query: DashboardQueryDto) {
    return this.figures.forPeriod({ ...query, unit: unitFor(viewer, query.unit) });
  }

  @Get('assessment')
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Unit assessment (绩效考核) for a period: every unit ranked by score, with the figures behind it' })
  @ApiOkResponse({ type: UnitAssessmentResponse })
  assessment(@Query() query: PeriodQueryDto) {
    return this.figures.assessment({ from: query.from, to: query.to });
  }
}

/** A supervisor picks any unit or none; a unit head sees their own, and another unit is a 404 like a missing one. */
function unitFor(viewer: Viewer, asked: string | undefined): string | null {
  if (hasRole(viewer, 'SUPERVISOR')) return asked ?? null;
  if (!viewer.unit || (asked && asked !== viewer.unit)) throw NotFound('Unit not found');
  return viewer.unit;
}
