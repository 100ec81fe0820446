/**
 * The vocabulary the server and the web console share: codes, status sets, error codes
 * and the JSON shapes of views and live events. Plain TypeScript with no imports, so
 * both the Nest libs and apps/web compile against the same declarations: a change on
 * one side that the other does not follow fails `npm run typecheck`.
 */

// ── tickets ──────────────────────────────────────────────────────────────────

export const TICKET_STATUSES = ['RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE', 'CLOSED', 'MERGED', 'DISCARDED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Every state a ticket can still leave. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE'];
/** Final states. */
export const TERMINAL_STATUSES: readonly TicketStatus[] = ['CLOSED', 'MERGED', 'DISCARDED'];
/** What waits for an operator: the console's triage list (the router was unsure, or a unit returned it). */
export const TRIAGE_STATUSES: readonly TicketStatus[] = ['TRIAGE', 'RETURNED'];
/** An operator may decide routing for these. */
export const DECIDABLE_STATUSES: readonly TicketStatus[] = ['RECEIVED', 'TRIAGE', 'RETURNED'];
/** A unit is working these (the workbench's open tickets). */
export const UNIT_OPEN_STATUSES: readonly TicketStatus[] = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'TRANSFERRED_TO_POLICE'];

export const FEEDS = ['12315', '12365', '12358', '12330', '12390', '12316', '12312'] as const;
export type FeedCode = (typeof FEEDS)[number];
/** Hotline feeds plus the project's own channels: operator entry and the public portal. */
export const TICKET_FEEDS = [...FEEDS, 'OPERATOR', 'WEB'] as const;
export type TicketFeed = (typeof TICKET_FEEDS)[number];

export const KINDS = ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNELS = ['PHONE', 'WEB', 'WECHAT', 'APP', 'EMAIL', 'BATCH', 'OPERATOR'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REGION_SOURCES = ['CODE', 'PLACE_NAME', 'ADDRESS', 'TEXT', 'AREA_CODE', 'DEFAULT'] as const;
export type RegionSource = (typeof REGION_SOURCES)[number];

export const TICKET_FLAGS = ['SUSPECTED_CRIME', 'REPEAT_OFFENDER', 'RESENT_CHANGED', 'FOLLOW_UP'] as const;
export type TicketFlag = (typeof TICKET_FLAGS)[number];

// ── staff ────────────────────────────────────────────────────────────────────

export const ROLES = ['OPERATOR', 'HANDLER', 'UNIT_HEAD', 'REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN', 'POLICE_LIAISON', 'PROSECUTOR'] as const;
export type Role = (typeof ROLES)[number];
/** Roles whose work is tied to one department unit. */
export const UNIT_ROLES: readonly Role[] = ['HANDLER', 'UNIT_HEAD', 'POLICE_LIAISON'];

/** The signed-in staff member (GET /api/v1/me). */
export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: string | null;
}

// ── case handling ────────────────────────────────────────────────────────────

/** Outcome of a closed ticket; TRANSFERRED only through a police acceptance. */
export const OUTCOMES = ['NO_CASE', 'MEDIATED', 'MEDIATION_FAILED', 'PENALIZED', 'TRANSFERRED'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What a unit may choose when it closes a ticket itself. */
export const CLOSE_OUTCOMES = ['NO_CASE', 'MEDIATED', 'MEDIATION_FAILED', 'PENALIZED'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const PENALTY_TYPES = ['WARNING', 'FINE', 'CONFISCATION', 'LICENCE_REVOKED', 'SUSPENSION'] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PAUSE_REASONS = ['WAITING_REPORTER', 'TESTING'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const POLICE_DECISIONS = ['ACCEPTED', 'DECLINED'] as const;
export type PoliceDecision = (typeof POLICE_DECISIONS)[number];

/** Where a criminal transfer (两法衔接) stands. */
export const TRANSFER_STATES = ['PROPOSED', 'REFUSED', 'WITH_POLICE', 'ACCEPTED', 'DECLINED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Every move of the case lifecycle, one endpoint each under /api/v1/tickets/{id}/. */
export const CASE_ACTIONS = [
  'accept',
  'return',
  'assist',
  'file-case',
  'pause',
  'resume',
  'close',
  'transfer',
  'transfer/approve',
  'transfer/refuse',
  'transfer/decide',
  'transfer/extend',
  'transfer/reconsider',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const REWARD_LEVELS = ['L1', 'L2', 'L3'] as const;
export type RewardLevel = (typeof REWARD_LEVELS)[number];
export const REWARD_STATES = ['PROPOSED', 'APPROVED', 'NOTIFIED', 'CLAIMED', 'PAID', 'REJECTED', 'EXPIRED'] as const;
export type RewardState = (typeof REWARD_STATES)[number];
/** From this amount (¥500,000) a reward needs FINANCE's approval after the reward officer's, and FINANCE sees it. */
export const FINANCE_APPROVAL_FROM_FEN = 50_000_000;
/** Why a reward officer may refuse a tipster (the national rules' exclusions). */
export const REWARD_EXCLUSIONS = ['HANDLING_STAFF', 'VIOLATOR', 'DUTY_TO_REPORT', 'NOT_NATURAL_PERSON'] as const;
export type RewardExclusion = (typeof REWARD_EXCLUSIONS)[number];
export const LEDGER_KINDS = ['GRANT', 'COMMITMENT', 'PAYOUT', 'REVERSAL', 'EXPIRY_RELEASE'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

// ── deadlines ────────────────────────────────────────────────────────────────

/** Colour of a clock: green, yellow at 80 % of it, red past it. Also the workbench filter `deadline=`. */
export const DEADLINE_STATES = ['ok', 'warning', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Clocks of workflows.md, by their field in `deadlines`. */
export const CLOCKS = ['dispatchBy', 'acceptBy', 'resolveBy', 'transferDecisionBy', 'handOverBy', 'policeDecisionBy'] as const;
export type Clock = (typeof CLOCKS)[number];

// ── errors ───────────────────────────────────────────────────────────────────

/** Stable `error.code` values the server answers with. */
export const ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  MALFORMED_JSON: 'MALFORMED_JSON',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'STALE_VERSION',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CLAIMED_BY_OTHER: 'CLAIMED_BY_OTHER',
  CLAIM_REQUIRED: 'CLAIM_REQUIRED',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  /** public portal: wrong tracking code or PIN (the same answer for both) */
  TIP_NOT_FOUND: 'TIP_NOT_FOUND',
  NO_REWARD_TO_CLAIM: 'NO_REWARD_TO_CLAIM',
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  /** a reward of ¥500,000 or more waits for FINANCE after the officer */
  AWAITING_FINANCE: 'AWAITING_FINANCE',
  /** the second approval of a large reward must come from another person */
  SAME_APPROVER: 'SAME_APPROVER',
  /** a reward move its state does not allow */
  WRONG_STATE: 'WRONG_STATE',
  NO_ACCEPTABLE_RECORD: 'NO_ACCEPTABLE_RECORD',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details: FieldError[]; requestId: string };
}

// ── views ────────────────────────────────────────────────────────────────────

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Who has the ticket open in the console. */
export interface ClaimView {
  userId: string;
  displayName: string;
  expiresAt: string;
}

export interface ClassificationView {
  category: string;
  violation: string;
  stage: string;
  confidence: number;
  explanation: string;
  [extra: string]: unknown;
}

export interface RoutingView {
  ruleSetVersion: string;
  ruleId: string;
  leadDepartment: string;
  leadUnit: string;
  assistUnits: string[];
  auto: boolean;
  [extra: string]: unknown;
}

export interface DeadlinesView {
  dispatchBy: string | null;
  acceptBy: string | null;
  resolveBy: string | null;
  /** true when any of them was counted without holiday data for its year */
  provisional: boolean;
  /** the unit head's 3 days to approve or refuse a proposed transfer */
  transferDecisionBy: string | null;
  /** 24 hours from approval to hand the case to the police */
  handOverBy: string | null;
  /** the police's 3 days (10 with extension) from hand-over */
  policeDecisionBy: string | null;
}

export interface PauseView {
  reason: PauseReason;
  from: string;
  to: string | null;
  /** working days the clocks moved by (null while the pause lasts) */
  workingDays: number | null;
}

export interface ClosureView {
  outcome: Outcome;
  reason: string | null;
  decisionNumber: string | null;
  penalties: PenaltyType[];
  fineFen: number;
  confiscationFen: number;
  rewardLevel: RewardLevel | null;
  closedAt: string;
}

export interface TransferView {
  state: TransferState;
  reason: string;
  proposedAt: string;
  proposedBy: string;
  policeUnit: string | null;
  approvedAt: string | null;
  refusedReason: string | null;
  extended: boolean;
  decision: PoliceDecision | null;
  decisionReason: string | null;
  decidedAt: string | null;
  reconsiderationRequested: boolean;
  rewardLevel: RewardLevel | null;
}

/** The unit's handling of the ticket: acceptance, case filing, pauses, transfer, closure. */
export interface CaseView {
  acceptedAt: string | null;
  caseNumber: string | null;
  filedAt: string | null;
  paused: PauseView | null;
  pauses: PauseView[];
  transfer: TransferView | null;
  closure: ClosureView | null;
}

export interface RewardSummary {
  id: string;
  state: RewardState;
  level: RewardLevel;
  amountFen: number;
}

/** The canonical ticket (GET /api/v1/tickets/{id}, and the answer of every case action). */
export interface TicketView {
  id: string;
  trackingCode: string;
  feed: TicketFeed;
  externalId: string;
  rawId: string | null;
  kind: Kind;
  channel: Channel;
  receivedAt: string;
  reporter: { anonymous: boolean; name: string | null; phone: string | null; idNumber: string | null; email: string | null };
  subject: { name: string | null; uscc: string | null; usccValid: boolean | null; address: string | null };
  regionCode: string;
  countyCode: string | null;
  regionSource: RegionSource;
  productName: string | null;
  description: string;
  classification: ClassificationView | null;
  routing: RoutingView | null;
  duplicateCandidates: string[];
  flags: string[];
  status: TicketStatus;
  duplicateOf: string | null;
  deadlines: DeadlinesView;
  /** colour of the most urgent running clock */
  deadlineState: DeadlineState;
  outcome: Outcome | null;
  case: CaseView;
  /** filled by rewards; null while there is none */
  reward: RewardSummary | null;
  revision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/tickets/{id} adds who has it open in the console. */
export interface TicketWithClaim extends TicketView {
  claim: ClaimView | null;
}

/** A row of the console's queue. */
export interface TicketSummary {
  id: string;
  trackingCode: string;
  feed: TicketFeed;
  kind: Kind;
  channel: Channel;
  status: TicketStatus;
  receivedAt: string;
  regionCode: string;
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
  claim: ClaimView | null;
  version: number;
  explanation?: string | null;
  proposal?: RoutingProposal | null;
}

export interface RoutingProposal {
  category: string;
  violation: string;
  stage: string;
  leadUnit: string | null;
  assistUnits: string[];
  ruleId: string | null;
  confidence: number;
}

/** A row of the triage list: the summary with the router's proposal and reasons. */
export interface TriageItem extends TicketSummary {
  explanation: string | null;
  proposal: RoutingProposal | null;
}

export interface Counters {
  triageWaiting: number;
  oldestTriageReceivedAt: string | null;
  dispatchedToday: number;
  receivedToday: number;
  byFeed: Record<string, number>;
  unreadable: number;
}

/** One row of GET /api/v1/tickets/{id}/history. */
export interface HistoryEntryView {
  id: string;
  at: string;
  actor: string;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  reason: string | null;
  data: Record<string, unknown>;
}

// ── workbench ────────────────────────────────────────────────────────────────

export const WORKBENCH_ROLES = ['lead', 'assist'] as const;
export type WorkbenchRole = (typeof WORKBENCH_ROLES)[number];

/** A row of the unit's workbench (GET /api/v1/workbench/tickets). */
export interface WorkbenchItem {
  id: string;
  trackingCode: string;
  kind: Kind;
  feed: TicketFeed;
  status: TicketStatus;
  receivedAt: string;
  dispatchedAt: string | null;
  regionCode: string;
  subjectName: string | null;
  productName: string | null;
  excerpt: string;
  category: string | null;
  violation: string | null;
  leadUnit: string | null;
  assistUnits: string[];
  flags: string[];
  /** lead or assist, from the caller's unit's side */
  role: WorkbenchRole;
  deadlines: DeadlinesView;
  deadlineState: DeadlineState;
  /** the running clock that is nearest, and when it ends */
  nextDeadline: { clock: Clock; at: string } | null;
  paused: boolean;
  transferState: TransferState | null;
  outcome: Outcome | null;
  version: number;
}

export type WorkbenchList = Page<WorkbenchItem>;

/** Why the prosecutor's oversight list shows a ticket; NOT_TRANSFERRED: penalised with a crime flag, never transferred (有案不移). */
export const OVERSIGHT_CONCERNS = ['PROPOSED', 'TRANSFERRED', 'REFUSED', 'DECLINED', 'NOT_TRANSFERRED'] as const;
export type OversightConcern = (typeof OVERSIGHT_CONCERNS)[number];

/** A row of GET /api/v1/oversight/transfers. */
export interface OversightItem extends WorkbenchItem {
  concern: OversightConcern;
}

/** A ticket of the same subject (same USCC, or same normalised name and region). */
export interface SubjectTicketView {
  id: string;
  trackingCode: string;
  kind: Kind;
  status: TicketStatus;
  receivedAt: string;
  leadUnit: string | null;
  outcome: Outcome | null;
  matchedBy: 'USCC' | 'NAME_REGION';
}

export interface FindingView {
  id: string;
  at: string;
  author: string;
  text: string;
  attachments: Array<{ id: string; fileName: string; mimeType: string | null; sizeBytes: number | null }>;
}

// ── public portal and rewards (docs/rewards-api.md) ──────────────────────────

/** POST /api/v1/public/tips answers the tracking code and the PIN, shown once. */
export interface TipReceipt {
  trackingCode: string;
  pin: string;
}

/** The tipster's view (POST /api/v1/public/tips/status and /claim). */
export interface TipStatus {
  trackingCode: string;
  status: TicketStatus;
  statusText: string;
  updatedAt: string;
  reward: {
    state: RewardState;
    stateText: string;
    amountFen: number;
    claimBy: string | null;
    claimedAt: string | null;
    paidAt: string | null;
  } | null;
}

/** A reward as the reward officer and FINANCE see it (GET /api/v1/rewards). */
export interface RewardView {
  id: string;
  ticketId: string;
  trackingCode: string;
  /** what the case was about, for the officer's queue (never the tipster's data) */
  subjectName: string | null;
  productName: string | null;
  decisionNumber: string | null;
  state: RewardState;
  level: RewardLevel;
  amountFen: number;
  /** fines plus confiscations the amount was computed from */
  baseFen: number;
  department: string;
  budgetYear: number | null;
  proposedAt: string;
  caseClosedAt: string;
  /** the tipster must be told within 15 working days of the close */
  noticeBy: string;
  noticeOverdue: boolean;
  notifiedAt: string | null;
  claimBy: string | null;
  claimedAt: string | null;
  paidAt: string | null;
  voucherNumber: string | null;
  needsFinance: boolean;
  officerApproval: { by: string; at: string } | null;
  financeApproval: { by: string; at: string } | null;
  rejectReason: string | null;
  exclusion: RewardExclusion | null;
  payeeClaimed: boolean;
  version: number;
}

export interface LedgerEntryView {
  id: string;
  at: string;
  department: string;
  year: number;
  kind: LedgerKind;
  amountFen: number;
  rewardId: string | null;
  trackingCode: string | null;
  actor: string;
  note: string | null;
}

/** GET /api/v1/rewards/{id}: the reward with its ledger entries. */
export interface RewardDetail extends RewardView {
  ledger: LedgerEntryView[];
}

/** A department's reward budget for a year, derived from the ledger (GET /api/v1/budgets). */
export interface BudgetView {
  department: string;
  year: number;
  grantedFen: number;
  committedFen: number;
  paidFen: number;
  availableFen: number;
}

/** POST /api/v1/rewards/{id}/payee/reveal (REWARD_OFFICER, recorded). */
export interface PayeeView {
  reporter: { anonymous: false; name: string | null; phone: string | null; idNumber: string | null } | null;
  payout: { name: string; idNumber: string; bankName: string; accountNumber: string } | null;
}

export interface ReconciliationView {
  ok: boolean;
  checkedAt: string;
  items: Array<BudgetView & { rewardsCommittedFen: number; rewardsPaidFen: number; ok: boolean }>;
  problems: Array<{ rewardId: string | null; department: string; year: number | null; message: string }>;
}

// ── notifications ────────────────────────────────────────────────────────────

export const NOTIFICATION_KINDS = ['DEADLINE_WARNING', 'DEADLINE_OVERDUE', 'TRANSFER_PROPOSED', 'TRANSFER_WITH_POLICE', 'TRANSFER_DECIDED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  ticketId: string | null;
  trackingCode: string | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

// ── calendar ─────────────────────────────────────────────────────────────────

export interface CalendarDayView {
  date: string;
  work: boolean;
  name: string | null;
}

export interface CalendarYearView {
  year: number;
  /** PACKAGE: the shipped holiday data; ADMIN: entered here; MISSING: counted Monday–Friday, deadlines provisional */
  source: 'PACKAGE' | 'ADMIN' | 'MISSING';
  days: number;
  warning: string | null;
}

// ── live events (socket.io namespace /console) ───────────────────────────────

export const TICKET_EVENTS = ['ticket.created', 'ticket.updated'] as const;
export type TicketEventName = (typeof TICKET_EVENTS)[number];

export interface TicketEventPayload {
  event: TicketEventName;
  id: string;
  trackingCode: string;
  status: TicketStatus;
  version: number;
  leadUnit: string | null;
  assistUnits: string[];
  /** the police unit a transfer went to; its liaisons get the event too */
  policeUnit?: string | null;
}

/** What a socket receives for ticket.created / ticket.updated. */
export type TicketEvent = Omit<TicketEventPayload, 'event'>;

export interface ClaimChangedEvent {
  ticketId: string;
  claim: ClaimView | null;
}

/** `notification` event: pushed to the unit (and supervisors) it is for. */
export type NotificationEvent = NotificationView;

// ---- Credit records and public disclosure (contracts.md "Public records") ----

/** A closed PENALIZED case as the public sees it: never any reporter data. */
export interface PublicPenalty {
  subjectName: string;
  uscc: string | null;
  violation: string | null;
  penalties: string[];
  fineFen: number;
  confiscationFen: number;
  unitName: string;
  decisionNumber: string | null;
  decidedAt: string;
}

export interface PublicBlacklistEntry {
  subjectName: string;
  uscc: string | null;
  regionCode: string;
  listedAt: string;
  reason: string | null;
}

/** A keyset page of a public list. */
export interface PublicPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CreditSubjectView {
  id: string;
  subjectName: string;
  uscc: string | null;
  regionCode: string;
  lastCaseAt: string;
  blacklisted: boolean;
  listedAt: string | null;
  listedReason: string | null;
  delistedAt: string | null;
  delistedReason: string | null;
}

export interface CreditCaseView {
  ticketId: string;
  outcome: string;
  violation: string | null;
  penalties: string[];
  fineFen: number;
  confiscationFen: number;
  unitName: string;
  decisionNumber: string | null;
  decidedAt: string;
}

export interface CreditHistoryView {
  ticketId: string | null;
  action: string;
  reason: string | null;
  actorName: string;
  at: string;
}

/** A subject's credit record as staff see it: null subject when the ticket names none with a record. */
export interface CreditRecordView {
  subject: CreditSubjectView | null;
  cases: CreditCaseView[];
  history: CreditHistoryView[];
}

/** A page of the staff search of subjects with a record, newest case first. */
export interface CreditSubjectsPage {
  items: CreditSubjectView[];
  nextCursor: string | null;
}

// ── supervision, reports and trend watch: one file each ─────────────────────
export * from './supervision';
export * from './trends';
export * from './reports';
