import type { Clock, DeadlineState, Kind } from '@hub/contracts';
import { addCalendarDays, WorkingDayCalendar } from '@hub/calendar/working-days';

export type ClockMeasure = 'WORKING_DAYS' | 'DAYS' | 'HOURS';

export interface ClockSpec {
  clock: Clock;
  measure: ClockMeasure;
  amount: number;
}

/** The clocks of workflows.md, as defaults of the province's settings. */
export const CLOCK_SPECS = {
  acceptComplaint: { clock: 'acceptBy', measure: 'WORKING_DAYS', amount: 7 },
  acceptReport: { clock: 'acceptBy', measure: 'WORKING_DAYS', amount: 15 },
  replyEnquiry: { clock: 'resolveBy', measure: 'WORKING_DAYS', amount: 7 },
  resolveComplaint: { clock: 'resolveBy', measure: 'WORKING_DAYS', amount: 45 },
  resolveReport: { clock: 'resolveBy', measure: 'DAYS', amount: 90 },
  transferDecision: { clock: 'transferDecisionBy', measure: 'DAYS', amount: 3 },
  handOver: { clock: 'handOverBy', measure: 'HOURS', amount: 24 },
  policeDecision: { clock: 'policeDecisionBy', measure: 'DAYS', amount: 3 },
  policeDecisionExtended: { clock: 'policeDecisionBy', measure: 'DAYS', amount: 10 },
} as const satisfies Record<string, ClockSpec>;

/** The unit's clocks, which a pause (waiting on the reporter, testing) stops. */
export const PAUSABLE_CLOCKS: readonly Clock[] = ['acceptBy', 'resolveBy'];

/** A yellow warning at this share of a clock. */
export const WARNING_SHARE = 0.8;

/** Clocks that start when a ticket reaches a unit. */
export function dispatchClocks(kind: Kind): ClockSpec[] {
  switch (kind) {
    case 'COMPLAINT':
      return [CLOCK_SPECS.acceptComplaint];
    case 'REPORT':
      return [CLOCK_SPECS.acceptReport];
    default:
      return [CLOCK_SPECS.replyEnquiry];
  }
}

/**
 * When a clock ends: working days end at the end of the Nth working day after the start
 * day, calendar days at the end of the Nth day, hours to the minute. `extension` is
 * what pauses added, in the clock's own measure.
 */
export function dueOf(spec: Pick<ClockSpec, 'measure' | 'amount'>, startedAt: Date, extension: number, calendar: WorkingDayCalendar): { at: Date; provisional: boolean } {
  const n = spec.amount + extension;
  switch (spec.measure) {
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(startedAt, n);
    case 'DAYS':
      return { at: addCalendarDays(startedAt, n), provisional: false };
    case 'HOURS':
      return { at: new Date(startedAt.getTime() + n * 3600 * 1000), provisional: false };
  }
}

export function warnAtOf(startedAt: Date, dueAt: Date): Date {
  return new Date(startedAt.getTime() + Math.floor((dueAt.getTime() - startedAt.getTime()) * WARNING_SHARE));
}

export function levelAt(now: Date, warnAt: Date, dueAt: Date): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return now.getTime() >= warnAt.getTime() ? 'warning' : 'ok';
}

const RANK: Record<DeadlineState, number> = { ok: 0, warning: 1, overdue: 2 };
export const worstLevel = (levels: DeadlineState[]): DeadlineState => levels.reduce<DeadlineState>((worst, l) => (RANK[l] > RANK[worst] ? l : worst), 'ok');
export const isWorse = (a: DeadlineState, b: DeadlineState) => RANK[a] > RANK[b];
