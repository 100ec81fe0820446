import { ReloadOutlined } from '@ant-design/icons';
import { TREND_ALERT_STATUSES, type TrendAlertStatus } from '@hub/contracts';
import { App, Button, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { trendsApi } from '../api/trends';
import { Kbd } from '../components/Kbd';
import { TrendAlertsPanel } from '../components/supervision/TrendAlertsPanel';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { useHotkeys } from '../hooks/useHotkeys';
import { useI18n } from '../i18n';

const isStatus = (value: string | null): value is TrendAlertStatus => TREND_ALERT_STATUSES.includes(value as TrendAlertStatus);

/** SUPERVISOR: every trend alert, full-size, filtered by state in the URL; "scan now" runs the watch without waiting for its 10-minute pass. */
export function TrendsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : undefined;
  const [scanning, setScanning] = useState(false);

  const setStatus = (next: string) => setParams(next === 'ALL' ? {} : { status: next }, { replace: true });
  const scan = async () => {
    setScanning(true);
    try {
      await trendsApi.scan();
      void message.info(t('trends.scanQueued'));
    } catch (error) {
      onError(error);
    } finally {
      setScanning(false);
    }
  };
  useHotkeys({ s: () => void scan(), '1': () => setStatus('ALL'), '2': () => setStatus('OPEN'), '3': () => setStatus('ACKNOWLEDGED') });

  return (
    <div className="page page-scroll" data-testid="trends-page">
      <Typography.Title level={4} className="page-head">
        {t('trends.pageTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('trends.method')}</Typography.Paragraph>
      <TrendAlertsPanel
        status={status}
        extra={
          <Space>
            <Radio.Group size="small" value={status ?? 'ALL'} onChange={(e) => setStatus(e.target.value as string)} optionType="button" data-testid="trend-filter">
              <Radio.Button value="ALL">{t('trends.filter.all')}</Radio.Button>
              <Radio.Button value="OPEN">{t('trends.status.OPEN')}</Radio.Button>
              <Radio.Button value="ACKNOWLEDGED">{t('trends.status.ACKNOWLEDGED')}</Radio.Button>
            </Radio.Group>
            <Button size="small" icon={<ReloadOutlined />} loading={scanning} onClick={() => void scan()} data-testid="trend-scan">
              {t('trends.scan')} <Kbd>s</Kbd>
            </Button>
          </Space>
        }
      />
    </div>
  );
}
