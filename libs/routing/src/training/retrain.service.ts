import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClassifierModel, LabelledExample, TicketClassifier } from '../classifier';
import { readLabelledSet, toExample } from '../labelled-set';
import { RoutingModels } from '../routing-models.service';
import { evaluateRules, RuleSet } from '../rules';

/** An operator's decision weighs more than a shipped example: it is this province's own data. */
const OPERATOR_WEIGHT = 2;
/** One example in five is held out to judge a candidate against the active model. */
const HOLDOUT_BUCKETS = 5;

interface KeyedExample {
  key: string;
  example: LabelledExample;
}

export interface RetrainResult {
  published: boolean;
  version: string | null;
  candidateAccuracy: number;
  activeAccuracy: number;
  heldOut: number;
  trainedOn: number;
}

/**
 * Retrains the classifier on the shipped set plus operators' decisions and
 * publishes the new version only when it routes the held-out examples better.
 */
@Injectable()
export class RetrainService {
  private readonly logger = new Logger(RetrainService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly models: RoutingModels,
  ) {}

  async retrain(): Promise<RetrainResult> {
    const active = await this.models.active();
    const examples = [...this.shippedExamples(), ...(await this.operatorExamples())];
    const heldOut = examples.filter((e) => bucketOf(e.key) === 0).map((e) => e.example);
    const training = examples.filter((e) => bucketOf(e.key) !== 0).map((e) => e.example);
    const candidate = TicketClassifier.train(training, { ruleSet: active.ruleSet });
    const candidateAccuracy = leadAccuracy(candidate, heldOut, active.ruleSet);
    const activeAccuracy = leadAccuracy(active.classifier, heldOut, active.ruleSet);
    const result = { candidateAccuracy, activeAccuracy, heldOut: heldOut.length, trainedOn: training.length };
    if (candidateAccuracy <= activeAccuracy) {
      this.logger.log(result, 'retrained classifier is not better; keeping the active one');
      return { published: false, version: null, ...result };
    }
    const version = await this.publish(candidate.toJSON(), result);
    this.logger.log({ ...result, version }, 'published a better classifier');
    return { published: true, version, ...result };
  }

  private shippedExamples(): KeyedExample[] {
    return readLabelledSet().map((r) => ({ key: `shipped:${r.id}`, example: toExample(r) }));
  }

  private async operatorExamples(): Promise<KeyedExample[]> {
    const rows: Array<{ id: string; feed: string; kind: string | null; text: string; product_name: string | null; subject_name: string | null; region_code: string | null; category: string; violation: string; stage: string }> =
      await this.db.query(`SELECT id, feed, kind, text, product_name, subject_name, region_code, category, violation, stage FROM labelled_examples ORDER BY id`);
    return rows.map((r) => ({
      key: `operator:${r.id}`,
      example: { text: r.text, productName: r.product_name, subjectName: r.subject_name, feed: r.feed, kind: r.kind, regionCode: r.region_code, category: r.category, violation: r.violation, stage: r.stage, weight: OPERATOR_WEIGHT },
    }));
  }

  private async publish(model: ClassifierModel, metrics: Omit<RetrainResult, 'published' | 'version'>): Promise<string> {
    const version = `trained-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`;
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE classifier_models SET status = 'RETIRED' WHERE status = 'ACTIVE'`);
      await tx.query(`INSERT INTO classifier_models (version, model, status, metrics, example_count, activated_at) VALUES ($1, $2::jsonb, 'ACTIVE', $3::jsonb, $4, now())`, [
        version,
        JSON.stringify(model),
        JSON.stringify(metrics),
        metrics.trainedOn,
      ]);
    });
    this.models.invalidate();
    return version;
  }
}

function bucketOf(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % HOLDOUT_BUCKETS;
}

/** Share of examples whose predicted labels route to the same lead department as their true labels. */
export function leadAccuracy(classifier: TicketClassifier, examples: LabelledExample[], ruleSet: RuleSet): number {
  if (examples.length === 0) return 0;
  let right = 0;
  for (const e of examples) {
    const c = classifier.classify(e);
    const region = e.regionCode ?? '220000';
    const predicted = evaluateRules(ruleSet, { category: c.category, violation: c.violation, stage: c.stage, regionCode: region }).leadUnit;
    const truth = evaluateRules(ruleSet, { category: e.category, violation: e.violation, stage: e.stage, regionCode: region }).leadUnit;
    if (predicted === truth) right++;
  }
  return right / examples.length;
}
