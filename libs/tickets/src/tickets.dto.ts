import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { TicketFeed } from './ticket-vocabulary';

const TICKET_FEEDS: TicketFeed[] = ['12315', '12365', '12358', '12330', '12390', '12316', '12312', 'OPERATOR', 'WEB'];

/** Either a feed record (`feed` + `externalId`) or a `trackingCode`. */
export class FindTicketsQuery {
  @ApiPropertyOptional({ example: 'JL2603154720913' })
  @IsOptional()
  @Matches(/^JL\d{13}$/, { message: 'trackingCode is JL followed by 13 digits' })
  trackingCode?: string;

  @ApiPropertyOptional({ enum: TICKET_FEEDS, description: 'with externalId, unless trackingCode is given' })
  @ValidateIf((q: FindTicketsQuery) => q.trackingCode === undefined)
  @IsIn(TICKET_FEEDS)
  feed?: TicketFeed;

  @ApiPropertyOptional({ example: '12315-2026-0315-000123', description: 'with feed, unless trackingCode is given' })
  @ValidateIf((q: FindTicketsQuery) => q.trackingCode === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  externalId?: string;
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
