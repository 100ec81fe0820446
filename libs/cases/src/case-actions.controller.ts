import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentViewer } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { ApproveTransferDto, AssistDto, CloseDto, FileCaseDto, PauseDto, PoliceDecisionDto, ReasonDto, VersionDto } from './case-actions.dto';
import { CaseActions } from './case-actions.service';
import { TicketResponse } from '@hub/tickets/ticket-response.dto';

/** Every case action answers the updated ticket, and fails the same ways. */
const CaseAction = (summary: string) =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: TicketResponse, description: 'the updated ticket' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN: the caller may see the ticket but not do this' }),
    ApiNotFoundResponse({ description: 'NOT_FOUND: no such ticket, or outside the caller’s visibility' }),
    ApiConflictResponse({ description: 'STALE_VERSION (reload) or INVALID_TRANSITION (the lifecycle forbids it now)' }),
    ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED with the fields' }),
  );

@ApiTags('case handling')
@ApiBearerAuth()
@Controller('tickets/:id')
export class CaseActionsController {
  constructor(private readonly actions: CaseActions) {}

  @Post('accept')
  @CaseAction('Lead unit accepts a dispatched ticket (starts a complaint’s 45 working days)')
  accept(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: VersionDto) {
    return this.actions.accept(viewer, id, dto);
  }

  @Post('return')
  @CaseAction('Lead unit returns a dispatched ticket to the operators, with a reason')
  return(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.actions.return(viewer, id, dto);
  }

  @Post('assist')
  @CaseAction('Lead unit asks another unit to assist; that unit sees the ticket from then on')
  assist(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: AssistDto) {
    return this.actions.assist(viewer, id, dto);
  }

  @Post('file-case')
  @CaseAction('Lead unit files the case (立案): IN_PROGRESS; starts a report’s 90 days')
  fileCase(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: FileCaseDto) {
    return this.actions.fileCase(viewer, id, dto);
  }

  @Post('pause')
  @CaseAction('Pause the unit’s clocks: waiting on the reporter, or testing/appraisal')
  pause(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: PauseDto) {
    return this.actions.pause(viewer, id, dto);
  }

  @Post('resume')
  @CaseAction('Resume the clocks; deadlines move by the working days paused (recorded)')
  resume(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: VersionDto) {
    return this.actions.resume(viewer, id, dto);
  }

  @Post('close')
  @CaseAction('Close with an outcome (PENALIZED needs a filed case and a decision number; money in fen); a reward level on a report goes to rewards')
  close(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: CloseDto) {
    return this.actions.close(viewer, id, dto);
  }

  @Post('transfer')
  @CaseAction('Propose a transfer to the police (suspected crime); the unit head has 3 days')
  transfer(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.actions.proposeTransfer(viewer, id, dto);
  }

  @Post('transfer/approve')
  @CaseAction('Unit head approves: TRANSFERRED_TO_POLICE, handed to the region’s police unit, whose 3 days start')
  approve(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ApproveTransferDto) {
    return this.actions.approveTransfer(viewer, id, dto);
  }

  @Post('transfer/refuse')
  @CaseAction('Unit head refuses the transfer, with a reason')
  refuse(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.actions.refuseTransfer(viewer, id, dto);
  }

  @Post('transfer/decide')
  @CaseAction('Police liaison of the receiving unit accepts (立案: CLOSED as TRANSFERRED) or declines (back to the unit)')
  decide(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: PoliceDecisionDto) {
    return this.actions.decideTransfer(viewer, id, dto);
  }

  @Post('transfer/extend')
  @CaseAction('Police liaison extends the decision period from 3 to 10 days, once, with a reason')
  extend(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.actions.extendPoliceDecision(viewer, id, dto);
  }

  @Post('transfer/reconsider')
  @CaseAction('Unit head asks the police to reconsider a declined transfer, once: back with the police for 3 days')
  reconsider(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.actions.reconsider(viewer, id, dto);
  }
}
