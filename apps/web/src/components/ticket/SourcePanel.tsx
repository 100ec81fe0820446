import { Tabs } from 'antd';
import type { Ticket } from '../../api/types';
import { useI18n } from '../../i18n';
import { AttachmentList } from './AttachmentList';
import { HistoryTimeline } from './HistoryTimeline';
import { RawRecord } from './RawRecord';

export function SourcePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  return (
    <Tabs
      className="source-panel"
      size="small"
      destroyOnHidden
      items={[
        { key: 'raw', label: t('ticket.raw'), children: <RawRecord ticketId={ticket.id} rawId={ticket.rawId} /> },
        { key: 'history', label: t('ticket.history'), children: <HistoryTimeline ticketId={ticket.id} version={ticket.version} /> },
        { key: 'attachments', label: t('ticket.attachments'), children: <AttachmentList ticketId={ticket.id} /> },
      ]}
    />
  );
}
