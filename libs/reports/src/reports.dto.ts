import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REPORT_FORMATS, REPORT_HALVES, REPORT_STATES, ReportHalf } from '@hub/contracts';

export class ReportRequestDto {
  @ApiProperty({ description: 'PROVINCE, or a unit code DEPT@REGION (a unit head: their own unit)', example: 'PROVINCE' })
  @IsString() @Matches(/^(PROVINCE|[A-Z]+@\d{6})$/) scope: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ enum: REPORT_HALVES, description: 'H1: 1 January–30 June; H2: 1 July–31 December' }) @IsIn(REPORT_HALVES) half: ReportHalf;
}

export class ReportListQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class ReportFileResponse {
  @ApiProperty({ enum: REPORT_FORMATS }) format: string;
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
}

export class ReportRunResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'PROVINCE' }) scope: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: REPORT_HALVES }) half: string;
  @ApiProperty({ example: '2026-01-01' }) from: string;
  @ApiProperty({ example: '2026-06-30' }) to: string;
  @ApiProperty({ description: '1 for the first run of the scope and half, then 2, 3 …' }) version: number;
  @ApiProperty({ enum: REPORT_STATES }) state: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ description: 'built before the half ended (中期)' }) provisional: boolean;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedByName: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ type: [ReportFileResponse] }) files: ReportFileResponse[];
}

export class ReportRunListResponse {
  @ApiProperty({ type: [ReportRunResponse] }) items: ReportRunResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
