import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@hub/core';
import { PublicRecordsLimits } from './public-records.limits';
import { PublicRecords } from './public-records.service';
import { PublicBlacklistResponse, PublicPenaltiesResponse, PublicRecordsQuery } from './records.dto';

const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('public records')
@Public()
@Controller('public')
export class PublicRecordsController {
  constructor(
    private readonly records: PublicRecords,
    private readonly limits: PublicRecordsLimits,
  ) {}

  @Get('penalties')
  @ApiOperation({ summary: 'Closed PENALIZED cases, newest first (no login, rate-limited); q = a name fragment or a USCC; keyset-paged by nextCursor' })
  @ApiOkResponse({ type: PublicPenaltiesResponse })
  async penalties(@Req() req: Request, @Query() query: PublicRecordsQuery) {
    await this.limits.count(clientAddress(req));
    return this.records.penalties(query.q, query.cursor);
  }

  @Get('blacklist')
  @ApiOperation({ summary: 'Subjects on the blacklist, latest listing first (no login, rate-limited); q = a name fragment or a USCC' })
  @ApiOkResponse({ type: PublicBlacklistResponse })
  async blacklist(@Req() req: Request, @Query() query: PublicRecordsQuery) {
    await this.limits.count(clientAddress(req));
    return this.records.blacklist(query.q, query.cursor);
  }
}
