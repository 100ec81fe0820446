import { csvField, neutraliseFormula, toCsv } from './spreadsheet-cell';

describe('export cells', () => {
  it.each(['=HYPERLINK("http://x","点我")', '+86139', '-1+2', '@SUM(A1)', '\tcmd', '\r=1'])('neutralises %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseFormula('长春市宏达超市')).toBe('长春市宏达超市');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks after neutralising', () => {
    expect(csvField('=1,"2"')).toBe(`"'=1,""2"""`);
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('writes a whole document with a BOM and CRLF lines', () => {
    expect(toCsv(['名称', '金额'], [['=cmd|\' /C calc\'!A0', 500000]])).toBe(`\uFEFF名称,金额\r\n'=cmd|' /C calc'!A0,500000\r\n`);
  });
});
