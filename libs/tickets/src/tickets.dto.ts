import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TicketFeed } from './ticket-vocabulary';

const TICKET_FEEDS: TicketFeed[] = ['12315', '12365', '12358', '12330', '12390', '12316', '12312', 'OPERATOR', 'WEB'];

export class FindTicketsQuery {
  @ApiProperty({ enum: TICKET_FEEDS }) @IsIn(TICKET_FEEDS) feed: TicketFeed;
  @ApiProperty({ example: '12315-2026-0315-000123' }) @IsString() @MinLength(1) @MaxLength(512) externalId: string;
}

export class RevealReporterDto {
  @ApiProperty({ description: 'why the identity is needed; recorded', example: '调解需要联系投诉人' }) @IsString() @MinLength(4) @MaxLength(500) reason: string;
}

export class TicketListDto {
  @ApiProperty({ isArray: true, type: Object }) items: unknown[];
  @ApiProperty() total: number;
}

export class HistoryQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() after?: string;
}
