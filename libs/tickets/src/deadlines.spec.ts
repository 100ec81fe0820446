import { deadlinesAtDispatch } from './deadlines';
import { WorkingDayCalendar } from './working-days';

describe('deadlines at dispatch', () => {
  const calendar = new WorkingDayCalendar();
  // Monday 2026-03-16 10:00 Beijing
  const monday = new Date('2026-03-16T02:00:00Z');

  it('gives a complaint 7 working days to be accepted', () => {
    expect(deadlinesAtDispatch('COMPLAINT', monday, calendar)).toEqual({ acceptBy: new Date('2026-03-25T15:59:59.999Z'), resolveBy: null, provisional: false });
  });

  it('gives a report 15 working days to be verified', () => {
    expect(deadlinesAtDispatch('REPORT', monday, calendar).acceptBy).toEqual(new Date('2026-04-07T15:59:59.999Z'));
  });

  it('gives an enquiry 7 working days to be answered, skipping the Qingming holiday', () => {
    // dispatched Wed 2026-04-01: 04-02, 04-03, (04-04..04-06 Qingming), 04-07, 04-08, 04-09, 04-10, 04-13
    const r = deadlinesAtDispatch('CONSULTATION', new Date('2026-04-01T02:00:00Z'), calendar);
    expect(r.acceptBy).toBeNull();
    expect(r.resolveBy).toEqual(new Date('2026-04-13T15:59:59.999Z'));
  });
});
