import { Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Ticket } from '../../api/types';
import { useI18n } from '../../i18n';
import { StatusTag } from '../StatusTag';

export function DuplicateLinks({ ids, tickets }: { ids: string[]; tickets: Map<string, Ticket> }) {
  const { t } = useI18n();
  if (!ids.length) return <Typography.Text type="secondary">{t('ticket.noDuplicates')}</Typography.Text>;
  return (
    <Space direction="vertical" size={2} data-testid="ticket-duplicates">
      {ids.map((id) => {
        const ticket = tickets.get(id);
        return (
          <Space key={id} size={6}>
            <Link to={`/tickets/${encodeURIComponent(id)}`} data-testid={`duplicate-link-${ticket?.trackingCode ?? id}`}>
              {ticket?.trackingCode ?? id}
            </Link>
            {ticket && <StatusTag status={ticket.status} />}
            {ticket?.subject?.name && <Typography.Text type="secondary">{ticket.subject.name}</Typography.Text>}
          </Space>
        );
      })}
    </Space>
  );
}
