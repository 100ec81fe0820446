import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { DecideDto, TriageService } from '@hub/routing';
import { DiscardDto, MergeDto, PhoneCallDto } from './console-actions.dto';
import { ConsoleActions } from './console-actions.service';

@ApiTags('console')
@ApiBearerAuth()
@Roles('OPERATOR')
@Controller('console/tickets')
export class ConsoleController {
  constructor(
    private readonly triage: TriageService,
    private readonly actions: ConsoleActions,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A ticket from a phone call (feed OPERATOR); the worker classifies and routes it' })
  create(@CurrentViewer() viewer: Viewer, @Body() dto: PhoneCallDto) {
    return this.actions.createFromCall(viewer, dto);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm or correct classification and unit; dispatches the ticket and keeps the decision as a labelled example' })
  async decide(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: DecideDto) {
    await this.triage.decide(viewer, id, dto);
    return this.actions.view(viewer, id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge the ticket into the open ticket it duplicates' })
  merge(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: MergeDto) {
    return this.actions.merge(viewer, id, dto);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard a received, triage or returned ticket, with a reason' })
  discard(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: DiscardDto) {
    return this.actions.discard(viewer, id, dto);
  }
}
