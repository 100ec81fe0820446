import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  CLOCKS,
  DEADLINE_STATES,
  KINDS,
  OUTCOMES,
  PAUSE_REASONS,
  PENALTY_TYPES,
  POLICE_DECISIONS,
  REGION_SOURCES,
  REWARD_LEVELS,
  REWARD_STATES,
  TICKET_FEEDS,
  TICKET_STATUSES,
  TRANSFER_STATES,
  WORKBENCH_ROLES,
} from '@hub/contracts';

/** OpenAPI shapes of the views in @hub/contracts (the types themselves live there). */
export class DeadlinesResponse {
  @ApiProperty({ nullable: true, type: String }) dispatchBy: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptBy: string | null;
  @ApiProperty({ nullable: true, type: String }) resolveBy: string | null;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ nullable: true, type: String }) transferDecisionBy: string | null;
  @ApiProperty({ nullable: true, type: String }) handOverBy: string | null;
  @ApiProperty({ nullable: true, type: String }) policeDecisionBy: string | null;
}

export class PauseResponse {
  @ApiProperty({ enum: PAUSE_REASONS }) reason: string;
  @ApiProperty() from: string;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ nullable: true, type: Number }) workingDays: number | null;
}

export class ClosureResponse {
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNumber: string | null;
  @ApiProperty({ enum: PENALTY_TYPES, isArray: true }) penalties: string[];
  @ApiProperty() fineFen: number;
  @ApiProperty() confiscationFen: number;
  @ApiProperty({ enum: REWARD_LEVELS, nullable: true }) rewardLevel: string | null;
  @ApiProperty() closedAt: string;
}

export class TransferResponse {
  @ApiProperty({ enum: TRANSFER_STATES }) state: string;
  @ApiProperty() reason: string;
  @ApiProperty() proposedAt: string;
  @ApiProperty() proposedBy: string;
  @ApiProperty({ nullable: true, type: String }) policeUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) refusedReason: string | null;
  @ApiProperty() extended: boolean;
  @ApiProperty({ enum: POLICE_DECISIONS, nullable: true }) decision: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() reconsiderationRequested: boolean;
  @ApiProperty({ enum: REWARD_LEVELS, nullable: true }) rewardLevel: string | null;
}

export class CaseResponse {
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) filedAt: string | null;
  @ApiProperty({ nullable: true, type: PauseResponse }) paused: PauseResponse | null;
  @ApiProperty({ type: [PauseResponse] }) pauses: PauseResponse[];
  @ApiProperty({ nullable: true, type: TransferResponse }) transfer: TransferResponse | null;
  @ApiProperty({ nullable: true, type: ClosureResponse }) closure: ClosureResponse | null;
}

export class RewardSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REWARD_STATES }) state: string;
  @ApiProperty({ enum: REWARD_LEVELS }) level: string;
  @ApiProperty() amountFen: number;
}

export class TicketResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'JL2603154720913' }) trackingCode: string;
  @ApiProperty({ enum: TICKET_FEEDS }) feed: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ nullable: true, type: String }) rawId: string | null;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ type: Object, description: 'masked: { anonymous, name, phone, idNumber, email }' }) reporter: Record<string, unknown>;
  @ApiProperty({ type: Object, description: '{ name, uscc, usccValid, address }' }) subject: Record<string, unknown>;
  @ApiProperty() regionCode: string;
  @ApiProperty({ nullable: true, type: String }) countyCode: string | null;
  @ApiProperty({ enum: REGION_SOURCES }) regionSource: string;
  @ApiProperty({ nullable: true, type: String }) productName: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: Object }) classification: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) routing: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) duplicateCandidates: string[];
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) duplicateOf: string | null;
  @ApiProperty({ type: DeadlinesResponse }) deadlines: DeadlinesResponse;
  @ApiProperty({ enum: DEADLINE_STATES }) deadlineState: string;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ type: CaseResponse }) case: CaseResponse;
  @ApiProperty({ nullable: true, type: RewardSummaryResponse }) reward: RewardSummaryResponse | null;
  @ApiProperty() revision: number;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'who has it open in the console' }) claim?: Record<string, unknown> | null;
}

export class TicketListResponse {
  @ApiProperty({ type: [TicketResponse] }) items: TicketResponse[];
  @ApiProperty() total: number;
}

export class HistoryEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty({ enum: TICKET_STATUSES, nullable: true }) fromStatus: string | null;
  @ApiProperty({ enum: TICKET_STATUSES, nullable: true }) toStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class NextDeadlineResponse {
  @ApiProperty({ enum: CLOCKS }) clock: string;
  @ApiProperty() at: string;
}

export class WorkbenchItemResponse {
  @ApiProperty() id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ enum: TICKET_FEEDS }) feed: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ nullable: true, type: String }) dispatchedAt: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty({ nullable: true, type: String }) subjectName: string | null;
  @ApiProperty({ nullable: true, type: String }) productName: string | null;
  @ApiProperty() excerpt: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) violation: string | null;
  @ApiProperty({ nullable: true, type: String }) leadUnit: string | null;
  @ApiProperty({ type: [String] }) assistUnits: string[];
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ enum: WORKBENCH_ROLES }) role: string;
  @ApiProperty({ type: DeadlinesResponse }) deadlines: DeadlinesResponse;
  @ApiProperty({ enum: DEADLINE_STATES }) deadlineState: string;
  @ApiProperty({ nullable: true, type: NextDeadlineResponse }) nextDeadline: NextDeadlineResponse | null;
  @ApiProperty() paused: boolean;
  @ApiProperty({ enum: TRANSFER_STATES, nullable: true }) transferState: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ enum: ['TRANSFERRED', 'REFUSED', 'DECLINED', 'NOT_TRANSFERRED'], description: 'oversight list only: why the prosecutor sees it' }) concern?: string;
}

export class WorkbenchListResponse {
  @ApiProperty({ type: [WorkbenchItemResponse] }) items: WorkbenchItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SubjectTicketResponse {
  @ApiProperty() id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ nullable: true, type: String }) leadUnit: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ enum: ['USCC', 'NAME_REGION'] }) matchedBy: string;
}

export class SubjectTicketsResponse {
  @ApiProperty({ type: [SubjectTicketResponse] }) items: SubjectTicketResponse[];
}

export class FindingAttachmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ nullable: true, type: String }) mimeType: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes: number | null;
}

export class FindingResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() author: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [FindingAttachmentResponse], description: 'download: GET /api/v1/tickets/{id}/attachments/{attachmentId}' }) attachments: FindingAttachmentResponse[];
}

export class FindingsResponse {
  @ApiProperty({ type: [FindingResponse] }) items: FindingResponse[];
}
