import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { TicketView } from '@hub/contracts';
import { useI18n } from '../i18n';
import { FlagTags } from './FlagTags';
import { Kbd } from './Kbd';
import { StatusTag } from './StatusTag';

/** The top line of a ticket: back (Esc), its tracking code to copy, status, outcome and flags. */
export function TicketHeading({ ticket, onBack }: { ticket: TicketView; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <Space size={10} wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="ticket-back">
        {t('ticket.back')} <Kbd>Esc</Kbd>
      </Button>
      <Typography.Title level={4} className="ticket-code" copyable data-testid="ticket-tracking-code">
        {ticket.trackingCode}
      </Typography.Title>
      <span data-testid="case-status">
        <StatusTag status={ticket.status} />
      </span>
      {ticket.outcome && <Tag color="green">{t(`outcome.${ticket.outcome}`)}</Tag>}
      <FlagTags flags={ticket.flags} />
    </Space>
  );
}
