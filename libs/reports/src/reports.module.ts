import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { SupervisionWorkerModule } from '@hub/supervision';
import { ReportBuildProcessor } from './report-build.processor';
import { ReportBuilder } from './report-builder.service';
import { REPORT_FIGURES } from './report-figures';
import { ReportRuns } from './report-runs.service';
import { ReportsController } from './reports.controller';
import { SupervisionReportFigures } from './supervision-report-figures';

/** API side: ask for a report, follow its runs, download the files. */
@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [ReportRuns],
  exports: [ReportRuns],
})
export class ReportsModule {}

/** Worker side: builds the runs, with the figures of the service the dashboard reads. */
@Module({
  imports: [SupervisionWorkerModule],
  providers: [
    SupervisionReportFigures,
    { provide: REPORT_FIGURES, useExisting: SupervisionReportFigures },
    ReportRuns,
    ReportBuilder,
    ReportBuildProcessor,
  ],
})
export class ReportsWorkerModule {}
