import { Workbook } from 'exceljs';
import { pdfText } from '@hub/testing/pdf-text';
import { ReportContent } from './report-content';
import { sampleAssessment, sampleFigures } from './report-fixtures';
import { reportNames } from './report-names';
import { reportTitle } from './report-period';
import { renderReportPdf } from './report-pdf.renderer';
import { renderReportWorkbook } from './report-workbook.renderer';

const content = (overrides: Partial<ReportContent> = {}): ReportContent => ({
  title: reportTitle('吉林省', 2026, 'H1'),
  year: 2026,
  half: 'H1',
  version: 1,
  provisional: false,
  generatedAt: new Date('2026-07-02T01:30:00Z'),
  figures: sampleFigures(),
  assessment: sampleAssessment(),
  names: reportNames('PROVINCE'),
  ...overrides,
});

async function readWorkbook(bytes: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as plain arrays (exceljs rows are 1-based with an empty slot 0). */
function rows(wb: Workbook, sheet: string): unknown[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('the report workbook', () => {
  it('has the Chinese sheets in order', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content()));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['概况', '按热线', '按地区', '按类别', '按单位', '绩效考核', '办结结果']);
  });

  it('shows the totals as numbers, money in 元 with two decimals', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content()));
    const overview = new Map(rows(wb, '概况').map((r) => [r[0], r[1]]));
    expect(overview.get('报告')).toBe('吉林省打击侵权假冒举报投诉 2026年上半年工作报告');
    expect(overview.get('统计期间')).toBe('2026-01-01 至 2026-06-30');
    expect(overview.get('范围')).toBe('全省');
    expect(overview.get('状态')).toBe('终期');
    expect(overview.get('数据截至（北京时间）')).toBe('2026-07-02 09:29');
    expect(overview.get('接收工单')).toBe(1234);
    expect(overview.get('办结')).toBe(987);
    expect(overview.get('罚款（元）')).toBe(12345.67);
    expect(overview.get('罚没款合计（元）')).toBe(12845.67);
    const fineRow = wb.getWorksheet('概况')!.getRows(1, 30)!.find((r) => r.getCell(1).value === '罚款（元）')!;
    expect(fineRow.getCell(2).numFmt).toBe('#,##0.00');
  });

  it('styles the header row and names each code in Chinese', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content()));
    const feeds = rows(wb, '按热线');
    expect(feeds[0]).toEqual(['代码', '热线', '接收', '分派', '办结', '超期']);
    expect(feeds[1]).toEqual(['12315', '12315 工商行政管理局', 700, 650, 600, 5]);
    expect(feeds[3]).toEqual(['WEB', '网上举报平台', 234, 170, 137, 3]);
    expect(wb.getWorksheet('按热线')!.getRow(1).font).toMatchObject({ bold: true });
    expect(rows(wb, '按地区')[1]).toEqual(['220100', '长春市', 800, 720, 650, 7]);
    expect(rows(wb, '按类别')[1]).toEqual(['FOOD', '食品', 900, 800, 700, 10]);
    expect(rows(wb, '按单位')[1]).toEqual(['AIC@220100', '长春市工商行政管理局', 0, 720, 650, 7]);
  });

  it('ranks the units of the assessment with the figures behind each score', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content()));
    const assessment = rows(wb, '绩效考核');
    expect(assessment[0].slice(0, 4)).toEqual(['排名', '单位', '得分', '分派']);
    expect(assessment[0].slice(4, 8)).toEqual(['受理', '按时受理', '超期未受理', '按时受理率']);
    expect(assessment[1].slice(0, 8)).toEqual([1, '长春市工商行政管理局', 92.5, 720, 700, 690, 3, 0.9857]);
    // no satisfaction collected: an empty cell, not a zero
    expect(assessment[2][16]).toBeUndefined();
    // nothing was due: not scored, an empty score rather than a zero
    expect(assessment[3].slice(0, 3)).toEqual([3, '吉林省中医药管理局', undefined]);
    expect(rows(wb, '办结结果')[1]).toEqual(['PENALIZED', '立案处罚', 45, 45 / 987]);
  });

  it('marks a provisional report as 中期', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content({ provisional: true })));
    expect(new Map(rows(wb, '概况').map((r) => [r[0], r[1]])).get('状态')).toContain('中期');
  });
});

describe('the report PDF', () => {
  it('is an A4 document whose Chinese text reads back', async () => {
    const bytes = await renderReportPdf(content());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('吉林省打击侵权假冒举报投诉 2026年上半年工作报告');
    expect(text).toContain('统计期间：2026-01-01 至 2026-06-30');
    expect(text).toContain('范围：全省');
    expect(text).toContain('数据截至：2026-07-02 09:29');
    for (const heading of ['一、总体情况', '二、按热线统计', '三、按地区统计', '四、按类别统计', '五、按单位统计', '六、绩效考核', '七、办结结果']) expect(text).toContain(heading);
    expect(text).toMatch(/接收工单\s+1,234/);
    expect(text).toContain('¥12,345.67');
    expect(text).toContain('长春市工商行政管理局');
    expect(text).toContain('延边朝鲜族自治州');
    expect(text).toContain('98.6%');
    expect(text).toMatch(/吉林省中医药管理局\s+未评分/);
    expect(text).not.toContain('中期报告');
  });

  it('embeds only a subset of the font', async () => {
    const bytes = await renderReportPdf(content());
    expect(bytes.length).toBeLessThan(1_000_000);
  });

  it('says 中期报告 on a provisional report and continues long tables on new pages', async () => {
    const units = Array.from({ length: 80 }, (_, i) => ({ key: `AIC@2201${String(i).padStart(2, '0')}`, received: 80 - i, dispatched: 1, closed: 1, overdue: 0 }));
    const text = await pdfText(await renderReportPdf(content({ provisional: true, figures: sampleFigures({ byUnit: units }) })));
    expect(text).toContain('中期报告');
    expect(text).toMatch(/第 3 页 \/ 共 \d+ 页/);
  });
});
