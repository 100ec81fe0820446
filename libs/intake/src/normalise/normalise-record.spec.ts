import { buildRecord } from '../adapters/adapter-support';
import { normaliseRecord } from './normalise-record';

describe('normaliseRecord: the reporter repeated in free text', () => {
  const record = (description: string, extras: Record<string, unknown> = {}) =>
    buildRecord({
      externalId: 'N-1',
      receivedAt: new Date('2026-03-15T01:00:00Z'),
      kind: 'COMPLAINT',
      channel: 'PHONE',
      description,
      reporter: { name: '张三丰', phone: '139-1111-2222', idNumber: '22010219800101123x', email: 'zsf@example.cn' },
      extras,
    });

  it('keeps only masks of the reporter’s own name, phone (any spelling), ID number and e-mail', () => {
    const draft = normaliseRecord('12315', record('我是张三丰，电话13911112222（也可打139-1111-2222），身份证22010219800101123X，邮箱zsf@example.cn，超市卖过期奶粉'));
    for (const clear of ['张三丰', '13911112222', '139-1111-2222', '22010219800101123X', 'zsf@example.cn']) expect(draft.description).not.toContain(clear);
    expect(draft.description).toContain('张**');
    expect(draft.description).toContain('+86139****2222');
    expect(draft.description).not.toMatch(/\d{6,}/);
    expect(draft.description).toContain('超市卖过期奶粉');
  });

  it('masks extras such as a call transcript, and leaves text without the reporter alone', () => {
    const draft = normaliseRecord('12316', record('超市卖过期奶粉', { transcript: [{ speaker: 'caller', text: '我叫张三丰' }] }));
    expect(draft.description).toBe('超市卖过期奶粉');
    expect(JSON.stringify(draft.extras)).not.toContain('张三丰');
  });
});
