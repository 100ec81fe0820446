import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_KINDS, REWARD_EXCLUSIONS, REWARD_LEVELS, REWARD_STATES } from '@hub/contracts';

/** OpenAPI shapes of the reward answers (the TypeScript ones are in @hub/contracts). */
export class ApprovalResponse {
  @ApiProperty() by: string;
  @ApiProperty() at: string;
}

export class RewardResponse {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty({ nullable: true, type: String }) subjectName: string | null;
  @ApiProperty({ nullable: true, type: String }) productName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the penalty decision of the closed case' }) decisionNumber: string | null;
  @ApiProperty({ enum: REWARD_STATES }) state: string;
  @ApiProperty({ enum: REWARD_LEVELS }) level: string;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty({ description: 'fines plus confiscations, fen' }) baseFen: number;
  @ApiProperty({ example: 'AIC' }) department: string;
  @ApiProperty({ nullable: true, type: Number }) budgetYear: number | null;
  @ApiProperty() proposedAt: string;
  @ApiProperty() caseClosedAt: string;
  @ApiProperty({ description: '15 working days after the close' }) noticeBy: string;
  @ApiProperty() noticeOverdue: boolean;
  @ApiProperty({ nullable: true, type: String }) notifiedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '30 working days after the notice' }) claimBy: string | null;
  @ApiProperty({ nullable: true, type: String }) claimedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voucherNumber: string | null;
  @ApiProperty({ description: '≥ ¥500,000: FINANCE approves after the officer' }) needsFinance: boolean;
  @ApiProperty({ nullable: true, type: ApprovalResponse }) officerApproval: ApprovalResponse | null;
  @ApiProperty({ nullable: true, type: ApprovalResponse }) financeApproval: ApprovalResponse | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ nullable: true, enum: REWARD_EXCLUSIONS }) exclusion: string | null;
  @ApiProperty() payeeClaimed: boolean;
  @ApiProperty() version: number;
}

export class RewardListResponse {
  @ApiProperty({ type: [RewardResponse] }) items: RewardResponse[];
  @ApiProperty() total: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class LedgerEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() department: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: LEDGER_KINDS }) kind: string;
  @ApiProperty({ description: 'fen, positive; the kind gives the direction' }) amountFen: number;
  @ApiProperty({ nullable: true, type: String }) rewardId: string | null;
  @ApiProperty({ nullable: true, type: String }) trackingCode: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class LedgerListResponse {
  @ApiProperty({ type: [LedgerEntryResponse] }) items: LedgerEntryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RewardDetailResponse extends RewardResponse {
  @ApiProperty({ type: [LedgerEntryResponse] }) ledger: LedgerEntryResponse[];
}

export class BudgetResponse {
  @ApiProperty() department: string;
  @ApiProperty() year: number;
  @ApiProperty() grantedFen: number;
  @ApiProperty() committedFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty() availableFen: number;
}

export class BudgetListResponse {
  @ApiProperty({ type: [BudgetResponse] }) items: BudgetResponse[];
}

export class ReconciliationItemResponse extends BudgetResponse {
  @ApiProperty() rewardsCommittedFen: number;
  @ApiProperty() rewardsPaidFen: number;
  @ApiProperty() ok: boolean;
}

export class ReconciliationProblemResponse {
  @ApiProperty({ nullable: true, type: String }) rewardId: string | null;
  @ApiProperty() department: string;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() message: string;
}

export class ReconciliationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty() checkedAt: string;
  @ApiProperty({ type: [ReconciliationItemResponse] }) items: ReconciliationItemResponse[];
  @ApiProperty({ type: [ReconciliationProblemResponse] }) problems: ReconciliationProblemResponse[];
}

export class PayeeResponse {
  @ApiProperty({ nullable: true, type: Object, description: 'named tipsters only: { anonymous: false, name, phone, idNumber }' }) reporter: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object, description: '{ name, idNumber, bankName, accountNumber }' }) payout: Record<string, unknown> | null;
}
