import { CLOCKS, TERMINAL_STATUSES, type Clock } from '@hub/contracts';
import { Space, Tag, Typography } from 'antd';
import type { Ticket } from '../../api/types';
import { useI18n } from '../../i18n';
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
  const running = CLOCKS.filter((clock) => deadlines[clock]);
  return (
    <Space direction="vertical" size={4} className="deadlines" data-testid="case-deadlines">
      {running.map((clock) => (
        <div key={clock} className="deadline-row case-deadline-row" data-testid={`clock-${clock}`}>
          <Typography.Text type="secondary">{t(`deadline.clock.${clock}`)}</Typography.Text>
          <span>{beijing(deadlines[clock])}</span>
          {open ? (
            <DeadlineTag at={deadlines[clock] as string} provisional={deadlines.provisional} paused={handling.paused !== null} startedAt={clockStart(ticket, clock)} />
          ) : (
            <Tag bordered={false}>{t('status.CLOSED')}</Tag>
          )}
        </div>
      ))}
      {!running.length && <Typography.Text type="secondary">{t('time.notStarted')}</Typography.Text>}
      {handling.paused && (
        <Tag color="default" data-testid="case-paused">
          {t('deadline.pausedSince', { reason: t(`pauseReason.${handling.paused.reason}`), at: beijing(handling.paused.from) })}
        </Tag>
      )}
      {handling.pauses.filter((pause) => pause.to).length > 0 && (
        <Typography.Text type="secondary" className="field-note">
          {t('deadline.pauseHistory')}：
          {handling.pauses
            .filter((pause) => pause.to)
            .map((pause) => `${t(`pauseReason.${pause.reason}`)} ${beijing(pause.from)} – ${beijing(pause.to)}（${t('deadline.pauseDays', { n: pause.workingDays ?? 0 })}）`)
            .join('；')}
        </Typography.Text>
      )}
    </Space>
  );
}
