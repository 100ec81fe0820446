import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'uuid' }) ticketId: string;
  @Column({ name: 'raw_id', type: 'uuid', nullable: true }) rawId: string | null;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'mime_type', type: 'text', nullable: true }) mimeType: string | null;
  @Column({ name: 'size_bytes', type: 'integer', nullable: true }) sizeBytes: number | null;
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) content: Buffer | null;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
