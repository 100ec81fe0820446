import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class PublicRecordsQuery {
  @ApiPropertyOptional({ description: 'a fragment of the subject’s Chinese name, or an 18-character USCC', example: '宏达' })
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class SubjectSearchQuery {
  @ApiPropertyOptional({ description: 'a fragment of the subject’s name, or a USCC', example: '宏达' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only subjects on (true) or off (false) the blacklist' }) @IsOptional() @IsIn(['true', 'false']) blacklisted?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class ListSubjectDto {
  @ApiProperty({ description: 'the credit subject to list' }) @IsUUID() subjectId: string;
  @ApiProperty({ example: '多次销售假冒伪劣商品，经研究列入黑名单' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
}

export class DelistSubjectDto {
  @ApiProperty({ example: '已整改到位，经复核移出黑名单' }) @IsString() @MinLength(2) @MaxLength(500) reason: string;
}

export class PublicPenaltyItem {
  @ApiProperty() subjectName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ nullable: true, type: String }) violation: string | null;
  @ApiProperty({ type: [String] }) penalties: string[];
  @ApiProperty() fineFen: number;
  @ApiProperty() confiscationFen: number;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true, type: String }) decisionNumber: string | null;
  @ApiProperty() decidedAt: string;
}

export class PublicPenaltiesResponse {
  @ApiProperty({ type: [PublicPenaltyItem] }) items: PublicPenaltyItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PublicBlacklistItem {
  @ApiProperty() subjectName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty() listedAt: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class PublicBlacklistResponse {
  @ApiProperty({ type: [PublicBlacklistItem] }) items: PublicBlacklistItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CreditSubjectResponse {
  @ApiProperty() id: string;
  @ApiProperty() subjectName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty() lastCaseAt: string;
  @ApiProperty() blacklisted: boolean;
  @ApiProperty({ nullable: true, type: String }) listedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) listedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) delistedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) delistedReason: string | null;
}

export class CreditSubjectsResponse {
  @ApiProperty({ type: [CreditSubjectResponse] }) items: CreditSubjectResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last' }) nextCursor: string | null;
}

export class CreditRecordResponse {
  @ApiProperty({ type: CreditSubjectResponse, nullable: true }) subject: CreditSubjectResponse | null;
  @ApiProperty({ description: 'PENALIZED and TRANSFERRED cases, newest first', type: 'array', items: { type: 'object' } }) cases: unknown[];
  @ApiProperty({ description: 'cases added, listings and delistings, newest first', type: 'array', items: { type: 'object' } }) history: unknown[];
}
