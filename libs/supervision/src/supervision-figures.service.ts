import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DashboardQuery, PeriodFigures, PeriodQuery, UnitAssessment } from '@hub/contracts';
import { Invalid } from '@hub/core';
import { rankUnits } from './assessment-score';
import { assessmentStatement, dashboardStatement } from './figures.sql';
import { FlowRow, shapeFigures } from './figures-shape';
import { periodProblem } from './period';

interface AssessmentRow {
  unit: string;
  dispatched: number;
  accepted: number;
  accepted_on_time: number;
  accept_missed: number;
  closed: number;
  closed_on_time: number;
  close_missed: number;
  returned: number;
  reopened: number;
}

/**
 * The supervision figures of a period, read from the rollups only (never `tickets`): the dashboard,
 * the unit assessment and the half-year reports show the same numbers for the same period.
 */
@Injectable()
export class SupervisionFigures {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forPeriod(q: PeriodQuery | DashboardQuery): Promise<PeriodFigures> {
    assertPeriod(q);
    const { sql, params } = dashboardStatement(q);
    const [rows, asOf] = await Promise.all([this.db.query(sql, params) as Promise<FlowRow[]>, this.asOf()]);
    return shapeFigures(q, rows, asOf);
  }

  async assessment(q: PeriodQuery): Promise<UnitAssessment> {
    assertPeriod(q);
    const { sql, params } = assessmentStatement(q);
    const rows: AssessmentRow[] = await this.db.query(sql, params);
    return {
      from: q.from,
      to: q.to,
      rows: rankUnits(
        rows.map((r) => ({
          unit: r.unit,
          dispatched: r.dispatched,
          accepted: r.accepted,
          acceptedOnTime: r.accepted_on_time,
          acceptMissed: r.accept_missed,
          closed: r.closed,
          closedOnTime: r.closed_on_time,
          closeMissed: r.close_missed,
          returned: r.returned,
          reopened: r.reopened,
          satisfaction: null,
        })),
      ),
    };
  }

  private async asOf(): Promise<string | null> {
    const [state]: Array<{ watermark: Date | null }> = await this.db.query(`SELECT watermark FROM supervision_rollup_state WHERE name = 'flow'`);
    return state?.watermark ? state.watermark.toISOString() : null;
  }
}

function assertPeriod(q: PeriodQuery): void {
  const problem = periodProblem(q.from, q.to);
  if (problem) throw Invalid('Invalid period', [{ field: problem.startsWith('to') ? 'to' : 'from', message: problem }]);
}
