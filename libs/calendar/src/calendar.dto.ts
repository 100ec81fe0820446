import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-08' }) @Matches(DATE, { message: 'date: YYYY-MM-DD' }) date: string;
  @ApiProperty({ description: 'true: a make-up working day (调休上班); false: a holiday' }) @IsBoolean() work: boolean;
  @ApiPropertyOptional({ example: '春节' }) @IsOptional() @IsString() @MaxLength(40) name?: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ type: [CalendarDayDto], description: 'every holiday and make-up working day of the year' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

export class CalendarDaysQuery {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class CalendarDayResponse {
  @ApiProperty() date: string;
  @ApiProperty() work: boolean;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class CalendarDaysResponse {
  @ApiProperty({ type: [CalendarDayResponse] }) items: CalendarDayResponse[];
}

export class CalendarYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['PACKAGE', 'ADMIN', 'MISSING'] }) source: 'PACKAGE' | 'ADMIN' | 'MISSING';
  @ApiProperty({ description: 'admin-entered days in the year' }) days: number;
  @ApiProperty({ nullable: true, type: String }) warning: string | null;
}

export class CalendarCoverageResponse {
  @ApiProperty({ type: [CalendarYearResponse] }) years: CalendarYearResponse[];
  @ApiProperty({ type: [String] }) warnings: string[];
}

export class CalendarYearEnteredResponse {
  @ApiProperty() year: number;
  @ApiProperty() days: number;
  @ApiProperty({ description: 'open deadlines recomputed because they were provisional' }) recomputed: number;
}
