import type { Kind } from './ticket-vocabulary';
import { WorkingDayCalendar } from './working-days';

/** Working days per clock (workflows.md); defaults of the province's settings. */
export const DEADLINE_DAYS = {
  acceptComplaint: 7,
  acceptReport: 15,
  replyConsultation: 7,
} as const;

export interface DispatchDeadlines {
  acceptBy: Date | null;
  resolveBy: Date | null;
  provisional: boolean;
}

/**
 * Clocks that start at dispatch: a complaint must be accepted or returned in 7
 * working days, a report verified in 15; an enquiry or suggestion answered in 7.
 * resolveBy of complaints and reports starts later (acceptance, case filing).
 */
export function deadlinesAtDispatch(kind: Kind, dispatchedAt: Date, calendar: WorkingDayCalendar): DispatchDeadlines {
  switch (kind) {
    case 'COMPLAINT':
      return only('acceptBy', calendar.addWorkingDays(dispatchedAt, DEADLINE_DAYS.acceptComplaint));
    case 'REPORT':
      return only('acceptBy', calendar.addWorkingDays(dispatchedAt, DEADLINE_DAYS.acceptReport));
    default:
      return only('resolveBy', calendar.addWorkingDays(dispatchedAt, DEADLINE_DAYS.replyConsultation));
  }
}

function only(clock: 'acceptBy' | 'resolveBy', due: { at: Date; provisional: boolean }): DispatchDeadlines {
  return { acceptBy: clock === 'acceptBy' ? due.at : null, resolveBy: clock === 'resolveBy' ? due.at : null, provisional: due.provisional };
}
