import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_STATES, DeadlineState, TICKET_STATUSES, TRANSFER_STATES, TransferState, WORKBENCH_ROLES, WorkbenchRole } from '@hub/contracts';

const STATUS_LIST = new RegExp(`^(${TICKET_STATUSES.join('|')})(,(${TICKET_STATUSES.join('|')}))*$`);

export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class WorkbenchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORKBENCH_ROLES, default: 'lead', description: 'tickets the unit leads, or assists on' }) @IsOptional() @IsIn(WORKBENCH_ROLES) role?: WorkbenchRole;
  @ApiPropertyOptional({ description: 'comma-separated statuses; default the open ones (DISPATCHED, ACCEPTED, IN_PROGRESS, TRANSFERRED_TO_POLICE)', example: 'DISPATCHED,ACCEPTED' })
  @IsOptional()
  @Matches(STATUS_LIST, { message: `status: comma-separated of ${TICKET_STATUSES.join(' ')}` })
  status?: string;
  @ApiPropertyOptional({ enum: DEADLINE_STATES, description: 'colour of the most urgent running clock' }) @IsOptional() @IsIn(DEADLINE_STATES) deadline?: DeadlineState;
  @ApiPropertyOptional({ enum: TRANSFER_STATES, description: 'e.g. PROPOSED: transfers waiting for the unit head' }) @IsOptional() @IsIn(TRANSFER_STATES) transfer?: TransferState;
}

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'AIC@220100', description: 'SUPERVISOR only: one unit' }) @IsOptional() @Matches(/^[A-Z]+@\d{6}$/) unit?: string;
}

export const OVERSIGHT_CONCERNS = ['PROPOSED', 'TRANSFERRED', 'REFUSED', 'DECLINED', 'NOT_TRANSFERRED'] as const;
export type OversightConcern = (typeof OVERSIGHT_CONCERNS)[number];

export class OversightQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OVERSIGHT_CONCERNS, description: 'NOT_TRANSFERRED: penalised with a suspected-crime flag, never transferred (有案不移)' })
  @IsOptional()
  @IsIn(OVERSIGHT_CONCERNS)
  concern?: OversightConcern;
}

export class PoliceTransfersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRANSFER_STATES, description: 'WITH_POLICE: waiting for the decision' }) @IsOptional() @IsIn(TRANSFER_STATES) state?: TransferState;
}
