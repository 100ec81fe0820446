import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { OUTBOX_TOPICS, TicketJobName, writeOutbox } from '@hub/core';

/** What a step may look at to tell whether a ticket needs it at all. */
export interface PipelineTicket {
  id: string;
  feed: string;
  kind: string;
  /** the reporter left a name or a phone (`reporter_secret` is set) */
  hasReporter: boolean;
}

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
  /** whether the ticket needs this step; without it every ticket is queued for it */
  wants?(ticket: PipelineTicket): boolean;
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
  queueNext(tx: EntityManager, done: TicketJobName, ticket: string | PipelineTicket): Promise<void> {
    return this.queueNextMany(tx, done, [ticket]);
  }

  /** A ticket given by its id alone is queued for every next step; given with its facts, only for the steps that want it. */
  async queueNextMany(tx: EntityManager, done: TicketJobName, tickets: Array<string | PipelineTicket>): Promise<void> {
    const next = [...this.steps.values()].filter((s) => s.after === done);
    if (next.length === 0 || tickets.length === 0) return;
    const wanted = (step: PipelineStep, ticket: string | PipelineTicket) => typeof ticket === 'string' || !step.wants || step.wants(ticket);
    const idOf = (ticket: string | PipelineTicket) => (typeof ticket === 'string' ? ticket : ticket.id);
    await writeOutbox(tx, tickets.flatMap((ticket) => next.filter((s) => wanted(s, ticket)).map((s) => ({ topic: OUTBOX_TOPICS.pipeline, ticketId: idOf(ticket), payload: { job: s.name } }))));
  }
}
