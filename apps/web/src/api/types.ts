/**
 * Types only the console has. Everything the server also speaks (statuses, roles, kinds, error codes,
 * ticket and list views, live events) comes from `@hub/contracts`, the one declaration both compile against.
 */
import type { FieldError, Kind, StaffView, TicketWithClaim } from '@hub/contracts';

/** The ticket as GET /api/v1/tickets/{id} and every action answer it. */
export type Ticket = TicketWithClaim;

export type Me = StaffView;

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface Unit {
  code: string;
  name: string;
  department: string;
  region: string;
}

export interface Taxonomy {
  kinds: Record<string, string>;
  categories: Record<string, string>;
  violations: Record<string, string>;
  stages: Record<string, string>;
  departments: Record<string, string>;
  regions: Record<string, string>;
  units: Unit[];
  feeds: Record<string, string>;
}

export interface RawRevision {
  revision: number;
  kind: 'ORIGINAL' | 'FOLLOW_UP';
  rawId: string;
  receivedAt: string;
}

export interface TicketRaw {
  rawId: string;
  feed: string;
  contentType: string | null;
  receivedAt: string;
  preview: string;
  revisions: RawRevision[];
}

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  url: string | null;
}

export interface DecideBody {
  version: number;
  category: string;
  violation: string;
  stage: string;
  leadUnit?: string;
  assistUnits?: string[];
}

export interface NewCallBody {
  kind: Kind;
  description: string;
  regionCode?: string;
  productName?: string;
  subject?: { name?: string; address?: string; uscc?: string };
  reporter: { anonymous: boolean; name?: string; phone?: string };
}

export interface SubjectSuggestion {
  name: string;
  uscc: string | null;
  address: string | null;
  regionCode: string;
  tickets: number;
}

export interface RegionSuggestion {
  regionCode: string | null;
  countyCode: string | null;
  source: string;
}

export const RAW_STATES = ['UNREADABLE', 'REJECTED', 'PARTIAL', 'DISCARDED'] as const;
export type RawState = (typeof RAW_STATES)[number] | 'RECEIVED' | 'PARSED';

export interface FeedRecord {
  id: string;
  feed: string;
  contentType: string | null;
  sizeBytes: number;
  receivedAt: string;
  state: RawState;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  outcome: unknown;
  discardReason: string | null;
}

export interface FeedRecordDetail extends FeedRecord {
  preview: string;
  previewTruncated: boolean;
  tickets: { ticketId: string; trackingCode: string; externalId: string | null; index: number }[];
}

export interface RerunResult {
  rawId: string;
  state: RawState;
  accepted: { index: number; externalId: string | null; ticketId: string; trackingCode: string; duplicate?: boolean }[];
  rejected: { index: number; externalId: string | null; errors: FieldError[] }[];
  error?: { code: string; message: string };
}

