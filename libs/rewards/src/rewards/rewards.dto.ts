import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DEPARTMENT_CODES } from '@hub/taxonomy';
import { REWARD_EXCLUSIONS, REWARD_STATES } from '../domain/reward-states';

const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

export class RewardListQuery {
  @ApiPropertyOptional({ description: 'one state or a comma list', example: 'PROPOSED' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(REWARD_STATES, { each: true })
  state?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) ticketId?: string;
  @ApiPropertyOptional({ enum: DEPARTMENT_CODES }) @IsOptional() @IsIn(DEPARTMENT_CODES) department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class ApproveRewardDto {
  @ApiPropertyOptional({ example: '证据确凿，同意按一级奖励' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RejectRewardDto {
  @ApiProperty({ example: '举报人系该案执法部门工作人员' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
  @ApiPropertyOptional({ enum: REWARD_EXCLUSIONS }) @IsOptional() @IsIn(REWARD_EXCLUSIONS) exclusion?: (typeof REWARD_EXCLUSIONS)[number];
}

export class PayRewardDto {
  @ApiProperty({ example: '付-2026-000123' }) @IsString() @MinLength(2) @MaxLength(64) voucherNumber: string;
}

export class RevealPayeeDto {
  @ApiProperty({ example: '发放奖励，核对领奖人身份' }) @IsString() @MinLength(4) @MaxLength(500) reason: string;
}

export class GrantBudgetDto {
  @ApiProperty({ enum: DEPARTMENT_CODES, example: 'AIC' }) @IsIn(DEPARTMENT_CODES) department: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2999) year: number;
  @ApiProperty({ example: 200_000_000, description: 'fen' }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountFen: number;
  @ApiPropertyOptional({ example: '2026 年度举报奖励经费' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class BudgetQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2999) year: number;
}

export class LedgerListQuery {
  @ApiPropertyOptional({ enum: DEPARTMENT_CODES }) @IsOptional() @IsIn(DEPARTMENT_CODES) department?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2999) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() rewardId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class ReconciliationQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2999) year?: number;
}

