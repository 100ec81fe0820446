import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TREND_ALERT_STATUSES, TREND_KEY_KINDS, type TrendAlertStatus } from '@hub/contracts';

export class TrendAlertsQuery {
  @ApiPropertyOptional({ enum: TREND_ALERT_STATUSES, description: 'only alerts in this state; all (open first) when absent' })
  @IsOptional()
  @IsIn(TREND_ALERT_STATUSES)
  status?: TrendAlertStatus;
}

export class TrendAlertResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TREND_KEY_KINDS }) keyKind: string;
  @ApiProperty({ description: '`uscc:…` or `name:<region>:<name>` for a subject, the folded product name, the region code' }) key: string;
  @ApiProperty({ example: '长春市惠民超市' }) label: string;
  @ApiProperty() windowStart: string;
  @ApiProperty() windowEnd: string;
  @ApiProperty({ description: 'tickets in the window' }) observed: number;
  @ApiProperty({ description: 'tickets the key’s own 28-day baseline predicts for the window' }) expected: number;
  @ApiProperty({ description: 'one-sided Poisson p-value' }) pValue: number;
  @ApiProperty({ description: '-log10(pValue)' }) score: number;
  @ApiProperty({ type: [String], example: ['12315', '12345', '12365'] }) hotlines: string[];
  @ApiProperty({ enum: ['OPEN', 'ACKNOWLEDGED'] }) status: string;
  @ApiProperty() raisedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy: string | null;
}

export class TrendAlertsResponse {
  @ApiProperty({ type: [TrendAlertResponse] }) items: TrendAlertResponse[];
}

export class TrendScanQueuedResponse {
  @ApiProperty({ example: true }) queued: true;
}
