import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { ReportFormat, ReportRequest, ReportRunView } from '@hub/contracts';
import type { Viewer } from '@hub/auth/roles';
import { decodeCursor, DEFAULT_JOB_OPTIONS, encodeCursor, Invalid, NotFound, QUEUES, REPORT_JOBS, ReportBuildPayload, reportJobId, returningRows, TimeSource } from '@hub/core';
import { isReportScope, mayUseScope, visibleScopes } from './report-access';
import { halfYearPeriod, hasBegun, isProvisional, REPORT_MIME } from './report-period';
import { ReportRunRow, RUN_COLUMNS, toReportRunView } from './report-run.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 50;

export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  content: Buffer;
}

/**
 * Report runs and their files (report_runs, report_files). At most one run of a scope and half
 * is QUEUED or RUNNING (a partial unique index): asking again meanwhile answers that run; asking
 * once it has ended builds the next version.
 */
@Injectable()
export class ReportRuns {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue<ReportBuildPayload>,
    private readonly time: TimeSource,
  ) {}

  async request(viewer: Viewer, ask: ReportRequest): Promise<ReportRunView> {
    if (!isReportScope(ask.scope)) throw Invalid('No such report scope', [{ field: 'scope', message: 'PROVINCE or a unit code (DEPT@REGION)' }]);
    if (!mayUseScope(viewer, ask.scope)) throw NotFound('Report scope not found');
    const period = halfYearPeriod(ask.year, ask.half);
    const now = this.time.now();
    if (!hasBegun(period, now)) throw Invalid('That half year has not begun', [{ field: 'year', message: `${period.from} is still to come` }]);
    const run = (await this.insertRun(viewer, ask, isProvisional(period, now))) ?? (await this.activeRun(ask));
    if (!run) throw Invalid('The run ended while it was asked for again: ask once more');
    // queued again when the run was already there: the job id makes it a no-op unless the queue lost it
    await this.queue.add(REPORT_JOBS.build, { runId: run.id }, { ...DEFAULT_JOB_OPTIONS, jobId: reportJobId(run.id) });
    return run;
  }

  async list(viewer: Viewer, cursor?: string): Promise<{ items: ReportRunView[]; nextCursor: string | null }> {
    const scopes = visibleScopes(viewer);
    const params: unknown[] = [scopes];
    const position = decodeCursor(cursor);
    const after = position ? `AND (r.requested_at, r.id) < ($2::timestamptz, $3::uuid)` : '';
    if (position) params.push(position.at, position.id);
    params.push(PAGE + 1);
    const rows: ReportRunRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM report_runs r WHERE ($1::text[] IS NULL OR r.scope = ANY($1)) ${after}
       ORDER BY r.requested_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, PAGE);
    const last = rows.length > PAGE ? items[items.length - 1] : null;
    return { items: items.map(toReportRunView), nextCursor: last ? encodeCursor(last.requested_at, last.id) : null };
  }

  async get(viewer: Viewer, id: string): Promise<ReportRunView> {
    const run = await this.find(id);
    if (!run || !mayUseScope(viewer, run.scope)) throw NotFound('Report not found');
    return toReportRunView(run);
  }

  async file(viewer: Viewer, id: string, format: ReportFormat): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    await this.get(viewer, id);
    const [file]: Array<{ file_name: string; mime_type: string; content: Buffer }> = await this.db.query(
      `SELECT file_name, mime_type, content FROM report_files WHERE run_id = $1 AND format = $2`,
      [id, format],
    );
    if (!file) throw NotFound('The report has no such file (yet)');
    return { fileName: file.file_name, mimeType: file.mime_type, content: file.content };
  }

  // ── the worker's side ──────────────────────────────────────────────────────

  async find(id: string): Promise<ReportRunRow | null> {
    if (!UUID.test(id)) return null;
    const rows: ReportRunRow[] = await this.db.query(`SELECT ${RUN_COLUMNS} FROM report_runs r WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** QUEUED (or RUNNING, when a worker died mid-build) → RUNNING; null for a run that has ended. */
  async start(id: string): Promise<ReportRunRow | null> {
    const moved = returningRows(
      await this.db.query(
        `UPDATE report_runs SET state = 'RUNNING', started_at = COALESCE(started_at, now()), progress = GREATEST(progress, 1)
         WHERE id = $1 AND state IN ('QUEUED', 'RUNNING') RETURNING id`,
        [id],
      ),
    );
    return moved.length === 0 ? null : this.find(id);
  }

  async progress(id: string, progress: number): Promise<ReportRunRow | null> {
    await this.db.query(`UPDATE report_runs SET progress = $2 WHERE id = $1 AND state = 'RUNNING'`, [id, progress]);
    return this.find(id);
  }

  /** The files and DONE in one transaction: a run is never DONE without both. */
  async complete(id: string, files: ReportFile[]): Promise<ReportRunRow | null> {
    await this.db.transaction(async (tx) => {
      for (const f of files) {
        await tx.query(
          `INSERT INTO report_files (run_id, format, file_name, mime_type, size_bytes, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (run_id, format) DO UPDATE SET file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
             content = EXCLUDED.content, created_at = now()`,
          [id, f.format, f.fileName, REPORT_MIME[f.format], f.content.length, createHash('sha256').update(f.content).digest('hex'), f.content],
        );
      }
      await tx.query(`UPDATE report_runs SET state = 'DONE', progress = 100, finished_at = now(), error = NULL WHERE id = $1 AND state = 'RUNNING'`, [id]);
    });
    return this.find(id);
  }

  async fail(id: string, error: string): Promise<ReportRunRow | null> {
    await this.db.query(`UPDATE report_runs SET state = 'FAILED', finished_at = now(), error = $2 WHERE id = $1 AND state IN ('QUEUED', 'RUNNING')`, [id, error.slice(0, 1000)]);
    return this.find(id);
  }

  private async insertRun(viewer: Viewer, ask: ReportRequest, provisional: boolean): Promise<ReportRunView | null> {
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO report_runs (scope, year, half, version, provisional, requested_by, requested_by_name)
       SELECT $1, $2, $3, COALESCE(max(version), 0) + 1, $4, $5, $6 FROM report_runs WHERE scope = $1 AND year = $2 AND half = $3
       ON CONFLICT DO NOTHING RETURNING id`,
      [ask.scope, ask.year, ask.half, provisional, viewer.id, viewer.displayName],
    );
    const run = inserted[0] ? await this.find(inserted[0].id) : null;
    return run ? toReportRunView(run) : null;
  }

  private async activeRun(ask: ReportRequest): Promise<ReportRunView | null> {
    const rows: ReportRunRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM report_runs r WHERE r.scope = $1 AND r.year = $2 AND r.half = $3 AND r.state IN ('QUEUED', 'RUNNING')`,
      [ask.scope, ask.year, ask.half],
    );
    return rows[0] ? toReportRunView(rows[0]) : null;
  }
}
