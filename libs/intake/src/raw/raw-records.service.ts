import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '@hub/core';
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
/** Bytes of bodies per INSERT: many small requests share one statement; a large upload goes alone. */
const MAX_BODY_BYTES_PER_INSERT = 4 * 1024 * 1024;

/**
 * The raw request bodies, kept exactly as received before anything reads them, sealed at rest
 * with the reporter-data key ring (they hold reporters' names, phones and ID numbers).
 */
@Injectable()
export class RawRecordsService implements OnModuleInit {
  private readonly inserts = new GroupCommit<IncomingRaw, string>((raws) => this.insertMany(raws), {
    maxInFlight: 2,
    maxWeight: MAX_BODY_BYTES_PER_INSERT,
    weight: (raw) => raw.body.length,
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly rotation: SealedDataRotation,
  ) {}

  onModuleInit(): void {
    this.rotation.register(new SealedBytesColumn(this.db, { name: 'raw_records.body', table: 'raw_records', column: 'body', keyColumn: 'body_key_id', perBatch: RESEAL_BODIES_PER_BATCH }));
  }

  /** Commits the body (with whatever other requests are arriving: one statement, one commit) and gives its id. */
  store(raw: IncomingRaw): Promise<string> {
    return this.inserts.submit(raw);
  }

  private async insertMany(raws: IncomingRaw[]): Promise<string[]> {
    const ids = raws.map(() => randomUUID());
    const keyId = this.cipher.currentKeyId;
    const sealed = raws.map((raw) => this.cipher.encryptBytes(raw.body));
    if (raws.length === 1) {
      // alone (a large upload goes alone): the bytes as a binary parameter, not spelled out in an array
      await this.db.query(`INSERT INTO raw_records (id, feed, content_type, body, body_key_id, size_bytes, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        ids[0], raws[0].feed, raws[0].contentType, sealed[0], keyId, raws[0].body.length, raws[0].requestId,
      ]);
      return ids;
    }
    await this.db.query(
      `INSERT INTO raw_records (id, feed, content_type, body, body_key_id, size_bytes, request_id)
       SELECT id, feed, content_type, body, $5, size_bytes, request_id FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $6::int[], $7::text[])
         AS r(id, feed, content_type, body, size_bytes, request_id)`,
      [ids, raws.map((r) => r.feed), raws.map((r) => r.contentType), sealed, keyId, raws.map((r) => r.body.length), raws.map((r) => r.requestId)],
    );
    return ids;
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
