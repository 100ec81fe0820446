import { contentDisposition, halfYearPeriod, hasBegun, isProvisional, reportFileName, reportTitle } from './report-period';

describe('half-year periods', () => {
  it('are 1 January–30 June and 1 July–31 December', () => {
    expect(halfYearPeriod(2026, 'H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearPeriod(2026, 'H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('are provisional until their last Beijing day has passed', () => {
    const h1 = halfYearPeriod(2026, 'H1');
    expect(isProvisional(h1, new Date('2026-06-30T15:59:59Z'))).toBe(true);
    // 1 July 00:00 in Beijing
    expect(isProvisional(h1, new Date('2026-06-30T16:00:00Z'))).toBe(false);
  });

  it('have begun on their first Beijing day', () => {
    const h2 = halfYearPeriod(2026, 'H2');
    expect(hasBegun(h2, new Date('2026-06-30T15:59:59Z'))).toBe(false);
    expect(hasBegun(h2, new Date('2026-06-30T16:00:00Z'))).toBe(true);
  });
});

describe('report names', () => {
  it('title the report by scope, year and half', () => {
    expect(reportTitle('吉林省', 2026, 'H1')).toBe('吉林省打击侵权假冒举报投诉 2026年上半年工作报告');
    expect(reportTitle('长春市工商行政管理局', 2025, 'H2')).toBe('长春市工商行政管理局打击侵权假冒举报投诉 2025年下半年工作报告');
  });

  it('name the file with the version after the first and 中期 when provisional', () => {
    const title = reportTitle('吉林省', 2026, 'H1');
    expect(reportFileName(title, 1, false, 'xlsx')).toBe('吉林省打击侵权假冒举报投诉2026年上半年工作报告.xlsx');
    expect(reportFileName(title, 3, true, 'pdf')).toBe('吉林省打击侵权假冒举报投诉2026年上半年工作报告（中期）-第3版.pdf');
  });

  it('send the Chinese name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = contentDisposition('吉林省 (2026).pdf');
    expect(header).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent('吉林省 ').replace(/%20/g, '%20')}%282026%29.pdf`);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('吉林省 (2026).pdf');
  });
});
