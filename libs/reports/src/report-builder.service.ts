import { Inject, Injectable } from '@nestjs/common';
import { PROVINCE_SCOPE } from '@hub/contracts';
import { TimeSource } from '@hub/core';
import type { ReportContent } from './report-content';
import { REPORT_FIGURES, ReportFigureSource } from './report-figures';
import { reportNames, scopeName } from './report-names';
import { halfYearPeriod, reportFileName, reportTitle } from './report-period';
import { renderReportPdf } from './report-pdf.renderer';
import type { ReportRunRow } from './report-run.view';
import type { ReportFile } from './report-runs.service';
import { renderReportWorkbook } from './report-workbook.renderer';

type Progress = (percent: number) => Promise<void>;

/** One run's files: the dashboard's figures and assessment of the period, rendered as XLSX and PDF. */
@Injectable()
export class ReportBuilder {
  constructor(
    @Inject(REPORT_FIGURES) private readonly figures: ReportFigureSource,
    private readonly time: TimeSource,
  ) {}

  async build(run: ReportRunRow, progress: Progress): Promise<ReportFile[]> {
    const period = halfYearPeriod(run.year, run.half);
    const unit = run.scope === PROVINCE_SCOPE ? null : run.scope;
    await this.figures.bringUpToDate();
    await progress(20);
    const figures = await this.figures.forPeriod({ ...period, unit });
    await progress(35);
    const ranked = await this.figures.assessment(period);
    // a unit's report shows its own line, with its rank among all units
    const assessment = unit ? { ...ranked, rows: ranked.rows.filter((r) => r.unit === unit) } : ranked;
    await progress(50);
    const content: ReportContent = {
      title: reportTitle(scopeName(run.scope), run.year, run.half),
      year: run.year,
      half: run.half,
      version: run.version,
      provisional: run.provisional,
      generatedAt: this.time.now(),
      figures,
      assessment,
      names: reportNames(run.scope),
    };
    const xlsx = await renderReportWorkbook(content);
    await progress(70);
    const pdf = await renderReportPdf(content);
    await progress(95);
    return [
      { format: 'xlsx', fileName: reportFileName(content.title, run.version, run.provisional, 'xlsx'), content: xlsx },
      { format: 'pdf', fileName: reportFileName(content.title, run.version, run.provisional, 'pdf'), content: pdf },
    ];
  }
}
