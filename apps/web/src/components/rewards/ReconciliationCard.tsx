import { CheckCircleFilled, ReloadOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { rewardsApi } from '../../api/rewards';
import type { Reconciliation } from '../../api/rewards-types';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';

/** Whether grants, commitments and payouts add up for the year, from the server's check. */
export function ReconciliationCard({ year, compact = false }: { year: number; compact?: boolean }) {
  const { t } = useI18n();
  const onError = useErrorHandler();
  const [result, setResult] = useState<Reconciliation | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(() => {
    setBusy(true);
    rewardsApi
      .reconciliation(year)
      .then(setResult, onError)
      .finally(() => setBusy(false));
  }, [year, onError]);
  useEffect(run, [run]);

  if (compact) {
    return (
      <div className="recon-inline" data-testid="reconciliation" data-ok={result ? String(result.ok) : undefined}>
        <Typography.Text strong>{t('recon.title')}</Typography.Text>
        {result && (
          <span className={`recon-status ${result.ok ? 'recon-ok' : 'recon-bad'}`} title={result.problems.map((problem) => problem.message).join('\n')}>
            {result.ok ? <CheckCircleFilled /> : <WarningFilled />}
            <span>{result.ok ? t('recon.ok') : t('recon.bad')}</span>
          </span>
        )}
        {result && (
          <Typography.Text type="secondary" className="field-note">
            {t('recon.checkedAt', { time: beijing(result.checkedAt) })}
          </Typography.Text>
        )}
        <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={run} data-testid="recon-run">
          {t('recon.run')}
        </Button>
      </div>
    );
  }

  return (
    <Card
      size="small"
      title={t('recon.title')}
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={run} data-testid="recon-run">
          {t('recon.run')}
        </Button>
      }
      data-testid="reconciliation"
      data-ok={result ? String(result.ok) : undefined}
    >
      {result && (
        <>
          <div className={`recon-status ${result.ok ? 'recon-ok' : 'recon-bad'}`}>
            {result.ok ? <CheckCircleFilled /> : <WarningFilled />}
            <span>{result.ok ? t('recon.ok') : t('recon.bad')}</span>
          </div>
          <Typography.Text type="secondary" className="field-note">
            {t('recon.checkedAt', { time: beijing(result.checkedAt) })}
          </Typography.Text>
          {result.problems.length > 0 && (
            <List size="small" dataSource={result.problems} renderItem={(problem) => <List.Item>{`${problem.department} ${problem.year}: ${problem.message}`}</List.Item>} />
          )}
        </>
      )}
    </Card>
  );
}
