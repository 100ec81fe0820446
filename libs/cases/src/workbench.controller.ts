import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { OverdueQuery, OversightQuery, PoliceTransfersQuery, WorkbenchQuery } from './case-queries.dto';
import { CaseQueries } from './case-queries.service';
import { readFindingUpload } from './finding-upload';
import { FindingsService } from './findings.service';
import { FindingResponse, FindingsResponse, SubjectTicketsResponse, WorkbenchListResponse } from '@hub/tickets/ticket-response.dto';

@ApiTags('workbench')
@ApiBearerAuth()
@Controller()
export class WorkbenchController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly findings: FindingsService,
  ) {}

  @Get('workbench/tickets')
  @Roles('HANDLER', 'UNIT_HEAD')
  @ApiOperation({ summary: 'The caller’s unit’s tickets (lead or assist), filtered by status, deadline colour and transfer state; keyset-paged' })
  @ApiOkResponse({ type: WorkbenchListResponse })
  workbench(@CurrentViewer() viewer: Viewer, @Query() query: WorkbenchQuery) {
    return this.queries.workbench(viewer, query);
  }

  @Get('workbench/overdue')
  @Roles('UNIT_HEAD', 'SUPERVISOR')
  @ApiOperation({ summary: 'Open tickets past a deadline: the unit head’s own unit, every unit for supervisors' })
  @ApiOkResponse({ type: WorkbenchListResponse })
  overdue(@CurrentViewer() viewer: Viewer, @Query() query: OverdueQuery) {
    return this.queries.overdue(viewer, query);
  }

  @Get('oversight/transfers')
  @Roles('PROSECUTOR')
  @ApiOperation({ summary: 'Prosecutor’s read-only oversight: every transfer, refusal and decline, and penalised crime-flagged cases never transferred' })
  @ApiOkResponse({ type: WorkbenchListResponse })
  oversight(@Query() query: OversightQuery) {
    return this.queries.oversight(query);
  }

  @Get('police/transfers')
  @Roles('POLICE_LIAISON')
  @ApiOperation({ summary: 'Cases transferred to the caller’s police unit' })
  @ApiOkResponse({ type: WorkbenchListResponse })
  policeTransfers(@CurrentViewer() viewer: Viewer, @Query() query: PoliceTransfersQuery) {
    return this.queries.policeTransfers(viewer, query);
  }

  @Get('tickets/:id/subject-tickets')
  @ApiOperation({ summary: 'The subject’s other tickets (same USCC, or same normalised name and region)' })
  @ApiOkResponse({ type: SubjectTicketsResponse })
  subjectTickets(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.queries.subjectTickets(viewer, id);
  }

  @Get('tickets/:id/findings')
  @ApiOperation({ summary: 'Findings recorded on the ticket, with their files' })
  @ApiOkResponse({ type: FindingsResponse })
  listFindings(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.findings.list(viewer, id);
  }

  @Post('tickets/:id/findings')
  @ApiOperation({ summary: 'Record a finding (text and up to 10 files of 10 MiB): multipart/form-data with `text` and `files`, or JSON { text }' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiCreatedResponse({ type: FindingResponse })
  async recordFinding(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Req() req: Request) {
    return this.findings.record(viewer, id, await readFindingUpload(req));
  }
}
