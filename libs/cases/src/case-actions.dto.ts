import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { CLOSE_OUTCOMES, CloseOutcome, PAUSE_REASONS, PauseReason, PENALTY_TYPES, PenaltyType, POLICE_DECISIONS, PoliceDecision, REWARD_LEVELS, RewardLevel } from '@hub/contracts';

/** Fen up to ¥10 billion: an integer, never negative. */
const MAX_FEN = 1_000_000_000_000;

export class VersionDto {
  @ApiProperty({ description: 'the ticket version the caller saw; another answers 409 STALE_VERSION', example: 3 }) @IsInt() @Min(1) version: number;
}

export class ReasonDto extends VersionDto {
  @ApiProperty({ example: '不属于本单位职责，建议转市场监管局' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class AssistDto extends VersionDto {
  @ApiProperty({ example: 'FSO@220100', description: 'the unit asked to assist; it sees the ticket from then on' }) @Matches(/^[A-Z]+@\d{6}$/) unit: string;
  @ApiProperty({ example: '请协助对涉事门店抽样检验' }) @IsString() @MinLength(2) @MaxLength(2000) note: string;
}

export class FileCaseDto extends VersionDto {
  @ApiProperty({ example: '长市监立〔2026〕118号' }) @IsString() @MinLength(2) @MaxLength(100) caseNumber: string;
}

export class PauseDto extends VersionDto {
  @ApiProperty({ enum: PAUSE_REASONS, description: 'WAITING_REPORTER: waiting on the reporter; TESTING: testing or appraisal (检验鉴定)' })
  @IsIn(PAUSE_REASONS)
  reason: PauseReason;
}

export class CloseDto extends VersionDto {
  @ApiProperty({ enum: CLOSE_OUTCOMES }) @IsIn(CLOSE_OUTCOMES) outcome: CloseOutcome;
  @ApiPropertyOptional({ description: 'required for NO_CASE', example: '经核查，举报事项不属实' })
  @ValidateIf((o: CloseDto) => o.outcome === 'NO_CASE' || o.reason !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  reason?: string;
  @ApiPropertyOptional({ description: 'required for PENALIZED', example: '长市监罚〔2026〕57号' })
  @ValidateIf((o: CloseDto) => o.outcome === 'PENALIZED' || o.decisionNumber !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  decisionNumber?: string;
  @ApiPropertyOptional({ enum: PENALTY_TYPES, isArray: true })
  @ValidateIf((o: CloseDto) => o.outcome === 'PENALIZED' || o.penalties !== undefined)
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PENALTY_TYPES.length)
  @IsIn(PENALTY_TYPES, { each: true })
  penalties?: PenaltyType[];
  @ApiPropertyOptional({ description: 'fine in fen (integer, ≥ 0)', example: 5000000 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) fineFen?: number;
  @ApiPropertyOptional({ description: 'confiscation in fen (integer, ≥ 0)', example: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) confiscationFen?: number;
  @ApiPropertyOptional({ enum: REWARD_LEVELS, description: 'proposed reward level for an eligible REPORT' }) @IsOptional() @IsIn(REWARD_LEVELS) rewardLevel?: RewardLevel;
}

export class ApproveTransferDto extends VersionDto {
  @ApiPropertyOptional({ enum: REWARD_LEVELS, description: 'reward level proposed should the police accept' }) @IsOptional() @IsIn(REWARD_LEVELS) rewardLevel?: RewardLevel;
}

export class PoliceDecisionDto extends ReasonDto {
  @ApiProperty({ enum: POLICE_DECISIONS, description: 'ACCEPTED: 立案 (closes the ticket as TRANSFERRED); DECLINED: 不予立案' }) @IsIn(POLICE_DECISIONS) decision: PoliceDecision;
}

export class FindingDto {
  @ApiProperty({ example: '现场检查发现涉事奶粉 32 罐，生产日期被涂改' }) @IsString() @MinLength(2) @MaxLength(20000) text: string;
}
