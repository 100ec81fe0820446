import type { Kind } from './ticket-vocabulary';
import { dispatchClocks, dueOf } from './clocks/clock-rules';
import { WorkingDayCalendar } from './working-days';

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
  const result: DispatchDeadlines = { acceptBy: null, resolveBy: null, provisional: false };
  for (const spec of dispatchClocks(kind)) {
    const due = dueOf(spec, dispatchedAt, 0, calendar);
    if (spec.clock === 'acceptBy' || spec.clock === 'resolveBy') result[spec.clock] = due.at;
    result.provisional ||= due.provisional;
  }
  return result;
}
