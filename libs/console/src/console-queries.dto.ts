import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const CODE_LIST = /^[A-Z0-9_,]{1,400}$/;

export class QueueQuery {
  @ApiPropertyOptional({ description: 'comma-separated statuses' }) @IsOptional() @Matches(CODE_LIST) status?: string;
  @ApiPropertyOptional({ description: 'comma-separated feeds' }) @IsOptional() @Matches(CODE_LIST) feed?: string;
  @ApiPropertyOptional({ example: '220100' }) @IsOptional() @Matches(/^\d{6}$/) region?: string;
  @ApiPropertyOptional({ example: 'FOOD' }) @IsOptional() @Matches(/^[A-Z_]{2,40}$/) category?: string;
  @ApiPropertyOptional({ description: 'tracking code, external id, subject name or words of the text' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class TriageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class SubjectSuggestQuery {
  @ApiPropertyOptional() @IsString() @MaxLength(100) q: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}

export class RegionSuggestQuery {
  @ApiPropertyOptional() @IsString() @MaxLength(2000) text: string;
}
