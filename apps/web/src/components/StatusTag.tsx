import { Tag } from 'antd';
import type { TicketStatus } from '@hub/contracts';
import { useI18n } from '../i18n';

const COLORS: Record<TicketStatus, string> = {
  RECEIVED: 'default',
  TRIAGE: 'orange',
  DISPATCHED: 'blue',
  ACCEPTED: 'cyan',
  RETURNED: 'volcano',
  IN_PROGRESS: 'geekblue',
  TRANSFERRED_TO_POLICE: 'purple',
  CLOSED: 'green',
  MERGED: 'default',
  DISCARDED: 'default',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} bordered={false} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
