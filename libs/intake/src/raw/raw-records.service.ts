import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { SealedBytesColumn } from '@hub/auth/sealed-bytes-column';
import { SealedDataRotation } from '@hub/auth/sealed-data-rotation';
import type { IntakeOutcome } from '../intake-response';
import { RawRecordEntity, RawState } from './raw-record.entity';

export interface IncomingRaw {
  feed: string;
  contentType: string | null;
  body: Buffer;
  requestId: string | null;
}

/** Bodies may be tens of MiB: few per batch. */
const RESEAL_BODIES_PER_BATCH = 20;

/**
 * The raw request bodies, kept exactly as received before anything reads them, sealed at rest
 * with the reporter-data key ring (they hold reporters' names, phones and ID numbers).
 */
@Injectable()
export class RawRecordsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly rotation: SealedDataRotation,
  ) {}

  onModuleInit(): void {
    this.rotation.register(new SealedBytesColumn(this.db, { name: 'raw_records.body', table: 'raw_records', column: 'body', keyColumn: 'body_key_id', perBatch: RESEAL_BODIES_PER_BATCH }));
  }

  async store(raw: IncomingRaw): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO raw_records (feed, content_type, body, body_key_id, size_bytes, request_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [raw.feed, raw.contentType, this.cipher.encryptBytes(raw.body), this.cipher.currentKeyId, raw.body.length, raw.requestId],
    );
    return rows[0].id;
  }

  /** The record with its body opened: the bytes exactly as received. */
  async load(id: string): Promise<RawRecordEntity | null> {
    const raw = await this.db
      .getRepository(RawRecordEntity)
      .createQueryBuilder('r')
      .addSelect('r.body')
      .where('r.id = :id', { id })
      .getOne();
    if (raw) raw.body = SealedBytesColumn.open(this.cipher, raw.body, raw.bodyKeyId);
    return raw;
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
