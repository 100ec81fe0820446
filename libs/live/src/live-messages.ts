import type { ClaimView, NotificationView, ReportRunView, TicketEventPayload, TrendAlertView } from '@hub/contracts';

export type { ClaimView } from '@hub/contracts';

export interface ClaimChangedMessage {
  event: 'claim.changed';
  ticketId: string;
  claim: ClaimView | null;
}

/** A notice for the holders of `roles` in `unit` (or everywhere when unit is null). */
export interface NotificationMessage {
  event: 'notification';
  unit: string | null;
  roles: string[];
  notification: NotificationView;
}

/** The operators' counters bar, computed by one api process for all (see CountersBroadcaster). */
export interface CountersMessage {
  event: 'counters';
  counters: unknown;
}

/** A trend alert raised, grown, reopened or acknowledged: for every SUPERVISOR. */
export interface TrendAlertMessage {
  event: 'trend.alert';
  alert: TrendAlertView;
}

/** A half-year report run moved (state, progress): for the one who asked for it. */
export interface ReportProgressMessage {
  event: 'report.progress';
  userId: string;
  run: ReportRunView;
}

/** Everything that travels on the events channel, from any api or worker process. */
export type LiveMessage = TicketEventPayload | ClaimChangedMessage | NotificationMessage | CountersMessage | TrendAlertMessage | ReportProgressMessage;

export const OPERATOR_ROOM = 'operators';
export const unitRoom = (unit: string) => `unit:${unit}`;
/** one staff member's sockets */
export const userRoom = (userId: string) => `user:${userId}`;
/** holders of one role in one unit, or of the role everywhere */
export const roleRoom = (role: string, unit: string | null) => (unit ? `unit:${unit}:role:${role}` : `role:${role}`);
