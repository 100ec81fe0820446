import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { FEEDS } from '@hub/contracts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'first day, Beijing time (YYYY-MM-DD)' }) @Matches(DAY, { message: 'from: YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-06-30', description: 'last day, included (YYYY-MM-DD); at most 732 days after from' }) @Matches(DAY, { message: 'to: YYYY-MM-DD' }) to: string;
}

export class DashboardQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'AIC@220100', description: 'one unit (a UNIT_HEAD always gets their own)' }) @IsOptional() @Matches(/^[A-Z]+@\d{6}$/) unit?: string;
  @ApiPropertyOptional({ enum: FEEDS }) @IsOptional() @Matches(new RegExp(`^(${FEEDS.join('|')})$`), { message: `feed: one of ${FEEDS.join(' ')}` }) feed?: string;
  @ApiPropertyOptional({ example: '220100', description: 'region code' }) @IsOptional() @Matches(/^\d{6}$/) region?: string;
  @ApiPropertyOptional({ example: 'FOOD', description: 'category code' }) @IsOptional() @Matches(/^[A-Z_]{2,40}$/) category?: string;
}

class FlowCountsResponse {
  @ApiProperty() received: number;
  @ApiProperty() dispatched: number;
  @ApiProperty() closed: number;
  @ApiProperty({ description: 'clocks that ran out' }) overdue: number;
}

class FlowPointResponse extends FlowCountsResponse {
  @ApiProperty({ example: '2026-03-15' }) day: string;
}

class FlowBreakdownResponse extends FlowCountsResponse {
  @ApiProperty({ description: 'feed, region code, category code or unit code' }) key: string;
}

class TotalsResponse extends FlowCountsResponse {
  @ApiProperty() penalized: number;
  @ApiProperty() transferred: number;
  @ApiProperty() fineFen: number;
  @ApiProperty() confiscationFen: number;
}

class RoutingPointResponse {
  @ApiProperty() day: string;
  @ApiProperty() routed: number;
  @ApiProperty() autoRouted: number;
  @ApiProperty() corrected: number;
}

class RoutingQualityResponse {
  @ApiProperty() routed: number;
  @ApiProperty() autoRouted: number;
  @ApiProperty() corrected: number;
  @ApiProperty({ type: [RoutingPointResponse] }) series: RoutingPointResponse[];
}

class OutcomeCountResponse {
  @ApiProperty() outcome: string;
  @ApiProperty() count: number;
}

export class PeriodFiguresResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ nullable: true, type: String }) feed: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the rollups were last brought up to date' }) asOf: string | null;
  @ApiProperty({ type: TotalsResponse }) totals: TotalsResponse;
  @ApiProperty({ type: [FlowPointResponse] }) series: FlowPointResponse[];
  @ApiProperty({ type: [FlowBreakdownResponse] }) byFeed: FlowBreakdownResponse[];
  @ApiProperty({ type: [FlowBreakdownResponse] }) byRegion: FlowBreakdownResponse[];
  @ApiProperty({ type: [FlowBreakdownResponse] }) byCategory: FlowBreakdownResponse[];
  @ApiProperty({ type: [FlowBreakdownResponse] }) byUnit: FlowBreakdownResponse[];
  @ApiProperty({ type: RoutingQualityResponse }) routingQuality: RoutingQualityResponse;
  @ApiProperty({ type: [OutcomeCountResponse] }) outcomes: OutcomeCountResponse[];
}

class UnitAssessmentRowResponse {
  @ApiProperty() unit: string;
  @ApiProperty() rank: number;
  @ApiProperty({ description: '0–100: weighted on-time acceptance 30, on-time closure 40, returns 15, reopens 15 (satisfaction 20 where collected)' }) score: number;
  @ApiProperty({ description: 'false while nothing was due (no acceptance or closure to judge): score 0, ranked last' }) scored: boolean;
  @ApiProperty() dispatched: number;
  @ApiProperty() accepted: number;
  @ApiProperty() acceptedOnTime: number;
  @ApiProperty() acceptMissed: number;
  @ApiProperty({ nullable: true, type: Number }) acceptOnTimeRate: number | null;
  @ApiProperty() closed: number;
  @ApiProperty() closedOnTime: number;
  @ApiProperty() closeMissed: number;
  @ApiProperty({ nullable: true, type: Number }) closeOnTimeRate: number | null;
  @ApiProperty() returned: number;
  @ApiProperty({ nullable: true, type: Number }) returnRate: number | null;
  @ApiProperty() reopened: number;
  @ApiProperty({ nullable: true, type: Number }) reopenRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) satisfaction: number | null;
}

export class UnitAssessmentResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [UnitAssessmentRowResponse] }) rows: UnitAssessmentRowResponse[];
}
