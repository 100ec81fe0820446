import { buildRecord } from '../adapters/adapter-support';
import { maskContactPatterns, maskedItemsView, maskedRecordView } from './record-preview';

describe('previews of stored requests', () => {
  const record = (name: string | null, anonymous = false) =>
    buildRecord({
      externalId: 'R-1',
      receivedAt: new Date('2026-03-15T01:00:00Z'),
      kind: 'COMPLAINT',
      channel: 'PHONE',
      description: '超市卖过期奶粉',
      reporter: { anonymous, name, phone: '0431-88886666', idNumber: '220102198001011234', email: 'zl@example.cn' },
      attachments: [{ fileName: 'a.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF-1'), url: null }],
    });

  it('masks every reporter field of a parsed record and leaves out attachment bytes', () => {
    const view = maskedRecordView(3, record('欧阳明'));
    expect(view).toMatchObject({ index: 3, externalId: 'R-1', reporter: { anonymous: false, name: '欧**', phone: '+86431****6666', idNumber: '2201************34', email: 'z***@example.cn' } });
    expect(view.attachments).toEqual([{ fileName: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 6, url: null }]);
    expect(JSON.stringify(view)).not.toMatch(/欧阳明|88886666|198001011234|zl@/);
  });

  it('withholds an anonymous reporter’s name entirely', () => {
    expect(maskedRecordView(0, record('李四', true)).reporter.name).toBeNull();
  });

  it('shows a rejected record by its errors only', () => {
    expect(maskedItemsView([{ index: 2, externalId: 'X', errors: [{ field: 'ldsj', message: 'bad' }] }])).toEqual([{ index: 2, externalId: 'X', errors: [{ field: 'ldsj', message: 'bad' }] }]);
  });

  it('masks phone-, ID- and e-mail-shaped text where no adapter could read the request', () => {
    const masked = maskContactPatterns('{"sqr":{"dh":"13912345678","tel":"0431-88886666","sfzh":"22010219800101123X","mail":"zl@example.cn"},"gdbh":"12315-2026');
    expect(masked).not.toMatch(/13912345678|88886666|19800101123X|zl@example/);
    expect(masked).toContain('"gdbh":"12315-2026');
  });
});
