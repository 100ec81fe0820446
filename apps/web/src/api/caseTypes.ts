import type { CloseOutcome, DeadlineState, PenaltyType, RewardLevel, WorkbenchRole } from '@hub/contracts';

/** The body of POST /tickets/{id}/close, without the version (money in fen). */
export interface CloseBody {
  outcome: CloseOutcome;
  reason?: string;
  decisionNumber?: string;
  penalties?: PenaltyType[];
  fineFen?: number;
  confiscationFen?: number;
  rewardLevel?: RewardLevel;
}

/** GET /workbench/tickets filters, as the workbench's tabs and URL set them. */
export interface WorkbenchQuery {
  role?: WorkbenchRole;
  status?: string;
  deadline?: DeadlineState;
}
