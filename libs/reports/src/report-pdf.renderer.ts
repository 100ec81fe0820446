import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { FlowBreakdownRow } from '@hub/contracts';
import {
  asOfText, beijingTime, breakdowns, byReceived, FLOW_HEADERS, flowValues, formatRate, formatYuan, periodText, ReportContent, stateText, totalLines,
} from './report-content';

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const PAGE_WIDTH = 595.28;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const ROW_HEIGHT = 18;
const BAR_COLOUR = '#3b6fb6';
const RULE_COLOUR = '#b0b7c3';
const HEAD_FILL = '#dce6f1';
/** bars in a chart: the top hotlines or regions, the rest are in the table below it */
const CHART_BARS = 12;

/** Noto Sans SC from the font package, read once: pdfkit embeds only the glyphs a report uses. */
const fonts = { regular: null as Buffer | null, bold: null as Buffer | null };
function font(weight: 'regular' | 'bold'): Buffer {
  const file = weight === 'regular' ? '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' : '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf';
  return (fonts[weight] ??= readFileSync(require.resolve(file)));
}

interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const count = (n: number) => n.toLocaleString('en-US');
/** Long category names carry their examples in brackets: the table shows the name itself. */
const shortName = (name: string) => name.replace(/（[^）]*）/g, '');

function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN) return false;
  doc.addPage();
  return true;
}

/** A heading never ends a page: it keeps room for itself, a table header and a row (or a chart's first bars). */
function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 40 + ROW_HEIGHT * 3);
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor('black').text(text, MARGIN, doc.y);
  doc.moveDown(0.3);
}

function tableRow(doc: Doc, columns: PdfColumn[], cells: string[], header: boolean): void {
  const y = doc.y;
  if (header) doc.rect(MARGIN, y, CONTENT_WIDTH, ROW_HEIGHT).fill(HEAD_FILL);
  doc.font(header ? 'bold' : 'regular').fontSize(9).fillColor('black');
  let x = MARGIN;
  columns.forEach((col, i) => {
    doc.text(cells[i] ?? '', x + 4, y + 4, { width: col.width - 8, height: ROW_HEIGHT - 4, align: col.align ?? 'left', lineBreak: false, ellipsis: true });
    x += col.width;
  });
  doc.moveTo(MARGIN, y + ROW_HEIGHT).lineTo(MARGIN + CONTENT_WIDTH, y + ROW_HEIGHT).lineWidth(0.5).strokeColor(RULE_COLOUR).stroke();
  doc.x = MARGIN;
  doc.y = y + ROW_HEIGHT;
}

/** A table that continues on the next page with its header repeated. */
function table(doc: Doc, columns: PdfColumn[], rows: string[][]): void {
  ensureRoom(doc, ROW_HEIGHT * 2);
  tableRow(doc, columns, columns.map((c) => c.header), true);
  if (rows.length === 0) tableRow(doc, columns, ['无数据'], false);
  for (const row of rows) {
    if (ensureRoom(doc, ROW_HEIGHT)) tableRow(doc, columns, columns.map((c) => c.header), true);
    tableRow(doc, columns, row, false);
  }
}

/** Horizontal bars of what came in, largest first. */
function barChart(doc: Doc, caption: string, rows: FlowBreakdownRow[], name: (code: string) => string): void {
  const bars = byReceived(rows).filter((r) => r.received > 0).slice(0, CHART_BARS);
  if (bars.length === 0) return;
  const barHeight = 12;
  const gap = 5;
  const labelWidth = 130;
  const valueWidth = 50;
  const height = 20 + bars.length * (barHeight + gap);
  ensureRoom(doc, height);
  doc.font('regular').fontSize(9).fillColor('#555555').text(caption, MARGIN, doc.y);
  const top = doc.y + 4;
  const max = Math.max(...bars.map((b) => b.received));
  const span = CONTENT_WIDTH - labelWidth - valueWidth;
  bars.forEach((b, i) => {
    const y = top + i * (barHeight + gap);
    doc.fillColor('black').text(shortName(name(b.key)), MARGIN, y + 1, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    doc.rect(MARGIN + labelWidth, y, Math.max(1, (span * b.received) / max), barHeight).fill(BAR_COLOUR);
    doc.fillColor('black').text(count(b.received), MARGIN + labelWidth + (span * b.received) / max + 4, y + 1, { width: valueWidth, lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = top + bars.length * (barHeight + gap) + 4;
}

function titleBlock(doc: Doc, c: ReportContent): void {
  doc.font('bold').fontSize(17).fillColor('black').text(c.title, { align: 'center' });
  if (c.provisional) doc.moveDown(0.2).font('bold').fontSize(11).fillColor('#b45309').text('中期报告', { align: 'center' });
  doc.moveDown(0.8).font('regular').fontSize(10).fillColor('black');
  const lines = [`统计期间：${periodText(c)}（北京时间）`, `范围：${c.names.scope}`, `版本：第 ${c.version} 版　状态：${stateText(c)}`, `生成时间：${beijingTime(c.generatedAt)}${asOfText(c) ? `　数据截至：${asOfText(c)}` : ''}`];
  for (const line of lines) doc.text(line, MARGIN, doc.y);
}

function totalsSection(doc: Doc, c: ReportContent): void {
  heading(doc, '一、总体情况');
  const lines = totalLines(c.figures).map((l) => [l.label.replace('（元）', ''), l.money ? formatYuan(l.value) : count(l.value)]);
  const half = Math.ceil(lines.length / 2);
  const columns: PdfColumn[] = [
    { header: '项目', width: CONTENT_WIDTH / 4 }, { header: '数值', width: CONTENT_WIDTH / 4, align: 'right' },
    { header: '项目', width: CONTENT_WIDTH / 4 }, { header: '数值', width: CONTENT_WIDTH / 4, align: 'right' },
  ];
  table(doc, columns, lines.slice(0, half).map((left, i) => [...left, ...(lines[half + i] ?? ['', ''])]));
}

function breakdownSections(doc: Doc, c: ReportContent): void {
  const numerals = ['二', '三', '四', '五'];
  breakdowns(c).forEach((b, i) => {
    heading(doc, `${numerals[i]}、${b.title}统计`);
    if (b.title === '按热线' || b.title === '按地区') barChart(doc, `接收工单（件）${b.title}`, b.rows, b.name);
    const numberWidth = 60;
    const columns: PdfColumn[] = [{ header: b.keyHeader, width: CONTENT_WIDTH - numberWidth * 4 }, ...FLOW_HEADERS.map((h) => ({ header: h, width: numberWidth, align: 'right' as const }))];
    table(doc, columns, byReceived(b.rows).map((r) => [shortName(b.name(r.key)), ...flowValues(r).map(count)]));
  });
}

function assessmentSection(doc: Doc, c: ReportContent): void {
  heading(doc, '六、绩效考核');
  const w = 58;
  const columns: PdfColumn[] = [
    { header: '排名', width: 28 }, { header: '单位', width: CONTENT_WIDTH - 28 - 38 - w * 5 }, { header: '得分', width: 38, align: 'right' },
    { header: '按时受理率', width: w, align: 'right' }, { header: '按时办结率', width: w, align: 'right' }, { header: '退回率', width: w, align: 'right' },
    { header: '重办率', width: w, align: 'right' }, { header: '满意度', width: w, align: 'right' },
  ];
  const rows = [...c.assessment.rows].sort((a, b) => a.rank - b.rank).map((r) => [
    String(r.rank), c.names.unit(r.unit), r.scored ? r.score.toFixed(1) : '未评分', formatRate(r.acceptOnTimeRate), formatRate(r.closeOnTimeRate),
    formatRate(r.returnRate), formatRate(r.reopenRate), formatRate(r.satisfaction),
  ]);
  table(doc, columns, rows);
}

function outcomesSection(doc: Doc, c: ReportContent): void {
  heading(doc, '七、办结结果');
  const total = c.figures.outcomes.reduce((sum, o) => sum + o.count, 0);
  const columns: PdfColumn[] = [{ header: '办结结果', width: CONTENT_WIDTH - 160 }, { header: '件数', width: 80, align: 'right' }, { header: '占比', width: 80, align: 'right' }];
  table(doc, columns, c.figures.outcomes.map((o) => [c.names.outcome(o.outcome), count(o.count), formatRate(total ? o.count / total : null)]));
}

function pageNumbers(doc: Doc, c: ReportContent): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // text in the bottom margin would otherwise start a new page
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#777777');
    doc.text(`${c.title}　第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 16, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The report as an A4 PDF with Noto Sans SC embedded (subset): title, period, scope, totals, charts and tables. */
export function renderReportPdf(c: ReportContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: c.title, Author: c.names.province, CreationDate: c.generatedAt } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', font('regular'));
  doc.registerFont('bold', font('bold'));
  titleBlock(doc, c);
  totalsSection(doc, c);
  breakdownSections(doc, c);
  assessmentSection(doc, c);
  outcomesSection(doc, c);
  pageNumbers(doc, c);
  doc.end();
  return done;
}
