import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, JOBS } from '@hub/core';
import { appendHistory, appendHistoryMany, BulkTransition, ClassificationValue, DispatchRequest, HistoryEntry, Kind, PipelineSteps, PipelineTicket, RoutingValue, TicketTransitions } from '@hub/tickets';
import { Classification, detectFlags, refineKind } from './classifier';
import { DuplicateFinder } from './duplicates/duplicate-finder.service';
import { evaluateRules } from './rules';
import { ActiveRouting, RoutingModels } from './routing-models.service';

interface TicketFacts {
  id: string;
  feed: string;
  kind: Kind;
  kind_source: string;
  description: string;
  product_name: string | null;
  subject_name: string | null;
  region_code: string;
  flags: string[];
  pipeline_step: string;
  status: string;
  has_reporter: boolean;
}

const FACTS_COLUMNS = `id, feed, kind, kind_source, description, product_name, subject_name, region_code, flags, pipeline_step, status, reporter_secret IS NOT NULL AS has_reporter`;

type Dispatch = { ticketId: string; kind: Kind; request: DispatchRequest };

export const ROUTER_ACTOR = { id: null, name: 'router' };

/**
 * The pipeline step after `prepare`: classify, refine the kind, flag, route by the
 * active rule set, find duplicates; dispatch when confident, else triage.
 */
@Injectable()
export class ClassifyStep implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ClassifyStep.name);

  constructor(
    private readonly steps: PipelineSteps,
    private readonly models: RoutingModels,
    private readonly transitions: TicketTransitions,
    private readonly duplicates: DuplicateFinder,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.steps.register({ name: JOBS.classify, after: JOBS.prepare, run: (ticketId) => this.run(ticketId), runMany: (ticketIds) => this.runMany(ticketIds) });
  }

  /** Loads the model (and the segmenter's dictionary) before the first ticket waits for it. */
  async onApplicationBootstrap(): Promise<void> {
    const active = await this.models.active();
    active.classifier.classify({ text: '超市销售假冒奶粉', feed: '12315' });
  }

  async run(ticketId: string): Promise<string> {
    const active = await this.models.active();
    return this.db.transaction(async (tx) => {
      const [ticket]: TicketFacts[] = await tx.query(
        `SELECT ${FACTS_COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`,
        [ticketId],
      );
      // an operator may have decided before the router got to it
      if (!ticket || ticket.pipeline_step !== 'CLASSIFY' || ticket.status !== 'RECEIVED') return 'nothing to classify';
      const kind = await this.refinedKind(tx, ticket);
      const classified = active.classifier.classify({ text: ticket.description, productName: ticket.product_name, subjectName: ticket.subject_name, feed: ticket.feed, kind, regionCode: ticket.region_code });
      const auto = classified.confidence >= this.config.env.AUTO_ROUTE_THRESHOLD;
      const proposal = propose(active, classified, ticket.region_code, auto);
      const set = { pipeline_step: 'DONE', kind, flags: mergeFlags(ticket.flags, detectFlags(ticket.description).map((f) => f.flag)), duplicate_candidates: await this.duplicates.find(tx, ticket.id) };
      await this.steps.queueNext(tx, JOBS.classify, { id: ticket.id, feed: ticket.feed, kind, hasReporter: ticket.has_reporter });
      if (auto) {
        await this.transitions.dispatch(tx, ticket.id, kind, { ...proposal, actor: ROUTER_ACTOR, action: 'AUTO_DISPATCHED', set });
        return `dispatched to ${proposal.routing.leadUnit}`;
      }
      await this.transitions.transition(tx, ticket.id, {
        to: 'TRIAGE',
        actor: ROUTER_ACTOR,
        action: 'TRIAGE',
        reason: `confidence ${classified.confidence.toFixed(2)} below ${this.config.env.AUTO_ROUTE_THRESHOLD}`,
        set: { ...set, classification: proposal.classification, routing: proposal.routing, lead_unit: null, assist_units: [] },
      });
      return 'sent to triage';
    });
  }

  /**
   * A batch in one transaction: one locking read, one duplicate search, bulk transitions.
   * Should the batch fail, each ticket is tried on its own so one bad ticket holds back no other.
   */
  async runMany(ticketIds: string[]): Promise<string> {
    const active = await this.models.active();
    try {
      return await this.db.transaction((tx) => this.classifyBatch(tx, active, ticketIds));
    } catch (error) {
      this.logger.warn({ err: error, tickets: ticketIds.length }, 'batch classification failed; classifying one by one');
      let failure: unknown = null;
      for (const id of ticketIds) await this.run(id).catch((e: unknown) => (failure ??= e));
      if (failure) throw failure;
      return `${ticketIds.length} classified one by one`;
    }
  }

  private async classifyBatch(tx: EntityManager, active: ActiveRouting, ticketIds: string[]): Promise<string> {
    const rows: TicketFacts[] = await tx.query(
      `SELECT ${FACTS_COLUMNS} FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ticketIds],
    );
    // an operator may have decided before the router got to some of them
    const tickets = rows.filter((t) => t.pipeline_step === 'CLASSIFY' && t.status === 'RECEIVED');
    if (tickets.length === 0) return 'nothing to classify';
    const duplicates = await this.duplicates.findMany(tx, tickets.map((t) => t.id));
    const refinements: HistoryEntry[] = [];
    const dispatches: Dispatch[] = [];
    const triage: BulkTransition[] = [];
    const routed: PipelineTicket[] = [];
    for (const ticket of tickets) {
      const kind = ticket.kind_source === 'TEXT' ? (refineKind(ticket.description, ticket.kind) as Kind) : ticket.kind;
      if (kind !== ticket.kind) refinements.push(kindRefined(ticket, kind));
      routed.push({ id: ticket.id, feed: ticket.feed, kind, hasReporter: ticket.has_reporter });
      const route = this.route(active, ticket, kind, duplicates.get(ticket.id) ?? []);
      if ('dispatch' in route) dispatches.push(route.dispatch);
      else triage.push(route.triage);
    }
    // the batch's SELECT … FOR UPDATE holds every ticket's lock
    await appendHistoryMany(tx, refinements, { locked: true });
    await this.transitions.dispatchMany(tx, dispatches, triage);
    await this.steps.queueNextMany(tx, JOBS.classify, routed);
    return `${dispatches.length} dispatched, ${triage.length} sent to triage`;
  }

  /** What the router does with one classified ticket: dispatch it when confident, else triage. */
  private route(active: ActiveRouting, ticket: TicketFacts, kind: Kind, duplicateCandidates: string[]): { dispatch: Dispatch } | { triage: BulkTransition } {
    const classified = active.classifier.classify({ text: ticket.description, productName: ticket.product_name, subjectName: ticket.subject_name, feed: ticket.feed, kind, regionCode: ticket.region_code });
    const auto = classified.confidence >= this.config.env.AUTO_ROUTE_THRESHOLD;
    const proposal = propose(active, classified, ticket.region_code, auto);
    const set = { pipeline_step: 'DONE', kind, flags: mergeFlags(ticket.flags, detectFlags(ticket.description).map((f) => f.flag)), duplicate_candidates: duplicateCandidates };
    if (auto) return { dispatch: { ticketId: ticket.id, kind, request: { ...proposal, actor: ROUTER_ACTOR, action: 'AUTO_DISPATCHED', set } } };
    return {
      triage: {
        ticketId: ticket.id,
        to: 'TRIAGE',
        actor: ROUTER_ACTOR,
        action: 'TRIAGE',
        reason: `confidence ${classified.confidence.toFixed(2)} below ${this.config.env.AUTO_ROUTE_THRESHOLD}`,
        set: { ...set, classification: proposal.classification, routing: proposal.routing, lead_unit: null, assist_units: [] },
      },
    };
  }

  /** 12316 gives its kind in words; the text decides, and the change is recorded. */
  private async refinedKind(tx: EntityManager, ticket: TicketFacts): Promise<Kind> {
    if (ticket.kind_source !== 'TEXT') return ticket.kind;
    const kind = refineKind(ticket.description, ticket.kind) as Kind;
    if (kind !== ticket.kind) await appendHistory(tx, kindRefined(ticket, kind));
    return kind;
  }
}

function kindRefined(ticket: TicketFacts, kind: Kind): HistoryEntry {
  return { ticketId: ticket.id, actor: ROUTER_ACTOR, action: 'KIND_REFINED', reason: `${ticket.kind} → ${kind}`, data: { from: ticket.kind, to: kind } };
}

export function propose(active: ActiveRouting, c: Classification, regionCode: string, auto: boolean): { classification: ClassificationValue; routing: RoutingValue } {
  const decision = evaluateRules(active.ruleSet, { category: c.category, violation: c.violation, stage: c.stage, regionCode });
  return {
    classification: { category: c.category, violation: c.violation, stage: c.stage, confidence: round(c.confidence), explanation: c.explanation, classifierVersion: active.classifierVersion, alternatives: c.scores ?? null },
    routing: { ruleSetVersion: active.ruleSetVersion, ruleId: decision.ruleId, leadDepartment: decision.leadDepartment, leadUnit: decision.leadUnit, assistUnits: decision.assistUnits, auto },
  };
}

const round = (n: number) => Math.round(n * 10000) / 10000;

function mergeFlags(existing: string[], detected: string[]): string[] {
  return [...new Set([...existing, ...detected])];
}
