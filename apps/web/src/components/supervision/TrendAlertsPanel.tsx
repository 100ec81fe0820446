import { CheckOutlined, RiseOutlined } from '@ant-design/icons';
import type { TrendAlertStatus, TrendAlertView, TrendKeyKind } from '@hub/contracts';
import { Alert, Badge, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { trendsApi } from '../../api/trends';
import { useLive, useLiveEvent } from '../../context/LiveContext';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useFreshRows } from '../../hooks/useFreshRows';
import { useI18n, type Translate } from '../../i18n';
import { beijing, durationWords } from '../../lib/time';

const KIND_COLORS: Record<TrendKeyKind, string> = { SUBJECT: 'volcano', PRODUCT: 'purple', REGION: 'geekblue' };

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; items: TrendAlertView[] };

export interface TrendAlertsPanelProps {
  /** only alerts in this state; all (open first) when absent */
  status?: TrendAlertStatus;
  /** the dashboard's card: fewer columns, a fixed height; the /trends page shows it full-size */
  compact?: boolean;
  /** shown at the right of the title (the page's filter and "scan now") */
  extra?: ReactNode;
}

/**
 * Trend alerts (定期研判) for SUPERVISORs: subjects, products and regions far above their usual
 * ticket rate, live over the socket (a new or grown alert appears at the top), acknowledged here.
 */
export function TrendAlertsPanel({ status, compact = false, extra }: TrendAlertsPanelProps) {
  const { t } = useI18n();
  const { feedName } = useTaxonomy();
  const { epoch } = useLive();
  const onError = useErrorHandler();
  const { fresh, mark } = useFreshRows();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [acknowledging, setAcknowledging] = useState<string | null>(null);

  const load = useCallback(() => {
    let current = true;
    trendsApi.alerts(status).then(
      (page) => current && setLoaded({ state: 'ready', items: page.items }),
      (error) => {
        if (!current) return;
        setLoaded({ state: 'failed' });
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [status, onError]);
  useEffect(load, [load, epoch]);

  const upsert = useCallback(
    (alert: TrendAlertView) => {
      setLoaded((prev) => {
        if (prev.state !== 'ready') return prev;
        const others = prev.items.filter((item) => item.id !== alert.id);
        return { state: 'ready', items: !status || alert.status === status ? sortAlerts([alert, ...others]) : others };
      });
    },
    [status],
  );
  useLiveEvent('trend.alert', (alert) => {
    upsert(alert);
    if (alert.status === 'OPEN') mark([alert.id]);
  });

  const acknowledge = async (id: string) => {
    setAcknowledging(id);
    try {
      upsert(await trendsApi.acknowledge(id));
    } catch (error) {
      onError(error);
    } finally {
      setAcknowledging(null);
    }
  };

  const items = loaded.state === 'ready' ? loaded.items : [];
  const open = items.filter((item) => item.status === 'OPEN').length;
  const columns = alertColumns(t, feedName, compact, acknowledging, acknowledge);

  return (
    <Card
      size="small"
      className={compact ? 'trend-panel trend-panel-compact' : 'trend-panel'}
      data-testid="trend-alerts"
      title={
        <Space>
          <RiseOutlined />
          <span>{t('trends.title')}</span>
          <Badge count={open} size="small" data-testid="trend-open-count" />
        </Space>
      }
      extra={extra}
    >
      {loaded.state === 'failed' ? (
        <Alert type="error" showIcon message={t('error.load')} action={<Button size="small" onClick={load}>{t('trends.retry')}</Button>} />
      ) : (
        <Table<TrendAlertView>
          rowKey="id"
          size="small"
          loading={loaded.state === 'loading'}
          dataSource={items}
          columns={columns}
          pagination={false}
          scroll={compact ? { y: 260 } : undefined}
          rowClassName={(row) => [fresh.has(row.id) ? 'row-fresh' : '', row.status === 'ACKNOWLEDGED' ? 'trend-acknowledged' : ''].join(' ')}
          onRow={(row) => ({ 'data-testid': `trend-alert-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(status === 'ACKNOWLEDGED' ? 'trends.emptyAcknowledged' : 'trends.empty')} /> }}
        />
      )}
    </Card>
  );
}

function alertColumns(
  t: Translate,
  feedName: (code: string) => string,
  compact: boolean,
  acknowledging: string | null,
  acknowledge: (id: string) => void,
): ColumnsType<TrendAlertView> {
  const columns: ColumnsType<TrendAlertView> = [
    {
      title: t('trends.col.what'),
      key: 'what',
      render: (_, row) => (
        <div className="cell-2">
          <Space size={4}>
            <Tag color={KIND_COLORS[row.keyKind]}>{t(`trends.kind.${row.keyKind}`)}</Tag>
            <Typography.Text strong data-testid="trend-label">
              {row.label}
            </Typography.Text>
          </Space>
          {!compact && row.keyKind === 'SUBJECT' && row.key.startsWith('uscc:') && (
            <Typography.Text type="secondary" className="field-note">
              {t('records.public.uscc')} {row.key.slice(5)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('trends.col.count'),
      key: 'count',
      width: compact ? 130 : 190,
      render: (_, row) => (
        <Tooltip title={t('trends.countHint', { p: row.pValue.toExponential(1) })}>
          <div className="cell-2" data-testid="trend-count">
            <Typography.Text strong>{t('trends.observed', { n: row.observed })}</Typography.Text>
            <Typography.Text type="secondary" className="field-note">
              {t('trends.expected', { n: formatExpected(row.expected) })}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
    },
    {
      title: t('trends.col.hotlines'),
      key: 'hotlines',
      width: compact ? 150 : 260,
      render: (_, row) => (
        <Space size={[2, 2]} wrap data-testid="trend-hotlines">
          {row.hotlines.map((feed) => (
            <Tooltip key={feed} title={feedName(feed)}>
              <Tag>{feed}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('trends.col.since'),
      key: 'since',
      width: compact ? 120 : 170,
      render: (_, row) => (
        <div className="cell-2">
          <span>{beijing(row.raisedAt)}</span>
          <Typography.Text type="secondary" className="field-note">
            {sinceWords(t, row.raisedAt)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('trends.col.status'),
      key: 'status',
      width: compact ? 150 : 200,
      render: (_, row) =>
        row.status === 'OPEN' ? (
          <Button size="small" icon={<CheckOutlined />} loading={acknowledging === row.id} onClick={() => acknowledge(row.id)} data-testid="trend-acknowledge">
            {t('trends.acknowledge')}
          </Button>
        ) : (
          <div className="cell-2">
            <Tag color="green">{t('trends.status.ACKNOWLEDGED')}</Tag>
            {!compact && (
              <Typography.Text type="secondary" className="field-note">
                {row.acknowledgedBy} · {beijing(row.acknowledgedAt)}
              </Typography.Text>
            )}
          </div>
        ),
    },
  ];
  return columns;
}

function sinceWords(t: Translate, raisedAt: string): string {
  const ms = Date.now() - Date.parse(raisedAt);
  return ms < 60_000 ? t('trends.justNow') : t('trends.ago', { d: durationWords(ms, t) });
}

/** Open first, then the latest found. */
function sortAlerts(items: TrendAlertView[]): TrendAlertView[] {
  return [...items].sort((a, b) => Number(b.status === 'OPEN') - Number(a.status === 'OPEN') || b.updatedAt.localeCompare(a.updatedAt));
}

function formatExpected(n: number): string {
  return n < 0.1 ? n.toFixed(2) : n < 10 ? n.toFixed(1) : String(Math.round(n));
}
