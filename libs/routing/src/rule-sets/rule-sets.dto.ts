import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class RuleSetBody {
  @ApiPropertyOptional({ example: '2026-12-01.1', description: 'defaults to a timestamp' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  version?: string;

  @ApiProperty({ description: 'rules tried in order: { id, when: { category?, violation?, stage?, region? }, lead, assist? }', type: [Object] })
  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  rules: Array<Record<string, unknown>>;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ValidateRuleSetBody {
  @ApiProperty({ type: [Object] }) @IsArray() @IsObject({ each: true }) rules: Array<Record<string, unknown>>;
}

export class WhatIfBody {
  @ApiPropertyOptional({ description: 'a stored rule set to try' }) @IsOptional() @IsString() ruleSetVersion?: string;
  @ApiPropertyOptional({ description: 'or rules given inline', type: [Object] }) @IsOptional() @IsArray() @IsObject({ each: true }) rules?: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ description: 'a stored classifier version to try' }) @IsOptional() @IsString() classifierVersion?: string;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366) days?: number;
}
