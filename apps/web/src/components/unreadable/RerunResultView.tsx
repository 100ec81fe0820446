import { Alert, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RerunResult } from '../../api/types';
import { useI18n } from '../../i18n';

export function RerunResultView({ result }: { result: RerunResult }) {
  const { t } = useI18n();
  const ok = result.accepted.length > 0 && result.rejected.length === 0;
  return (
    <Alert
      type={ok ? 'success' : result.accepted.length ? 'warning' : 'error'}
      showIcon
      data-testid="rerun-result"
      data-state={result.state}
      message={
        <Space size={8}>
          <strong>{t('unreadable.rerunResult')}</strong>
          <Tag>{t(`rawState.${result.state}`)}</Tag>
          <span data-testid="rerun-accepted">{t('unreadable.accepted', { n: result.accepted.length })}</span>
          <span data-testid="rerun-rejected">{t('unreadable.rejected', { n: result.rejected.length })}</span>
        </Space>
      }
      description={
        <>
          {result.error && (
            <Typography.Paragraph type="danger">
              {result.error.code}: {result.error.message}
            </Typography.Paragraph>
          )}
          {result.accepted.length > 0 && (
            <Space wrap>
              {result.accepted.map((item) => (
                <Link key={item.ticketId} to={`/tickets/${encodeURIComponent(item.ticketId)}`}>
                  {item.trackingCode}
                </Link>
              ))}
            </Space>
          )}
          {result.rejected.length > 0 && (
            <List
              size="small"
              dataSource={result.rejected}
              renderItem={(item) => (
                <List.Item>
                  {t('unreadable.recordIndex', { n: item.index })}
                  {item.externalId && ` (${item.externalId})`}: {item.errors.map((error) => `${error.field} ${error.message}`).join('；')}
                </List.Item>
              )}
            />
          )}
        </>
      }
    />
  );
}
