import { decideEligibility, MatterTicket } from './reward-eligibility';

const at = (iso: string) => new Date(iso);
const master: MatterTicket = { id: 'master', kind: 'REPORT', receivedAt: at('2026-03-10T02:00:00Z'), master: true };

describe('decideEligibility', () => {
  it('rewards a penalized or transferred report', () => {
    expect(decideEligibility('PENALIZED', [master])).toEqual({ eligible: true, ticketId: 'master' });
    expect(decideEligibility('TRANSFERRED', [master])).toEqual({ eligible: true, ticketId: 'master' });
  });

  it('refuses other outcomes, with the reason', () => {
    const decision = decideEligibility('MEDIATED', [master]);
    expect(decision).toEqual({ eligible: false, reasons: [expect.stringContaining('MEDIATED')] });
  });

  it('refuses a matter with no report', () => {
    const complaint = { ...master, kind: 'COMPLAINT' };
    expect(decideEligibility('PENALIZED', [complaint])).toEqual({ eligible: false, reasons: [expect.stringContaining('只有举报')] });
  });

  it('rewards the earliest report among the duplicates merged in, not the closed ticket', () => {
    const earlier: MatterTicket = { id: 'merged-early', kind: 'REPORT', receivedAt: at('2026-03-09T23:00:00Z'), master: false };
    const earlierComplaint: MatterTicket = { id: 'complaint', kind: 'COMPLAINT', receivedAt: at('2026-03-01T00:00:00Z'), master: false };
    const later: MatterTicket = { id: 'merged-late', kind: 'REPORT', receivedAt: at('2026-03-11T00:00:00Z'), master: false };
    expect(decideEligibility('PENALIZED', [master, later, earlier, earlierComplaint])).toEqual({ eligible: true, ticketId: 'merged-early' });
  });

  it('prefers the closed ticket on a tie of receipt times', () => {
    const twin: MatterTicket = { ...master, id: 'twin', master: false };
    expect(decideEligibility('PENALIZED', [twin, master])).toEqual({ eligible: true, ticketId: 'master' });
  });
});
