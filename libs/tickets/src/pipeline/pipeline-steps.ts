import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { OUTBOX_TOPICS, TicketJobName, writeOutbox } from '@hub/core';

/** A pipeline step contributed by a feature lib (routing adds classify, rewards the tipster's receipt after it). */
export interface PipelineStep {
  name: TicketJobName;
  /** the step that queues this one */
  after: TicketJobName;
  run(ticketId: string): Promise<string>;
  /** many tickets at once (one transaction, bulk statements); without it they run one by one */
  runMany?(ticketIds: string[]): Promise<string>;
  /**
   * For a step after the ticket's own pipeline (which `pipeline_step` tracks): tickets whose step is
   * still undone `stalledMs` after their last change, up to `limit`, so the sweeper can queue it again
   * when Redis lost its job.
   */
  overdue?(stalledMs: number, limit: number): Promise<string[]>;
}

/** The registry of pipeline steps, so feature libs slot their step in without the processor knowing them. */
@Injectable()
export class PipelineSteps {
  private readonly steps = new Map<string, PipelineStep>();

  register(step: PipelineStep): void {
    this.steps.set(step.name, step);
  }

  run(name: string, ticketId: string): Promise<string> {
    return this.step(name).run(ticketId);
  }

  async runMany(name: string, ticketIds: string[]): Promise<string> {
    const step = this.step(name);
    if (ticketIds.length === 1) return step.run(ticketIds[0]);
    if (step.runMany) return step.runMany(ticketIds);
    const outcomes: string[] = [];
    for (const id of ticketIds) outcomes.push(await step.run(id));
    return outcomes.join('; ');
  }

  /** Steps that can say which tickets still wait for them. */
  withOverdue(): Array<PipelineStep & Required<Pick<PipelineStep, 'overdue'>>> {
    return [...this.steps.values()].filter((s): s is PipelineStep & Required<Pick<PipelineStep, 'overdue'>> => typeof s.overdue === 'function');
  }

  private step(name: string): PipelineStep {
    const step = this.steps.get(name);
    if (!step) throw new UnrecoverableError(`no pipeline step "${name}" in this worker`);
    return step;
  }

  /** Queues (through the outbox, in the caller's transaction) whatever follows `done`. */
  queueNext(tx: EntityManager, done: TicketJobName, ticketId: string): Promise<void> {
    return this.queueNextMany(tx, done, [ticketId]);
  }

  async queueNextMany(tx: EntityManager, done: TicketJobName, ticketIds: string[]): Promise<void> {
    const next = [...this.steps.values()].filter((s) => s.after === done);
    if (next.length === 0 || ticketIds.length === 0) return;
    await writeOutbox(tx, ticketIds.flatMap((ticketId) => next.map((s) => ({ topic: OUTBOX_TOPICS.pipeline, ticketId, payload: { job: s.name } }))));
  }
}
