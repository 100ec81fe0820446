import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClosureView, DeadlineState, Outcome, PauseView, TicketStatus, TransferState, TransferView } from '@hub/contracts';

export interface ReporterMasked {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  email?: string | null;
}

/** What is sealed in reporter_secret. */
export interface ReporterSecret {
  name: string | null;
  phone: string | null;
  phoneE164: string | null;
  idNumber: string | null;
  idNumberValid: boolean | null;
  email: string | null;
}

export interface ClassificationValue {
  category: string;
  violation: string;
  stage: string;
  confidence: number;
  explanation: string;
  [extra: string]: unknown;
}

export interface RoutingValue {
  ruleSetVersion: string;
  ruleId: string;
  leadDepartment: string;
  leadUnit: string;
  assistUnits: string[];
  auto: boolean;
  [extra: string]: unknown;
}

/** The unit's record of its handling, beside the columns the lists filter on. */
export interface CaseFile {
  pauses?: PauseView[];
  closure?: ClosureView;
  transfer?: Omit<TransferView, 'state' | 'policeUnit'>;
}

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tracking_code', type: 'text', unique: true }) trackingCode: string;
  @Column({ type: 'text' }) feed: string;
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ name: 'raw_id', type: 'uuid', nullable: true }) rawId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'kind_source', type: 'text' }) kindSource: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'reporter_anonymous', type: 'boolean' }) reporterAnonymous: boolean;
  @Column({ name: 'reporter_secret', type: 'text', nullable: true }) reporterSecret: string | null;
  @Column({ name: 'reporter_masked', type: 'jsonb' }) reporterMasked: ReporterMasked;
  @Column({ name: 'subject_name', type: 'text', nullable: true }) subjectName: string | null;
  @Column({ name: 'subject_name_norm', type: 'text', nullable: true }) subjectNameNorm: string | null;
  @Column({ name: 'subject_uscc', type: 'text', nullable: true }) subjectUscc: string | null;
  @Column({ name: 'subject_uscc_valid', type: 'boolean', nullable: true }) subjectUsccValid: boolean | null;
  @Column({ name: 'subject_address', type: 'text', nullable: true }) subjectAddress: string | null;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ name: 'county_code', type: 'text', nullable: true }) countyCode: string | null;
  @Column({ name: 'region_source', type: 'text' }) regionSource: string;
  @Column({ name: 'product_name', type: 'text', nullable: true }) productName: string | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'jsonb' }) extras: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) classification: ClassificationValue | null;
  @Column({ type: 'jsonb', nullable: true }) routing: RoutingValue | null;
  @Column({ name: 'lead_unit', type: 'text', nullable: true }) leadUnit: string | null;
  @Column({ name: 'assist_units', type: 'text', array: true }) assistUnits: string[];
  @Column({ name: 'duplicate_candidates', type: 'uuid', array: true }) duplicateCandidates: string[];
  @Column({ type: 'text', array: true }) flags: string[];
  @Column({ type: 'text' }) status: TicketStatus;
  @Column({ name: 'pipeline_step', type: 'text' }) pipelineStep: string;
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true }) duplicateOf: string | null;
  @Column({ name: 'dispatch_by', type: 'timestamptz', nullable: true }) dispatchBy: Date | null;
  @Column({ name: 'accept_by', type: 'timestamptz', nullable: true }) acceptBy: Date | null;
  @Column({ name: 'resolve_by', type: 'timestamptz', nullable: true }) resolveBy: Date | null;
  @Column({ name: 'deadlines_provisional', type: 'boolean' }) deadlinesProvisional: boolean;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'integer', default: 0 }) priority: number;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: Outcome | null;
  @Column({ name: 'deadline_state', type: 'text' }) deadlineState: DeadlineState;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber: string | null;
  @Column({ name: 'case_filed_at', type: 'timestamptz', nullable: true }) caseFiledAt: Date | null;
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt: Date | null;
  @Column({ name: 'pause_reason', type: 'text', nullable: true }) pauseReason: string | null;
  @Column({ name: 'police_unit', type: 'text', nullable: true }) policeUnit: string | null;
  @Column({ name: 'transfer_state', type: 'text', nullable: true }) transferState: TransferState | null;
  @Column({ name: 'transfer_decision_by', type: 'timestamptz', nullable: true }) transferDecisionBy: Date | null;
  @Column({ name: 'hand_over_by', type: 'timestamptz', nullable: true }) handOverBy: Date | null;
  @Column({ name: 'police_decision_by', type: 'timestamptz', nullable: true }) policeDecisionBy: Date | null;
  @Column({ name: 'case_file', type: 'jsonb' }) caseFile: CaseFile;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
