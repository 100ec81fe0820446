import { Badge, Tooltip } from 'antd';
import { useLive } from '../context/LiveContext';
import { useI18n } from '../i18n';

export function LiveStatus() {
  const { connected } = useLive();
  const { t } = useI18n();
  return (
    <Tooltip title={t(connected ? 'live.online' : 'live.offline')}>
      <Badge status={connected ? 'success' : 'error'} data-testid="live-status" data-connected={connected} />
    </Tooltip>
  );
}
