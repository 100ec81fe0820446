import type { EntityManager } from 'typeorm';
import type { NotificationKind, Role } from '@hub/contracts';

/** Who a notice is for: the holders of these roles in a unit, or everywhere when `unit` is null. */
export interface NoticeRecipient {
  unit: string | null;
  roles: Role[];
}

export interface Notice {
  kind: NotificationKind;
  ticketId: string | null;
  trackingCode: string | null;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  to: NoticeRecipient[];
  /** the same key never notifies twice (a redelivered job, a second process) */
  dedupeKey?: string;
}

/**
 * Tells staff about something that needs them. Runs in the caller's transaction, so a
 * notice exists exactly when the change it reports commits. The in-app notifier keeps it
 * and pushes it to the screens; an SMS notifier can implement the same interface.
 */
export interface Notifier {
  notify(tx: EntityManager, notice: Notice): Promise<void>;
}

/** Injection token of the Notifier in use. */
export const NOTIFIER = Symbol('NOTIFIER');
