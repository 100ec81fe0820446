import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryEntryResponse, TicketListResponse, TicketResponse } from './ticket-response.dto';
import { CurrentViewer } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { FindTicketsQuery, RevealReporterDto } from './tickets.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({ summary: 'Find a ticket by its feed record' })
  @ApiOkResponse({ type: TicketListResponse })
  find(@CurrentViewer() viewer: Viewer, @Query() query: FindTicketsQuery) {
    return this.tickets.findByFeedRecord(viewer, query.feed, query.externalId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The canonical ticket, as far as the caller may see it (reporter masked)' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiNotFoundResponse({ description: 'no such ticket, or outside the caller’s visibility' })
  get(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.tickets.get(viewer, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Append-only history of the ticket' })
  @ApiOkResponse({ type: [HistoryEntryResponse] })
  history(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.tickets.history(viewer, id);
  }

  @Get(':id/raw')
  @ApiOperation({ summary: 'The request the ticket came from (decoded, reporter data masked) and its revisions' })
  raw(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.tickets.raw(viewer, id);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: 'Attachments of the ticket (files and references)' })
  attachments(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.tickets.attachments(viewer, id);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'The bytes of one attachment' })
  async attachment(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('attachmentId') attachmentId: string, @Res() res: Response) {
    const file = await this.tickets.attachmentContent(viewer, id, attachmentId);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(file.content);
  }

  @Post(':id/reporter/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reveal a named complainant’s identity to the lead unit’s handler; recorded with the reason' })
  reveal(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: RevealReporterDto) {
    return this.tickets.revealReporter(viewer, id, dto.reason);
  }
}
