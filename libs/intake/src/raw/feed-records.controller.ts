import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { DiscardFeedRecordDto, ListFeedRecordsQuery } from './feed-records.dto';
import { FeedRecordsService } from './feed-records.service';

@ApiTags('feed records')
@ApiBearerAuth()
@Controller('feed-records')
export class FeedRecordsController {
  constructor(private readonly records: FeedRecordsService) {}

  @Get()
  @Roles('OPERATOR', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Raw feed records by state (default: the unreadable ones), newest first, keyset-paged' })
  list(@Query() query: ListFeedRecordsQuery) {
    return this.records.list(query);
  }

  @Get(':id')
  @Roles('OPERATOR', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'One raw record with a text preview and the tickets it made' })
  get(@Param('id') id: string) {
    return this.records.get(id);
  }

  @Get(':id/body')
  @Roles('OPERATOR', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The stored bytes exactly as received' })
  async body(@Param('id') id: string, @Res() res: Response) {
    const raw = await this.records.body(id);
    res.setHeader('Content-Type', raw.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${raw.feed}-${id}.raw"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(raw.body);
  }

  @Post(':id/rerun')
  @Roles('OPERATOR', 'ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Read the stored bytes again with the current adapter' })
  rerun(@Param('id') id: string, @CurrentViewer() viewer: Viewer) {
    return this.records.rerun(id, viewer);
  }

  @Post(':id/discard')
  @Roles('OPERATOR', 'ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up on an unreadable or rejected record, with a reason' })
  discard(@Param('id') id: string, @Body() dto: DiscardFeedRecordDto, @CurrentViewer() viewer: Viewer) {
    return this.records.discard(id, dto.reason, viewer);
  }
}
