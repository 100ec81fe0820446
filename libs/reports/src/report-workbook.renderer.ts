import { Workbook, Worksheet } from 'exceljs';
import { neutraliseFormula } from '@hub/core/export/spreadsheet-cell';
import { asOfText, beijingTime, breakdowns, byReceived, FLOW_HEADERS, flowValues, periodText, ReportContent, stateText, totalLines, yuan } from './report-content';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFB0B7C3' } } as const;
const MONEY = '#,##0.00';
const COUNT = '#,##0';
const RATE = '0.0%';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** A sheet with a styled, frozen header row; values go in as given (numbers stay numbers). */
function table(wb: Workbook, name: string, columns: Column[], rows: Array<Array<string | number | null>>): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  for (const row of rows) ws.addRow(row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  return ws;
}

function overviewSheet(wb: Workbook, c: ReportContent): void {
  const ws = table(wb, '概况', [{ header: '项目', width: 22 }, { header: '数值', width: 48 }], []);
  const info: Array<[string, string | number]> = [
    ['报告', c.title],
    ['统计期间', periodText(c)],
    ['范围', c.names.scope],
    ['版本', c.version],
    ['状态', stateText(c)],
    ['生成时间（北京时间）', beijingTime(c.generatedAt)],
    ...(asOfText(c) ? [['数据截至（北京时间）', asOfText(c)!] as [string, string]] : []),
  ];
  for (const [label, value] of info) ws.addRow([label, value]);
  ws.addRow([]);
  for (const line of totalLines(c.figures)) {
    const row = ws.addRow([line.label, line.money ? yuan(line.value) : line.value]);
    row.getCell(2).numFmt = line.money ? MONEY : COUNT;
    row.getCell(2).alignment = { horizontal: 'right' };
  }
}

function breakdownSheets(wb: Workbook, c: ReportContent): void {
  for (const b of breakdowns(c)) {
    const columns: Column[] = [{ header: '代码', width: 14 }, { header: b.keyHeader, width: 36 }, ...FLOW_HEADERS.map((h) => ({ header: h, width: 10, numFmt: COUNT }))];
    table(wb, b.title, columns, byReceived(b.rows).map((r) => [r.key, b.name(r.key), ...flowValues(r)]));
  }
}

function assessmentSheet(wb: Workbook, c: ReportContent): void {
  const count = (header: string): Column => ({ header, width: 10, numFmt: COUNT });
  const rate = (header: string): Column => ({ header, width: 12, numFmt: RATE });
  const columns: Column[] = [
    { header: '排名', width: 6 }, { header: '单位', width: 30 }, { header: '得分', width: 8, numFmt: '0.0' },
    count('分派'), count('受理'), count('按时受理'), count('超期未受理'), rate('按时受理率'), count('办结'), count('按时办结'), count('超期未办结'), rate('按时办结率'),
    count('退回'), rate('退回率'), count('重新办理'), rate('重新办理率'), rate('满意度'),
  ];
  const rows = [...c.assessment.rows].sort((a, b) => a.rank - b.rank).map((r) => [
    r.rank, c.names.unit(r.unit), r.scored ? r.score : null, r.dispatched, r.accepted, r.acceptedOnTime, r.acceptMissed, r.acceptOnTimeRate, r.closed, r.closedOnTime, r.closeMissed, r.closeOnTimeRate,
    r.returned, r.returnRate, r.reopened, r.reopenRate, r.satisfaction,
  ]);
  table(wb, '绩效考核', columns, rows);
}

function outcomesSheet(wb: Workbook, c: ReportContent): void {
  const total = c.figures.outcomes.reduce((sum, o) => sum + o.count, 0);
  const rows = c.figures.outcomes.map((o) => [o.outcome, c.names.outcome(o.outcome), o.count, total ? o.count / total : null]);
  table(wb, '办结结果', [{ header: '代码', width: 20 }, { header: '办结结果', width: 16 }, { header: '件数', width: 10, numFmt: COUNT }, { header: '占比', width: 10, numFmt: RATE }], rows);
}

/** The report as an XLSX workbook: 概况, 按热线, 按地区, 按类别, 按单位, 绩效考核, 办结结果. */
export async function renderReportWorkbook(c: ReportContent): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = c.names.province;
  wb.title = c.title;
  wb.created = c.generatedAt;
  overviewSheet(wb, c);
  breakdownSheets(wb, c);
  assessmentSheet(wb, c);
  outcomesSheet(wb, c);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
