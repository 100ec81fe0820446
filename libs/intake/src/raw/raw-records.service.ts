import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IntakeOutcome } from '../intake-response';
import { RawRecordEntity, RawState } from './raw-record.entity';

export interface IncomingRaw {
  feed: string;
  contentType: string | null;
  body: Buffer;
  requestId: string | null;
}

/** The raw request bodies, kept exactly as received before anything reads them. */
@Injectable()
export class RawRecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async store(raw: IncomingRaw): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO raw_records (feed, content_type, body, size_bytes, request_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [raw.feed, raw.contentType, raw.body, raw.body.length, raw.requestId],
    );
    return rows[0].id;
  }

  async load(id: string): Promise<RawRecordEntity | null> {
    return this.db
      .getRepository(RawRecordEntity)
      .createQueryBuilder('r')
      .addSelect('r.body')
      .where('r.id = :id', { id })
      .getOne();
  }

  async markUnreadable(id: string, code: string, message: string): Promise<void> {
    await this.db.query(`UPDATE raw_records SET state = 'UNREADABLE', error_code = $2, error_message = $3, attempts = attempts + 1, updated_at = now() WHERE id = $1`, [id, code, message]);
  }

  async markParsed(manager: EntityManager, id: string, outcome: IntakeOutcome): Promise<void> {
    const duplicates = outcome.accepted.filter((a) => a.duplicate).length;
    await manager.query(
      `UPDATE raw_records SET state = $2, error_code = NULL, error_message = $3, outcome = $4::jsonb, attempts = attempts + 1, updated_at = now() WHERE id = $1`,
      [id, parsedState(outcome), rejectionSummary(outcome), JSON.stringify({ accepted: outcome.accepted.length, rejected: outcome.rejected.length, duplicates })],
    );
  }
}

/** `markParsed` for many records in one statement (intake's group commit). */
export async function markParsedMany(manager: EntityManager, outcomes: IntakeOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await manager.query(
    `UPDATE raw_records r SET state = v.state, error_code = NULL, error_message = v.error_message, outcome = v.outcome, attempts = r.attempts + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, state text, error_message text, outcome jsonb) WHERE r.id = v.id`,
    [
      JSON.stringify(
        outcomes.map((o) => ({
          id: o.rawId,
          state: parsedState(o),
          error_message: rejectionSummary(o),
          outcome: { accepted: o.accepted.length, rejected: o.rejected.length, duplicates: o.accepted.filter((a) => a.duplicate).length },
        })),
      ),
    ],
  );
}

function parsedState(outcome: IntakeOutcome): RawState {
  if (outcome.accepted.length === 0) return 'REJECTED';
  return outcome.rejected.length > 0 ? 'PARTIAL' : 'PARSED';
}

function rejectionSummary(outcome: IntakeOutcome): string | null {
  if (outcome.rejected.length === 0) return null;
  return outcome.rejected
    .slice(0, 20)
    .map((r) => `#${r.index}: ${r.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`)
    .join('\n');
}
