import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Invalid, NotFound } from '@hub/core';
import { ClassifierModel, TicketClassifier } from '../classifier';
import { evaluateRules, RuleSet } from '../rules';
import { RoutingModels } from '../routing-models.service';

export interface WhatIfRequest {
  ruleSet: RuleSet | null;
  classifierVersion?: string;
  days: number;
}

export interface WhatIfReport {
  days: number;
  ruleSetVersion: string;
  classifierVersion: string;
  replayed: number;
  moved: number;
  moves: Array<{ from: string | null; to: string; count: number }>;
  samples: Array<{ ticketId: string; trackingCode: string; from: string | null; to: string }>;
}

interface ReplayRow {
  id: string;
  tracking_code: string;
  feed: string;
  kind: string;
  description: string;
  product_name: string | null;
  subject_name: string | null;
  region_code: string;
  lead_unit: string | null;
  classification: { category: string; violation: string; stage: string } | null;
  routing: { leadUnit: string } | null;
}

const PAGE = 1000;
const SAMPLE_LIMIT = 20;

/** Replays recent tickets under a candidate rule set or classifier and counts which would move. */
@Injectable()
export class WhatIfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly models: RoutingModels,
  ) {}

  async replay(request: WhatIfRequest): Promise<WhatIfReport> {
    const active = await this.models.active();
    const ruleSet = request.ruleSet ?? active.ruleSet;
    const classifier = request.classifierVersion ? await this.loadClassifier(request.classifierVersion, ruleSet) : null;
    if (!request.ruleSet && !classifier) throw Invalid('Give a rule set or a classifier version to compare with the active one', [{ field: 'ruleSetVersion', message: 'or rules, or classifierVersion' }]);
    const counts = new Map<string, { from: string | null; to: string; count: number }>();
    const samples: WhatIfReport['samples'] = [];
    let replayed = 0;
    let moved = 0;
    for await (const row of this.recentTickets(request.days)) {
      const labels = classifier
        ? classifier.classify({ text: row.description, productName: row.product_name, subjectName: row.subject_name, feed: row.feed, kind: row.kind, regionCode: row.region_code })
        : row.classification;
      if (!labels) continue;
      replayed++;
      const current = row.lead_unit ?? row.routing?.leadUnit ?? null;
      const next = evaluateRules(ruleSet, { category: labels.category, violation: labels.violation, stage: labels.stage, regionCode: row.region_code }).leadUnit;
      if (next === current) continue;
      moved++;
      const key = `${current}→${next}`;
      const entry = counts.get(key) ?? { from: current, to: next, count: 0 };
      entry.count++;
      counts.set(key, entry);
      if (samples.length < SAMPLE_LIMIT) samples.push({ ticketId: row.id, trackingCode: row.tracking_code, from: current, to: next });
    }
    return {
      days: request.days,
      ruleSetVersion: ruleSet.version ?? 'candidate',
      classifierVersion: request.classifierVersion ?? active.classifierVersion,
      replayed,
      moved,
      moves: [...counts.values()].sort((a, b) => b.count - a.count),
      samples,
    };
  }

  private async *recentTickets(days: number): AsyncGenerator<ReplayRow> {
    let after: { receivedAt: Date; id: string } | null = null;
    for (;;) {
      const rows: Array<ReplayRow & { received_at: Date }> = await this.db.query(
        `SELECT id, tracking_code, feed, kind, description, product_name, subject_name, region_code, lead_unit, classification, routing, received_at
         FROM tickets WHERE received_at >= now() - make_interval(days => $1) AND status <> 'DISCARDED'
         ${after ? 'AND (received_at, id) > ($3, $4)' : ''} ORDER BY received_at, id LIMIT $2`,
        after ? [days, PAGE, after.receivedAt, after.id] : [days, PAGE],
      );
      yield* rows;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { receivedAt: last.received_at, id: last.id };
    }
  }

  private async loadClassifier(version: string, ruleSet: RuleSet): Promise<TicketClassifier> {
    const rows: Array<{ model: ClassifierModel }> = await this.db.query(`SELECT model FROM classifier_models WHERE version = $1`, [version]);
    if (!rows[0]) throw NotFound(`Classifier ${version} not found`);
    return TicketClassifier.fromJSON(rows[0].model, { ruleSet });
  }
}
