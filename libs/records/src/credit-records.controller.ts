import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { CreditRecords } from './credit-records.service';
import { CreditRecordResponse, CreditSubjectsResponse, DelistSubjectDto, ListSubjectDto, SubjectSearchQuery } from './records.dto';

@ApiTags('credit records')
@ApiBearerAuth()
@Controller()
export class CreditRecordsController {
  constructor(private readonly records: CreditRecords) {}

  @Get('tickets/:id/credit-record')
  @ApiOperation({ summary: 'The credit record (cases, blacklist state, history) of the subject the ticket names; staff who may see the ticket' })
  @ApiOkResponse({ type: CreditRecordResponse })
  forTicket(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.records.forTicket(viewer, id);
  }

  @Get('records/subjects')
  @Roles('OPERATOR', 'SUPERVISOR', 'HANDLER', 'UNIT_HEAD', 'ADMIN')
  @ApiOperation({ summary: 'Subjects with a credit record, by a name fragment or a USCC, on or off the blacklist; newest case first, 20 a page (cursor)' })
  @ApiOkResponse({ type: CreditSubjectsResponse })
  search(@Query() query: SubjectSearchQuery) {
    return this.records.search({ q: query.q, blacklisted: query.blacklisted === undefined ? undefined : query.blacklisted === 'true', cursor: query.cursor });
  }

  @Get('records/subjects/:id')
  @Roles('OPERATOR', 'SUPERVISOR', 'HANDLER', 'UNIT_HEAD', 'ADMIN')
  @ApiOperation({ summary: 'One subject’s credit record' })
  @ApiOkResponse({ type: CreditRecordResponse })
  subject(@Param('id') id: string) {
    return this.records.subject(id);
  }

  @Post('records/blacklist')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Put a subject on the blacklist by hand, with a reason (409 ALREADY_LISTED)' })
  @ApiOkResponse({ type: CreditRecordResponse })
  list(@CurrentViewer() viewer: Viewer, @Body() dto: ListSubjectDto) {
    return this.records.adminList(viewer, dto.subjectId, dto.reason);
  }

  @Post('records/blacklist/:id/delist')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Take a subject (by its id) off the blacklist, with a reason (409 NOT_LISTED)' })
  @ApiOkResponse({ type: CreditRecordResponse })
  delist(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: DelistSubjectDto) {
    return this.records.adminDelist(viewer, id, dto.reason);
  }
}
