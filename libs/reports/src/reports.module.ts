import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { ReportBuildProcessor } from './report-build.processor';
import { ReportBuilder } from './report-builder.service';
import { REPORT_FIGURES, ReportFigureSource } from './report-figures';
import { ReportRuns } from './report-runs.service';
import { ReportsController } from './reports.controller';

/** API side: ask for a report, follow its runs, download the files. */
@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [ReportRuns],
  exports: [ReportRuns],
})
export class ReportsModule {}

/** Worker side: builds the runs, with the figures of the service the dashboard reads. */
@Module({})
export class ReportsWorkerModule {
  static using(figures: Type<ReportFigureSource>): DynamicModule {
    return {
      module: ReportsWorkerModule,
      providers: [figures, { provide: REPORT_FIGURES, useExisting: figures }, ReportRuns, ReportBuilder, ReportBuildProcessor],
    };
  }
}
