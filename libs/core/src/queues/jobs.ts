import { createHash } from 'node:crypto';

/**
 * Every queue, job and outbox topic of the system, with the payload each carries.
 * Jobs carry ids only; the database is the truth. Job ids are `<step>-<ticketId>`
 * (BullMQ ids may not contain ':'), so a step is queued at most once per ticket.
 */
export const QUEUES = {
  tickets: 'tickets',
  routing: 'routing',
  clocks: 'clocks',
  rewards: 'rewards',
  records: 'records',
  trends: 'trends',
  supervision: 'supervision',
  reports: 'reports',
} as const;

export const JOBS = {
  /** from earlier releases, where intake queued `prepare` before `classify`; still run for jobs queued then */
  prepare: 'prepare',
  classify: 'classify',
  /** a hotline REPORT with the reporter's phone gets its tracking code and PIN by SMS */
  tipsterReceipt: 'tipster-receipt',
} as const;

export type TicketJobName = (typeof JOBS)[keyof typeof JOBS];

/** One ticket (`ticketId`) or, as the relay queues them, up to PIPELINE_BATCH tickets of one step (`ticketIds`). */
export interface TicketJobPayload {
  ticketId?: string;
  ticketIds?: string[];
}

export const ticketJobId = (step: TicketJobName, ticketId: string) => `${step}-${ticketId}`;

/** Tickets per pipeline job: one job, one transaction and one round of bulk statements for them all. */
export const PIPELINE_BATCH = 50;

/** A batch job's id names its exact set of tickets, so relaying the same set twice queues it once. */
export function ticketBatchJobId(step: TicketJobName, ticketIds: string[]): string {
  return `${step}-b${createHash('sha1').update([...ticketIds].sort().join(',')).digest('hex')}`;
}

export const ROUTING_JOBS = {
  retrain: 'retrain',
} as const;

/** Retraining carries no id: it reads every labelled example; requestedBy only for the log. */
export interface RetrainJobPayload {
  requestedBy: string | null;
}

/** Daily at 03:00 Beijing, when the consoles are quiet. */
export const RETRAIN_SCHEDULE = { pattern: '0 3 * * *', tz: 'Asia/Shanghai' } as const;

/** A ticket's clock reaching 80 % (warning) or its end (overdue). */
export const CLOCK_JOBS = {
  fire: 'clock-fire',
} as const;

export interface ClockJobPayload {
  ticketId: string;
  clock: string;
  level: 'warning' | 'overdue';
  /** the clock's end when the job was armed: a clock moved since (pause, holidays) makes the job a no-op */
  dueAt: string;
  /** when the job fires */
  at: string;
  /** the clock row's last change (ms): a paused and resumed clock is armed anew even when its end did not move */
  stamp: number;
}

/** One job per ticket, clock, level, end and change of the clock: arming it again is a no-op. */
export const clockJobId = (p: Pick<ClockJobPayload, 'ticketId' | 'clock' | 'level' | 'dueAt' | 'stamp'>) => `clock-${p.ticketId}-${p.clock}-${p.level}-${Date.parse(p.dueAt)}-${p.stamp}`;

export const REWARD_JOBS = {
  /** expires unclaimed rewards and sends pending reward notices; derived from PostgreSQL, idempotent */
  sweep: 'reward-sweep',
} as const;

/** The sweep carries nothing: it reads what is due from the rewards table. */
export type RewardSweepPayload = Record<string, never>;

export const REWARD_SWEEP_SCHEDULE = { every: 60_000 } as const;

export const RECORDS_JOBS = {
  /** takes off the blacklist subjects 3 years past their last case; derived from PostgreSQL, idempotent */
  sweep: 'records-sweep',
} as const;

export type RecordsSweepPayload = Record<string, never>;

export const RECORDS_SWEEP_SCHEDULE = { every: 3_600_000 } as const;

export const TREND_JOBS = {
  /** counts tickets stored since the watermark into trend_counts, then tests every key of the window; idempotent */
  scan: 'trend-scan',
} as const;

/** The scan reads everything from PostgreSQL; `requestedBy` (a supervisor's "scan now") only for the log. */
export interface TrendScanPayload {
  requestedBy: string | null;
}

/** Every 10 minutes: a burst is on the supervisors' screens within minutes, the hourly buckets fill as they go. */
export const TREND_SCAN_SCHEDULE = { every: 600_000 } as const;
export const REPORT_JOBS = {
  /** builds one half-year report run's XLSX and PDF; a run already DONE or FAILED makes it a no-op */
  build: 'report-build',
} as const;

/** The run's id only: scope, period and requester are read from report_runs. */
export interface ReportBuildPayload {
  runId: string;
}

/** One job per run: asking again for a run still queued queues nothing more. */
export const reportJobId = (runId: string) => `report-${runId}`;

export const SUPERVISION_JOBS = {
  /** recomputes the supervision rollups of the Beijing days touched since its watermark; derived from the ticket history, idempotent */
  rollup: 'supervision-rollup',
} as const;

/** The rollup carries nothing: what to recompute comes from its watermark in PostgreSQL. */
export type SupervisionRollupPayload = Record<string, never>;

/** Every minute: dashboards lag the history by at most that (the live counters come over the socket). */
export const SUPERVISION_ROLLUP_SCHEDULE = { every: 60_000 } as const;

/** Outbox topics: written in the same transaction as the change, relayed after commit. */
export const OUTBOX_TOPICS = {
  /** a pipeline step to queue: payload { job } */
  pipeline: 'pipeline',
  /** a live event for consoles: payload { event, ticket } */
  event: 'event',
} as const;

export interface PipelineOutboxPayload {
  job: TicketJobName;
}

export type { TicketEventName, TicketEventPayload } from '@hub/contracts';

/**
 * Redis pub/sub channel the gateway listens on (prefixed per deployment). With a `{…}` hash tag in
 * the prefix (e.g. `{hub}`), queue keys and channels of one deployment share a Redis Cluster slot.
 */
export const eventsChannel = (prefix: string) => `${prefix}:events`;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
