import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReportFormat } from '@hub/contracts';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { contentDisposition } from './report-period';
import { ReportRuns } from './report-runs.service';
import { ReportListQuery, ReportRequestDto, ReportRunListResponse, ReportRunResponse } from './reports.dto';

@ApiTags('half-year reports')
@ApiBearerAuth()
@Roles('SUPERVISOR', 'UNIT_HEAD')
@Controller('reports')
export class ReportsController {
  constructor(private readonly runs: ReportRuns) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Build the half-year report of a scope (PROVINCE or a unit; a unit head: their own) in the worker; a run of it still going is answered instead' })
  @ApiAcceptedResponse({ type: ReportRunResponse })
  request(@CurrentViewer() viewer: Viewer, @Body() dto: ReportRequestDto) {
    return this.runs.request(viewer, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Report runs the caller may see, newest first; keyset-paged' })
  @ApiOkResponse({ type: ReportRunListResponse })
  list(@CurrentViewer() viewer: Viewer, @Query() query: ReportListQuery) {
    return this.runs.list(viewer, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One run: state, progress and files' })
  @ApiOkResponse({ type: ReportRunResponse })
  get(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.runs.get(viewer, id);
  }

  @Get(':id/file.xlsx')
  @ApiOperation({ summary: 'The report as XLSX (once DONE)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  xlsx(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response) {
    return this.send(viewer, id, 'xlsx', res);
  }

  @Get(':id/file.pdf')
  @ApiOperation({ summary: 'The report as PDF (once DONE)' })
  @ApiProduces('application/pdf')
  pdf(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response) {
    return this.send(viewer, id, 'pdf', res);
  }

  private async send(viewer: Viewer, id: string, format: ReportFormat, res: Response): Promise<void> {
    const file = await this.runs.file(viewer, id, format);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(file.content);
  }
}
