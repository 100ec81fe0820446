import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { SealedBytesColumn } from '@hub/auth/sealed-bytes-column';
import { SealedDataRotation } from '@hub/auth/sealed-data-rotation';

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
export class AttachmentStore implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly rotation: SealedDataRotation,
  ) {}

  onModuleInit(): void {
    this.rotation.register(new SealedBytesColumn(this.db, { name: 'attachments.content', table: 'attachments', column: 'content', keyColumn: 'content_key_id', perBatch: RESEAL_FILES_PER_BATCH }));
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
    const content = SealedBytesColumn.open(this.cipher, row.content, row.content_key_id);
    return { fileName: row.file_name, mimeType: row.mime_type ?? 'application/octet-stream', content };
  }
}
