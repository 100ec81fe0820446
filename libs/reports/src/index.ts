/** Half-year reports (每半年上报): built by a queued job, as XLSX and PDF. */
export * from './report-access';
export * from './report-content';
export * from './report-figures';
export * from './report-names';
export * from './report-period';
export * from './report-pdf.renderer';
export * from './report-workbook.renderer';
export * from './report-run.view';
export * from './report-runs.service';
export * from './report-builder.service';
export * from './report-build.processor';
export * from './supervision-report-figures';
export * from './reports.module';
