import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { KINDS } from '@hub/tickets/ticket-vocabulary';

export class VersionedDto {
  @ApiProperty({ description: 'the ticket version the operator saw' }) @IsInt() @Min(1) version: number;
}

export class MergeDto extends VersionedDto {
  @ApiProperty({ description: 'the ticket this one duplicates' }) @IsUUID() masterId: string;
}

export class DiscardDto extends VersionedDto {
  @ApiProperty({ example: '重复来电，已告知来电人' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
}

export class CallReporterDto {
  @ApiProperty() @IsBoolean() anonymous: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[+\d\s()-]{5,30}$/, { message: 'phone: digits, spaces, +, -, ( )' }) phone?: string;
}

export class CallSubjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9A-Za-z]{18}$/, { message: 'uscc: 18 letters and digits' }) uscc?: string;
}

export class PhoneCallDto {
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind: (typeof KINDS)[number];
  @ApiProperty({ example: '来电人反映朝阳区某超市销售过期奶粉' }) @IsString() @MinLength(4) @MaxLength(20000) description: string;
  @ApiPropertyOptional({ example: '220100' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) productName?: string;
  @ApiPropertyOptional({ type: CallSubjectDto }) @IsOptional() @ValidateNested() @Type(() => CallSubjectDto) subject?: CallSubjectDto;
  @ApiProperty({ type: CallReporterDto }) @ValidateNested() @Type(() => CallReporterDto) reporter: CallReporterDto;
}
