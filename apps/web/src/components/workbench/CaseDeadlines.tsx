import { CLOCKS, TERMINAL_STATUSES, type Clock } from '@hub/contracts';
import { Tag, Typography } from 'antd';
import type { Ticket } from '../../api/types';
import { useI18n } from '../../i18n';
import { clockMeasure, clockRunning } from '../../lib/clocks';
import { beijing } from '../../lib/time';
import { DeadlineTag } from '../DeadlineTag';

/** Where each clock started, for the yellow at 80 % when the server's colour is for another clock. */
function clockStart(ticket: Ticket, clock: Clock): string | null {
  const { case: handling } = ticket;
  switch (clock) {
    case 'dispatchBy':
      return ticket.receivedAt;
    case 'acceptBy':
      return null;
    case 'resolveBy':
      return handling.filedAt ?? handling.acceptedAt;
    case 'transferDecisionBy':
      return handling.transfer?.proposedAt ?? null;
    default:
      return handling.transfer?.approvedAt ?? null;
  }
}

/** Every clock the ticket has, each with its colour, date and working days left in words; pauses beside them. */
export function CaseDeadlines({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { deadlines, case: handling } = ticket;
  const open = !TERMINAL_STATUSES.includes(ticket.status);
  const transferState = handling.transfer?.state ?? null;
  const running = (clock: Clock) => open && clockRunning(clock, ticket.status, transferState, deadlines.policeDecisionBy);
  // the server's colour is the most urgent running clock's; the others get theirs from their share used
  const nearest = CLOCKS.filter((clock) => deadlines[clock] && running(clock)).sort((a, b) => Date.parse(deadlines[a] as string) - Date.parse(deadlines[b] as string))[0];
  const shown = CLOCKS.filter((clock) => deadlines[clock]);
  return (
    <div className="case-deadlines" data-testid="case-deadlines">
      {shown.map((clock) => (
        <div key={clock} className="case-deadline-row" data-testid={`clock-${clock}`}>
          <Typography.Text type="secondary">{t(`deadline.clock.${clock}`)}</Typography.Text>
          <span>{beijing(deadlines[clock])}</span>
          {running(clock) ? (
            <DeadlineTag
              at={deadlines[clock] as string}
              state={clock === nearest ? ticket.deadlineState : undefined}
              provisional={deadlines.provisional}
              paused={handling.paused !== null && (clock === 'acceptBy' || clock === 'resolveBy')}
              startedAt={clockStart(ticket, clock)}
              measure={clockMeasure(clock, ticket.kind)}
            />
          ) : (
            <Tag bordered={false}>{t('deadline.met')}</Tag>
          )}
        </div>
      ))}
      {!shown.length && (
        <Typography.Text type="secondary" className="case-deadline-note">
          {t('time.notStarted')}
        </Typography.Text>
      )}
      {handling.paused && (
        <Tag color="default" className="case-deadline-note" data-testid="case-paused">
          {t('deadline.pausedSince', { reason: t(`pauseReason.${handling.paused.reason}`), at: beijing(handling.paused.from) })}
        </Tag>
      )}
      {handling.pauses.filter((pause) => pause.to).length > 0 && (
        <Typography.Text type="secondary" className="field-note case-deadline-note">
          {t('deadline.pauseHistory')}：
          {handling.pauses
            .filter((pause) => pause.to)
            .map((pause) => `${t(`pauseReason.${pause.reason}`)} ${beijing(pause.from)} – ${beijing(pause.to)}（${t('deadline.pauseDays', { n: pause.workingDays ?? 0 })}）`)
            .join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
