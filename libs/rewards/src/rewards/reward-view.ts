import type { RewardExclusion, RewardLevel, RewardState, RewardView } from '@hub/contracts';
import { FINANCE_APPROVAL_FROM_FEN } from '../domain/reward-amount';

export type { RewardView } from '@hub/contracts';

/** The columns a RewardView is made of (alias r for rewards, t for tickets). */
export const REWARD_COLUMNS = `r.*, t.tracking_code, t.subject_name, t.product_name,
  (SELECT c.case_file->'closure'->>'decisionNumber' FROM tickets c WHERE c.id = r.closed_ticket_id) AS decision_number,
  (r.payout_secret IS NOT NULL) AS payee_claimed`;

const iso = (d: unknown) => (d ? (d as Date).toISOString() : null);

export function toRewardView(r: Record<string, unknown>, now = new Date()): RewardView {
  const amountFen = Number(r.amount_fen);
  const noticeBy = r.notice_by as Date;
  const notifiedAt = r.notified_at as Date | null;
  return {
    id: r.id as string,
    ticketId: r.ticket_id as string,
    trackingCode: r.tracking_code as string,
    subjectName: (r.subject_name as string | null) ?? null,
    productName: (r.product_name as string | null) ?? null,
    decisionNumber: (r.decision_number as string | null) ?? null,
    state: r.state as RewardState,
    level: r.level as RewardLevel,
    amountFen,
    baseFen: Number(r.fine_fen) + Number(r.confiscation_fen),
    department: r.department as string,
    budgetYear: (r.budget_year as number | null) ?? null,
    proposedAt: iso(r.proposed_at)!,
    caseClosedAt: iso(r.case_closed_at)!,
    noticeBy: noticeBy.toISOString(),
    // the 15-working-day notice clock: late when the tipster was told after it, or still not told past it
    noticeOverdue: notifiedAt ? notifiedAt > noticeBy : now > noticeBy && !['REJECTED'].includes(r.state as string),
    notifiedAt: iso(notifiedAt),
    claimBy: iso(r.claim_by),
    claimedAt: iso(r.claimed_at),
    paidAt: iso(r.paid_at),
    voucherNumber: (r.voucher_number as string | null) ?? null,
    needsFinance: amountFen >= FINANCE_APPROVAL_FROM_FEN,
    officerApproval: r.officer_approved_at ? { by: r.officer_approved_name as string, at: iso(r.officer_approved_at)! } : null,
    financeApproval: r.finance_approved_at ? { by: r.finance_approved_name as string, at: iso(r.finance_approved_at)! } : null,
    rejectReason: (r.reject_reason as string | null) ?? null,
    exclusion: (r.exclusion as RewardExclusion | null) ?? null,
    payeeClaimed: Boolean(r.payee_claimed),
    version: r.version as number,
  };
}
