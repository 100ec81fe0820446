import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Clock } from '@hub/contracts';
import { TimeSource } from '@hub/core';
import { NOTIFIER, Notifier, NoticeRecipient } from '@hub/notifications/notifier';
import { ClockTimer, SYSTEM_ACTOR, TicketClocks, TicketTransitions } from '@hub/tickets';

const CLOCK_NAMES: Record<Clock, string> = {
  dispatchBy: '分派期限',
  acceptBy: '受理期限',
  resolveBy: '办结期限',
  transferDecisionBy: '移送审批期限',
  handOverBy: '移送交接期限',
  policeDecisionBy: '公安立案决定期限',
};

/**
 * Turns a ticket yellow at 80 % of a clock and red past it: the clock's colour, the
 * ticket's deadline state (so lists filter on it), a history entry, a live event and
 * notices — the unit on a warning; the unit head and the leading group office when overdue.
 */
@Injectable()
export class DeadlineEscalation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clocks: TicketClocks,
    private readonly transitions: TicketTransitions,
    private readonly time: TimeSource,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** Answers what it did; 'not yet' when the time has not come (the job is retried). */
  async fire(timer: ClockTimer, dueAt: Date): Promise<'escalated' | 'nothing to do' | 'not yet'> {
    const now = this.time.now();
    if (now.getTime() < timer.at.getTime()) return 'not yet';
    return this.db.transaction(async (tx) => {
      if (!(await this.clocks.escalate(tx, timer, dueAt, now))) return 'nothing to do';
      const [t]: Array<{ tracking_code: string; lead_unit: string | null; police_unit: string | null }> = await tx.query(
        `SELECT tracking_code, lead_unit, police_unit FROM tickets WHERE id = $1`,
        [timer.ticketId],
      );
      const overdue = timer.level === 'overdue';
      const name = CLOCK_NAMES[timer.clock];
      await this.transitions.annotate(tx, timer.ticketId, {
        actor: SYSTEM_ACTOR,
        action: overdue ? 'DEADLINE_OVERDUE' : 'DEADLINE_WARNING',
        reason: `${name} ${overdue ? '已超期' : '即将到期'}`,
        data: { clock: timer.clock, dueAt: dueAt.toISOString() },
      });
      await this.notifier.notify(tx, {
        kind: overdue ? 'DEADLINE_OVERDUE' : 'DEADLINE_WARNING',
        ticketId: timer.ticketId,
        trackingCode: t.tracking_code,
        title: `${t.tracking_code} ${name}${overdue ? '已超期' : '即将到期'}`,
        body: `${name}：${dueAt.toISOString()}`,
        data: { clock: timer.clock, dueAt: dueAt.toISOString(), level: timer.level },
        to: recipients(timer, t.lead_unit, t.police_unit),
        dedupeKey: `${timer.ticketId}|${timer.clock}|${timer.level}|${dueAt.getTime()}`,
      });
      return 'escalated';
    });
  }
}

function recipients(timer: ClockTimer, leadUnit: string | null, policeUnit: string | null): NoticeRecipient[] {
  const police = timer.clock === 'policeDecisionBy' && policeUnit;
  const unit: NoticeRecipient = police ? { unit: policeUnit, roles: ['POLICE_LIAISON'] } : { unit: leadUnit, roles: timer.level === 'overdue' ? ['UNIT_HEAD'] : ['HANDLER', 'UNIT_HEAD'] };
  return timer.level === 'overdue' ? [unit, { unit: null, roles: ['SUPERVISOR'] }] : [unit];
}
