import type { Clock, Kind, TicketStatus, TransferState } from '@hub/contracts';

/** How a clock is counted (workflows.md): Chinese working days, calendar days, or hours. */
export type ClockMeasure = 'working' | 'calendar';

export function clockMeasure(clock: Clock, kind: Kind): ClockMeasure {
  if (clock === 'dispatchBy' || clock === 'acceptBy') return 'working';
  if (clock === 'resolveBy') return kind === 'REPORT' ? 'calendar' : 'working';
  return 'calendar';
}

/** Whether a clock still runs; a clock whose step is done keeps its date but no colour. */
export function clockRunning(clock: Clock, status: TicketStatus, transferState: TransferState | null, policeDecisionBy: string | null): boolean {
  switch (clock) {
    case 'dispatchBy':
      return status === 'RECEIVED' || status === 'TRIAGE' || status === 'RETURNED';
    case 'acceptBy':
      return status === 'DISPATCHED';
    case 'resolveBy':
      return status === 'ACCEPTED' || status === 'IN_PROGRESS';
    case 'transferDecisionBy':
      return transferState === 'PROPOSED';
    case 'handOverBy':
      return transferState === 'WITH_POLICE' && policeDecisionBy === null;
    case 'policeDecisionBy':
      return transferState === 'WITH_POLICE';
  }
}
