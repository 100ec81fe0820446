import type { FieldError } from './adapters/feed-record';

export interface AcceptedEntry {
  index: number;
  externalId: string;
  ticketId: string;
  trackingCode: string;
  duplicate: boolean;
  revision?: number;
  followUp?: true;
}

export interface RejectedEntry {
  index: number;
  externalId: string | null;
  errors: FieldError[];
}

export interface IntakeOutcome {
  rawId: string;
  accepted: AcceptedEntry[];
  rejected: RejectedEntry[];
}
