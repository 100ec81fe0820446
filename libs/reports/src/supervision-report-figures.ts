import { Injectable } from '@nestjs/common';
import type { PeriodFigures, PeriodQuery, UnitAssessment } from '@hub/contracts';
import { SupervisionFigures, SupervisionRollup } from '@hub/supervision';
import type { ReportFigureSource } from './report-figures';

/** The dashboard's own service, with its rollups brought up to date before a report reads them. */
@Injectable()
export class SupervisionReportFigures implements ReportFigureSource {
  constructor(
    private readonly figures: SupervisionFigures,
    private readonly rollup: SupervisionRollup,
  ) {}

  async bringUpToDate(): Promise<void> {
    await this.rollup.run();
  }

  forPeriod(q: PeriodQuery): Promise<PeriodFigures> {
    return this.figures.forPeriod(q);
  }

  assessment(q: PeriodQuery): Promise<UnitAssessment> {
    return this.figures.assessment(q);
  }
}
