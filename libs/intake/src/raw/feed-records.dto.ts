import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FEEDS } from '../adapters/feed-record';
import { RAW_STATES } from './raw-record.entity';

export class ListFeedRecordsQuery {
  @ApiPropertyOptional({ enum: RAW_STATES, default: 'UNREADABLE' }) @IsOptional() @IsIn(RAW_STATES) state?: (typeof RAW_STATES)[number];
  @ApiPropertyOptional({ enum: FEEDS }) @IsOptional() @IsIn(FEEDS) feed?: string;
  @ApiPropertyOptional({ description: 'cursor from the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class DiscardFeedRecordDto {
  @ApiProperty({ example: '重复推送的测试数据' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
}
