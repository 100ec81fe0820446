import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * RECEIVED: stored, not parsed yet; PARSED: every record accepted; PARTIAL: some
 * rejected; REJECTED: readable, no acceptable record; UNREADABLE: could not be
 * parsed at all (shown to operators); DISCARDED: an operator gave up on it.
 */
export const RAW_STATES = ['RECEIVED', 'PARSED', 'PARTIAL', 'REJECTED', 'UNREADABLE', 'DISCARDED'] as const;
export type RawState = (typeof RAW_STATES)[number];

export interface RawOutcome {
  accepted: number;
  rejected: number;
  duplicates: number;
}

@Entity('raw_records')
export class RawRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) feed: string;
  @Column({ name: 'content_type', type: 'text', nullable: true }) contentType: string | null;
  /** sealed (see RawRecordsService); RawRecordsService.load opens it */
  @Column({ type: 'bytea', select: false }) body: Buffer;
  @Column({ name: 'body_key_id', type: 'text', nullable: true }) bodyKeyId: string | null;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'text', default: 'RECEIVED' }) state: RawState;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage: string | null;
  @Column({ type: 'jsonb', nullable: true }) outcome: RawOutcome | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'discard_reason', type: 'text', nullable: true }) discardReason: string | null;
  @Column({ name: 'discarded_by', type: 'uuid', nullable: true }) discardedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
