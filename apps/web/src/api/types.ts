export type Role =
  | 'OPERATOR'
  | 'HANDLER'
  | 'UNIT_HEAD'
  | 'REWARD_OFFICER'
  | 'FINANCE'
  | 'SUPERVISOR'
  | 'ADMIN'
  | 'POLICE_LIAISON'
  | 'PROSECUTOR';

export const TICKET_STATUSES = [
  'RECEIVED',
  'TRIAGE',
  'DISPATCHED',
  'ACCEPTED',
  'RETURNED',
  'IN_PROGRESS',
  'TRANSFERRED_TO_POLICE',
  'CLOSED',
  'MERGED',
  'DISCARDED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const KINDS = ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as const;
export type Kind = (typeof KINDS)[number];

export type Channel = 'PHONE' | 'WEB' | 'WECHAT' | 'APP' | 'EMAIL' | 'BATCH' | 'OPERATOR';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: string | null;
}

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

export interface Claim {
  userId: string;
  displayName: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export interface TicketSummary {
  id: string;
  trackingCode: string;
  feed: string;
  kind: Kind;
  channel: Channel;
  status: TicketStatus;
  receivedAt: string;
  regionCode: string | null;
  countyCode: string | null;
  subjectName: string | null;
  productName: string | null;
  excerpt: string;
  category: string | null;
  violation: string | null;
  stage: string | null;
  confidence: number | null;
  leadUnit: string | null;
  assistUnits: string[];
  flags: string[];
  duplicateCandidates: string[];
  claim: Claim | null;
  version: number;
}

export interface Proposal {
  category: string;
  violation: string;
  stage: string;
  leadUnit: string | null;
  assistUnits: string[];
  ruleId: string | null;
  confidence: number | null;
}

export interface TriageItem extends TicketSummary {
  explanation: string | null;
  proposal: Proposal | null;
}

export interface Counters {
  triageWaiting: number;
  oldestTriageReceivedAt: string | null;
  dispatchedToday: number;
  receivedToday: number;
  byFeed: Record<string, number>;
  unreadable: number;
}

export interface Classification {
  category: string;
  violation: string;
  stage: string;
  confidence: number | null;
  explanation: string | null;
}

export interface Routing {
  ruleSetVersion: string | null;
  ruleId: string | null;
  leadDepartment: string | null;
  leadUnit: string | null;
  assistUnits: string[];
  auto: boolean;
}

export interface Deadlines {
  dispatchBy: string | null;
  acceptBy: string | null;
  resolveBy: string | null;
  provisional?: boolean;
}

export interface Ticket {
  id: string;
  trackingCode: string;
  feed: string;
  externalId: string | null;
  rawId: string | null;
  kind: Kind;
  channel: Channel;
  receivedAt: string;
  reporter: { anonymous: boolean; name?: string | null; phone?: string | null; idNumber?: string | null; email?: string | null };
  subject: { name?: string | null; uscc?: string | null; usccValid?: boolean | null; address?: string | null } | null;
  regionCode: string | null;
  countyCode: string | null;
  regionSource: string | null;
  productName: string | null;
  description: string;
  classification: Classification | null;
  routing: Routing | null;
  duplicateCandidates: string[];
  flags: string[];
  status: TicketStatus;
  duplicateOf: string | null;
  deadlines: Deadlines;
  version: number;
  claim: Claim | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  reason: string | null;
  data: unknown;
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

export interface FieldError {
  field: string;
  message: string;
}

export interface RerunResult {
  rawId: string;
  state: RawState;
  accepted: { index: number; externalId: string | null; ticketId: string; trackingCode: string; duplicate?: boolean }[];
  rejected: { index: number; externalId: string | null; errors: FieldError[] }[];
  error?: { code: string; message: string };
}

export interface TicketEvent {
  id: string;
  trackingCode: string;
  status: TicketStatus;
  version: number;
  leadUnit: string | null;
  assistUnits: string[];
}

export interface ClaimEvent {
  ticketId: string;
  claim: Claim | null;
}
