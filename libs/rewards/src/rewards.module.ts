import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CalendarModule } from '@hub/calendar';
import { CasesModule } from '@hub/cases';
import { TicketPipelineModule, TicketsModule } from '@hub/tickets';
import { RewardLedger } from './ledger/reward-ledger.service';
import { TipsterReceiptStep } from './notify/tipster-receipt.step';
import { tipsterNotifierProvider } from './notify/tipster-notifier';
import { PublicTipsController } from './portal/public-tips.controller';
import { PublicTipsService } from './portal/public-tips.service';
import { TipLookupLimits } from './portal/tip-lookup-limits';
import { TipReceipts } from './portal/tip-receipts.service';
import { RewardNotices } from './rewards/reward-notices.service';
import { RewardOnCaseClosed } from './rewards/reward-on-case-closed.listener';
import { RewardRecords } from './rewards/reward-records.service';
import { RewardSweepProcessor } from './rewards/reward-sweep.processor';
import { BudgetsController, RewardsController } from './rewards/rewards.controller';
import { RewardsService } from './rewards/rewards.service';
import { TicketRewardFromRewards } from './rewards/ticket-reward.source';

const REWARD_CORE = [RewardsService, RewardRecords, RewardLedger, RewardNotices, TipReceipts, tipsterNotifierProvider];

/** API side: the public portal, reward approvals, budgets and the ledger; proposals from the case handling's close hook. */
@Module({
  imports: [TicketsModule, AuthModule, CalendarModule, CasesModule],
  controllers: [PublicTipsController, RewardsController, BudgetsController],
  providers: [...REWARD_CORE, PublicTipsService, TipLookupLimits, RewardOnCaseClosed, TicketRewardFromRewards],
  exports: [RewardsService, RewardRecords, RewardLedger, PublicTipsService],
})
export class RewardsModule {}

/** Worker side: receipts by SMS for hotline tips, the expiry and notice sweep. */
@Module({
  imports: [TicketsModule, TicketPipelineModule, AuthModule, CalendarModule],
  providers: [...REWARD_CORE, TipsterReceiptStep, RewardSweepProcessor],
  exports: [RewardsService],
})
export class RewardsWorkerModule {}
