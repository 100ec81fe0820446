/** What eligibility looks at, for the closed ticket and every ticket merged into it. */
export interface MatterTicket {
  id: string;
  kind: string;
  receivedAt: Date;
  /** the ticket the unit closed (the others were merged into it) */
  master: boolean;
}

export type EligibilityOutcome = 'PENALIZED' | 'TRANSFERRED' | string;

export type EligibilityDecision =
  | { eligible: true; ticketId: string }
  | { eligible: false; reasons: string[] };

/**
 * Who may be rewarded for a closed matter (workflows.md): only when the case ended
 * PENALIZED or TRANSFERRED, and only the earliest REPORT among the closed ticket and
 * the tickets merged into it, by receipt time (a merged tip counts by its own receipt).
 */
export function decideEligibility(outcome: EligibilityOutcome, matter: MatterTicket[]): EligibilityDecision {
  const reasons: string[] = [];
  if (outcome !== 'PENALIZED' && outcome !== 'TRANSFERRED') reasons.push(`结案结果为 ${outcome}，只有立案处罚或移送公安的案件可以奖励`);
  const reports = matter.filter((t) => t.kind === 'REPORT');
  if (reports.length === 0) reasons.push('该事项没有举报（只有举报可以奖励）');
  if (reasons.length > 0) return { eligible: false, reasons };
  const first = [...reports].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || Number(b.master) - Number(a.master))[0];
  return { eligible: true, ticketId: first.id };
}
