import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TAXONOMY_VERSION } from '@hub/taxonomy';
import { ClassifierModel, TicketClassifier } from './classifier';
import { readLabelledSet, toExample } from './labelled-set';
import { DEFAULT_RULE_SET, RuleSet } from './rules';

export interface ActiveRouting {
  ruleSetVersion: string;
  ruleSet: RuleSet;
  classifierVersion: string;
  classifier: TicketClassifier;
}

/** How long a process trusts its cached copy before asking which versions are active. */
const REFRESH_MS = 5000;

/**
 * The active rule set and classifier, from PostgreSQL (the truth), cached per process
 * by version. The first use on an empty database stores the shipped defaults.
 */
@Injectable()
export class RoutingModels {
  private readonly logger = new Logger(RoutingModels.name);
  private cached: ActiveRouting | null = null;
  private checkedAt = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async active(): Promise<ActiveRouting> {
    if (this.cached && Date.now() - this.checkedAt < REFRESH_MS) return this.cached;
    const versions = await this.activeVersions();
    if (!this.cached || this.cached.ruleSetVersion !== versions.ruleSet || this.cached.classifierVersion !== versions.classifier) {
      this.cached = await this.load(versions.ruleSet, versions.classifier);
    }
    this.checkedAt = Date.now();
    return this.cached;
  }

  /** Forget the cache, e.g. right after an activation in this process. */
  invalidate(): void {
    this.cached = null;
  }

  async ensureDefaults(): Promise<void> {
    await this.db.query(
      `INSERT INTO rule_sets (version, rules, status, note, activated_at)
       SELECT $1, $2::jsonb, 'ACTIVE', 'shipped default (taxonomy.json)', now()
       WHERE NOT EXISTS (SELECT 1 FROM rule_sets WHERE status = 'ACTIVE') ON CONFLICT DO NOTHING`,
      [TAXONOMY_VERSION, JSON.stringify(DEFAULT_RULE_SET.rules)],
    );
    const hasModel: unknown[] = await this.db.query(`SELECT 1 FROM classifier_models WHERE status = 'ACTIVE'`);
    if (hasModel.length > 0) return;
    const examples = readLabelledSet().map(toExample);
    const model = TicketClassifier.train(examples, { ruleSet: DEFAULT_RULE_SET }).toJSON();
    await this.db.query(
      `INSERT INTO classifier_models (version, model, status, metrics, example_count, activated_at)
       SELECT $1, $2::jsonb, 'ACTIVE', '{"source":"shipped labelled set"}'::jsonb, $3, now()
       WHERE NOT EXISTS (SELECT 1 FROM classifier_models WHERE status = 'ACTIVE') ON CONFLICT DO NOTHING`,
      [`seed-${TAXONOMY_VERSION}`, JSON.stringify(model), examples.length],
    );
    this.logger.log(`classifier trained on ${examples.length} shipped examples`);
  }

  private async activeVersions(): Promise<{ ruleSet: string; classifier: string }> {
    let rows: Array<{ rule_set: string | null; classifier: string | null }> = await this.db.query(
      `SELECT (SELECT version FROM rule_sets WHERE status = 'ACTIVE') AS rule_set, (SELECT version FROM classifier_models WHERE status = 'ACTIVE') AS classifier`,
    );
    if (!rows[0].rule_set || !rows[0].classifier) {
      await this.ensureDefaults();
      rows = await this.db.query(
        `SELECT (SELECT version FROM rule_sets WHERE status = 'ACTIVE') AS rule_set, (SELECT version FROM classifier_models WHERE status = 'ACTIVE') AS classifier`,
      );
    }
    return { ruleSet: rows[0].rule_set as string, classifier: rows[0].classifier as string };
  }

  private async load(ruleSetVersion: string, classifierVersion: string): Promise<ActiveRouting> {
    const [ruleRow]: Array<{ rules: RuleSet['rules'] }> = await this.db.query(`SELECT rules FROM rule_sets WHERE version = $1`, [ruleSetVersion]);
    const [modelRow]: Array<{ model: ClassifierModel }> = await this.db.query(`SELECT model FROM classifier_models WHERE version = $1`, [classifierVersion]);
    const ruleSet: RuleSet = { version: ruleSetVersion, rules: ruleRow.rules };
    return { ruleSetVersion, ruleSet, classifierVersion, classifier: TicketClassifier.fromJSON(modelRow.model, { ruleSet }) };
  }
}
