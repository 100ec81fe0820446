import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { CATEGORY_CODES, STAGE_CODES, VIOLATION_CODES } from '@hub/taxonomy';

export class DecideDto {
  @ApiProperty({ description: 'the ticket version the operator saw' }) @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: CATEGORY_CODES }) @IsIn(CATEGORY_CODES) category: string;
  @ApiProperty({ enum: VIOLATION_CODES }) @IsIn(VIOLATION_CODES) violation: string;
  @ApiProperty({ enum: STAGE_CODES }) @IsIn(STAGE_CODES) stage: string;
  @ApiPropertyOptional({ example: 'AIC@220100', description: 'the operator’s unit; without it the rules decide' })
  @IsOptional()
  @Matches(/^[A-Z]+@\d{6}$/)
  leadUnit?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @Matches(/^[A-Z]+@\d{6}$/, { each: true }) assistUnits?: string[];
}
