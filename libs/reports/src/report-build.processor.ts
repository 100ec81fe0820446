import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { REPORT_PROGRESS_EVENT } from '@hub/contracts';
import { EventBus, QUEUES, ReportBuildPayload } from '@hub/core';
import type { ReportProgressMessage } from '@hub/live/live-messages';
import { ReportBuilder } from './report-builder.service';
import { ReportRunRow, toReportRunView } from './report-run.view';
import { ReportRuns } from './report-runs.service';

/**
 * Builds a run's XLSX and PDF. Idempotent: a run that has ended makes the job a no-op; a run left
 * RUNNING by a dead worker is built again, its files replaced. Progress goes to the run's row and,
 * live, to whoever asked for it.
 */
@Processor(QUEUES.reports, { concurrency: 1, lockDuration: 60000 })
export class ReportBuildProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportBuildProcessor.name);

  constructor(
    private readonly runs: ReportRuns,
    private readonly builder: ReportBuilder,
    private readonly events: EventBus,
  ) {
    super();
  }

  async process(job: Job<ReportBuildPayload>): Promise<string> {
    const runId = job.data?.runId;
    if (typeof runId !== 'string' || !(await this.runs.find(runId))) throw new UnrecoverableError(`job ${job.id} names no report run`);
    const run = await this.runs.start(runId);
    if (!run) return 'already ended';
    await this.push(run);
    try {
      const files = await this.builder.build(run, async (percent) => {
        await job.updateProgress(percent);
        await this.push(await this.runs.progress(runId, percent));
      });
      await this.push(await this.runs.complete(runId, files));
      return 'built';
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
      this.logger.warn({ err: error, runId, attempt: job.attemptsMade + 1 }, 'report build failed');
      if (lastAttempt) await this.push(await this.runs.fail(runId, error instanceof Error ? error.message : String(error)));
      throw error;
    }
  }

  /** Live progress is a convenience: the page reads the run again when it comes back. */
  private async push(run: ReportRunRow | null): Promise<void> {
    if (!run) return;
    const message: ReportProgressMessage = { event: REPORT_PROGRESS_EVENT, userId: run.requested_by, run: toReportRunView(run) };
    await this.events.publish([message]).catch((error) => this.logger.warn({ err: error }, 'report progress not published'));
  }
}
