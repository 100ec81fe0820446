import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { DecideDto, TriageService } from '@hub/routing';
import { DiscardDto, MergeDto, PhoneCallDto } from './console-actions.dto';
import { ConsoleActions } from './console-actions.service';
import { QueueQuery, RegionSuggestQuery, SubjectSuggestQuery, TriageQuery } from './console-queries.dto';
import { ConsoleQueries } from './console-queries.service';
import { ClaimsService } from './claims.service';

@ApiTags('console')
@ApiBearerAuth()
@Roles('OPERATOR')
@Controller('console')
export class ConsoleController {
  constructor(
    private readonly triageService: TriageService,
    private readonly actions: ConsoleActions,
    private readonly queries: ConsoleQueries,
    private readonly claims: ClaimsService,
  ) {}

  @Get('tickets')
  @Roles('OPERATOR', 'SUPERVISOR')
  @ApiOperation({ summary: 'The live queue, newest first, filtered; keyset-paged' })
  queue(@Query() query: QueueQuery) {
    return this.queries.queue(query);
  }

  @Get('triage')
  @Roles('OPERATOR', 'SUPERVISOR')
  @ApiOperation({ summary: 'Tickets waiting for an operator, oldest first, with the router’s proposal and reasons' })
  triage(@Query() query: TriageQuery) {
    return this.queries.triage(query);
  }

  @Get('counters')
  @Roles('OPERATOR', 'SUPERVISOR')
  @ApiOperation({ summary: 'Waiting in triage, oldest wait, dispatched and received today (Beijing day), by hotline, unreadable records' })
  counters() {
    return this.queries.counters();
  }

  @Get('suggest/subjects')
  @ApiOperation({ summary: 'Businesses named in earlier tickets, for the phone-call form' })
  suggestSubjects(@Query() query: SubjectSuggestQuery) {
    return this.queries.suggestSubjects(query.q, query.regionCode);
  }

  @Get('suggest/region')
  @ApiOperation({ summary: 'The region the system resolves from an address or words' })
  suggestRegion(@Query() query: RegionSuggestQuery) {
    return this.queries.suggestRegion(query.text);
  }

  @Post('tickets')
  @ApiOperation({ summary: 'A ticket from a phone call (feed OPERATOR); the worker classifies and routes it' })
  create(@CurrentViewer() viewer: Viewer, @Body() dto: PhoneCallDto) {
    return this.actions.createFromCall(viewer, dto);
  }

  @Post('tickets/:id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim (or renew the claim on) a ticket; 409 CLAIMED_BY_OTHER with the holder' })
  async claim(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return { claim: await this.claims.claim(viewer, id) };
  }

  @Post('tickets/:id/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release one’s claim' })
  release(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.claims.release(viewer, id);
  }

  @Post('tickets/:id/decide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm or correct classification and unit (needs the claim); dispatches and keeps the decision as a labelled example' })
  async decide(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: DecideDto) {
    await this.actions.withClaim(viewer, id, () => this.triageService.decide(viewer, id, dto));
    return this.actions.view(viewer, id);
  }

  @Post('tickets/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge the ticket into the open ticket it duplicates (needs the claim)' })
  merge(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: MergeDto) {
    return this.actions.withClaim(viewer, id, () => this.actions.merge(viewer, id, dto));
  }

  @Post('tickets/:id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard a received, triage or returned ticket, with a reason (needs the claim)' })
  discard(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: DiscardDto) {
    return this.actions.withClaim(viewer, id, () => this.actions.discard(viewer, id, dto));
  }
}
