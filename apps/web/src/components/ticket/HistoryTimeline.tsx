import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { ticketsApi } from '../../api/endpoints';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { historyActionLabel } from '../../lib/labels';
import { beijing } from '../../lib/time';
import { StatusTag } from '../StatusTag';

export function HistoryTimeline({ ticketId, version }: { ticketId: string; version: number }) {
  const { t } = useI18n();
  const fetched = useFetched(`${ticketId}:${version}`, () => ticketsApi.history(ticketId));

  if (fetched.state === 'loading') return <Spin />;
  const entries = fetched.state === 'ready' ? fetched.data : [];
  if (!entries.length) return <Empty description={t('ticket.noHistory')} />;
  return (
    <Timeline
      className="history"
      data-testid="ticket-history"
      items={entries.map((entry) => ({
        key: entry.id,
        children: (
          <div>
            <Typography.Text type="secondary">{beijing(entry.at)}</Typography.Text> <Typography.Text strong>{entry.actor ?? t('ticket.system')}</Typography.Text>{' '}
            <Tag bordered={false} color="processing" data-action={entry.action}>
              {historyActionLabel(t, entry.action)}
            </Tag>
            {entry.toStatus && (
              <div>
                {entry.fromStatus && <StatusTag status={entry.fromStatus} />}
                {entry.fromStatus && '→ '}
                <StatusTag status={entry.toStatus} />
              </div>
            )}
            {entry.reason && <div className="history-reason">{entry.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
