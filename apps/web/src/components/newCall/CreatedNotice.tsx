import { Alert, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { Ticket } from '../../api/types';
import { useI18n } from '../../i18n';

export function CreatedNotice({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      className="created-notice"
      data-testid="newcall-result"
      message={
        <Space size={12} wrap>
          <span>
            {t('newCall.created')}
            <strong className="mono" data-testid="newcall-tracking-code">
              {ticket.trackingCode}
            </strong>
          </span>
          <Link to={`/tickets/${encodeURIComponent(ticket.id)}`} data-testid="newcall-open">
            {t('newCall.open')}
          </Link>
        </Space>
      }
    />
  );
}
