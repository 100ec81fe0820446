import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Roles } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { RewardLedger } from '../ledger/reward-ledger.service';
import { RewardRecords } from './reward-records.service';
import { ApproveRewardDto, BudgetQuery, GrantBudgetDto, LedgerListQuery, PayRewardDto, ReconciliationQuery, RejectRewardDto, RevealPayeeDto, RewardListQuery } from './rewards.dto';
import { RewardsService } from './rewards.service';
import { BudgetListResponse, LedgerEntryResponse, LedgerListResponse, PayeeResponse, ReconciliationResponse, RewardDetailResponse, RewardListResponse, RewardResponse } from './rewards-response.dto';

const actorOf = (viewer: Viewer) => ({ id: viewer.id, name: viewer.displayName });

@ApiTags('rewards')
@ApiBearerAuth()
@Controller('rewards')
export class RewardsController {
  constructor(
    private readonly rewards: RewardsService,
    private readonly records: RewardRecords,
    private readonly ledger: RewardLedger,
  ) {}

  @Get()
  @Roles('REWARD_OFFICER', 'FINANCE')
  @ApiOperation({ summary: 'Rewards, oldest proposal first (FINANCE: those of ¥500,000 or more)' })
  @ApiOkResponse({ type: RewardListResponse })
  list(@CurrentViewer() viewer: Viewer, @Query() query: RewardListQuery) {
    return this.records.list(viewer, query);
  }

  @Get('ledger')
  @Roles('REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The append-only reward ledger, newest first' })
  @ApiOkResponse({ type: LedgerListResponse })
  ledgerEntries(@Query() query: LedgerListQuery) {
    return this.ledger.list(query);
  }

  @Get('reconciliation')
  @Roles('REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Whether grants, commitments and payouts add up with the rewards’ states' })
  @ApiOkResponse({ type: ReconciliationResponse })
  reconciliation(@Query() query: ReconciliationQuery) {
    return this.ledger.reconcile(query.year);
  }

  @Get(':id')
  @Roles('REWARD_OFFICER', 'FINANCE')
  @ApiOperation({ summary: 'One reward with its ledger entries' })
  @ApiOkResponse({ type: RewardDetailResponse })
  async get(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    const reward = await this.records.get(viewer, id);
    return { ...reward, ledger: (await this.ledger.list({ rewardId: id, limit: 20 })).items };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('REWARD_OFFICER', 'FINANCE')
  @ApiOperation({ summary: 'Approve (≥ ¥500,000: the officer, then FINANCE); the final approval commits the budget and notifies the tipster' })
  @ApiOkResponse({ type: RewardResponse })
  approve(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: ApproveRewardDto) {
    return this.rewards.approve(viewer, id, dto.reason ?? null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('REWARD_OFFICER', 'FINANCE')
  @ApiOperation({ summary: 'Reject with a reason (and an exclusion); a committed amount is reversed' })
  @ApiOkResponse({ type: RewardResponse })
  reject(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: RejectRewardDto) {
    return this.rewards.reject(viewer, id, dto.reason, dto.exclusion ?? null);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Roles('REWARD_OFFICER')
  @ApiOperation({ summary: 'Record the payout of a claimed reward with its voucher number' })
  @ApiOkResponse({ type: RewardResponse })
  pay(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: PayRewardDto) {
    return this.rewards.pay(viewer, id, dto.voucherNumber);
  }

  @Post(':id/payee/reveal')
  @HttpCode(200)
  @Roles('REWARD_OFFICER')
  @ApiOperation({ summary: 'The tipster’s identity and payout account in clear, for the payout; recorded in the ticket history' })
  @ApiOkResponse({ type: PayeeResponse })
  revealPayee(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() dto: RevealPayeeDto) {
    return this.rewards.revealPayee(viewer, id, dto.reason);
  }
}

@ApiTags('rewards')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetsController {
  constructor(private readonly ledger: RewardLedger) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Grant reward budget to a department for a year (a GRANT ledger entry)' })
  @ApiCreatedResponse({ type: LedgerEntryResponse })
  grant(@CurrentViewer() viewer: Viewer, @Body() dto: GrantBudgetDto) {
    return this.ledger.grant(dto.department, dto.year, dto.amountFen, actorOf(viewer), dto.note ?? null);
  }

  @Get()
  @Roles('REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Each department’s budget for a year: granted, committed, paid, available (derived from the ledger)' })
  @ApiOkResponse({ type: BudgetListResponse })
  async list(@Query() query: BudgetQuery) {
    return { items: await this.ledger.budgets(query.year) };
  }
}
