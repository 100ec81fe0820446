import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { SealedDataRotation, SealedStore } from '@hub/auth/sealed-data-rotation';

export interface NewAttachment {
  ticketId: string;
  rawId?: string | null;
  findingId?: string | null;
  fileName: string;
  mimeType: string | null;
  /** null for a link a feed gave (`url`) */
  content: Buffer | null;
  url?: string | null;
}

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/** Files may be several MiB each: few per batch. */
const RESEAL_FILES_PER_BATCH = 20;

/**
 * Files of tips, complaints and findings (photos of the goods, receipts, ID cards), sealed at rest
 * with the reporter-data key ring like the raw bodies they came in. Size and SHA-256 are of the plain file.
 */
@Injectable()
export class AttachmentStore implements SealedStore, OnModuleInit {
  readonly name = 'attachments.content';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly rotation: SealedDataRotation,
  ) {}

  onModuleInit(): void {
    this.rotation.register(this);
  }

  async insert(manager: EntityManager, files: NewAttachment[]): Promise<void> {
    for (const f of files) {
      await manager.query(
        `INSERT INTO attachments (ticket_id, raw_id, finding_id, file_name, mime_type, size_bytes, sha256, content, content_key_id, url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          f.ticketId,
          f.rawId ?? null,
          f.findingId ?? null,
          f.fileName,
          f.mimeType,
          f.content?.length ?? null,
          f.content ? createHash('sha256').update(f.content).digest('hex') : null,
          f.content ? this.cipher.encryptBytes(f.content) : null,
          f.content ? this.cipher.currentKeyId : null,
          f.url ?? null,
        ],
      );
    }
  }

  /** The file of one of the ticket's attachments, opened; null when there is none (or only a link). */
  async open(ticketId: string, attachmentId: string): Promise<AttachmentFile | null> {
    const [row]: Array<{ file_name: string; mime_type: string | null; content: Buffer | null; content_key_id: string | null }> = await this.db.query(
      `SELECT file_name, mime_type, content, content_key_id FROM attachments WHERE ticket_id = $1 AND id = $2`,
      [ticketId, attachmentId],
    );
    if (!row?.content) return null;
    // a file stored before sealing (no key id) is read as it is until setup seals it
    const content = row.content_key_id === null ? row.content : this.cipher.decryptBytes(row.content);
    return { fileName: row.file_name, mimeType: row.mime_type ?? 'application/octet-stream', content };
  }

  async resealBatch(cipher: PiiCipher, limit: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; content: Buffer; content_key_id: string | null }> = await tx.query(
        `SELECT id, content, content_key_id FROM attachments WHERE content IS NOT NULL AND content_key_id IS DISTINCT FROM $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.currentKeyId, Math.min(limit, RESEAL_FILES_PER_BATCH)],
      );
      for (const row of rows) {
        const plain = row.content_key_id === null ? row.content : cipher.decryptBytes(row.content);
        await tx.query(`UPDATE attachments SET content = $2, content_key_id = $3 WHERE id = $1`, [row.id, cipher.encryptBytes(plain), cipher.currentKeyId]);
      }
      return rows.length;
    });
  }

  async countStale(cipher: PiiCipher): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*) AS n FROM attachments WHERE content IS NOT NULL AND content_key_id IS DISTINCT FROM $1`, [cipher.currentKeyId]);
    return Number(row.n);
  }
}
