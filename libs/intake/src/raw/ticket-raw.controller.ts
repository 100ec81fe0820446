import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { TicketRawService } from './ticket-raw.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketRawController {
  constructor(private readonly raws: TicketRawService) {}

  @Get(':id/raw')
  @ApiOperation({ summary: 'The ticket’s own record as its feed sent it, read by the feed adapter, reporter fields masked; and its revisions' })
  raw(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.raws.raw(viewer, id);
  }
}
