import { Alert, Button, Card, Col, Result, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DashboardQuery, PeriodFigures } from '@hub/contracts';
import { supervisionApi } from '../api/supervision';
import { EChart } from '../components/EChart';
import { PeriodPicker, usePeriodParam } from '../components/PeriodPicker';
import { TrendAlertsPanel } from '../components/supervision/TrendAlertsPanel';
import { useMe, useWorkspace } from '../context/AuthContext';
import { useCounters } from '../context/CountersContext';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useLiveFigures } from '../hooks/useLiveFigures';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n';
import { FLOW_COLORS, flowOption, percent, rankedOption, routingOption, TOP_UNITS } from '../lib/dashboardCharts';
import { formatFen } from '../lib/money';
import { shortName } from '../lib/taxonomyNames';
import { durationWords } from '../lib/time';

const FILTERS = ['unit', 'feed', 'region', 'category'] as const;
type Filter = (typeof FILTERS)[number];

function useFilters(): { filters: Partial<Record<Filter, string>>; setFilter: (name: Filter, value: string | undefined) => void; clear: () => void } {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f) as string]] : [])));
  const update = (change: (p: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        change(out);
        return out;
      },
      { replace: true },
    );
  return {
    filters,
    setFilter: (name, value) => update((p) => (value ? p.set(name, value) : p.delete(name))),
    clear: () => update((p) => FILTERS.forEach((f) => p.delete(f))),
  };
}

/** The triage queue as the console counters have it, live over the socket. */
function TriageCards() {
  const { t } = useI18n();
  const counters = useCounters();
  const now = useNow(1000);
  const oldest = counters?.oldestTriageReceivedAt;
  return (
    <>
      <Col xs={12} md={6} xl={3}>
        <Card size="small" data-testid="dash-triage-size">
          <Statistic title={<>{t('counters.triageWaiting')} <Tag color="green">{t('dashboard.live')}</Tag></>} value={counters?.triageWaiting ?? '—'} />
        </Card>
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Card size="small" data-testid="dash-triage-oldest">
          <Statistic title={t('counters.oldestWait')} value={oldest ? durationWords(now - Date.parse(oldest), t) : t('counters.none')} />
        </Card>
      </Col>
    </>
  );
}

function Totals({ figures }: { figures: PeriodFigures }) {
  const { t } = useI18n();
  const totals = figures.totals;
  const card = (key: string, title: string, value: number | string, color?: string) => (
    <Col xs={12} md={6} xl={3} key={key}>
      <Card size="small" data-testid={`dash-total-${key}`}>
        <Statistic title={title} value={value} valueStyle={{ color, fontSize: typeof value === 'string' ? 18 : undefined, whiteSpace: 'nowrap' }} />
      </Card>
    </Col>
  );
  return (
    <>
      {card('received', t('dashboard.total.received'), totals.received, FLOW_COLORS.received)}
      {card('dispatched', t('dashboard.total.dispatched'), totals.dispatched, FLOW_COLORS.dispatched)}
      {card('closed', t('dashboard.total.closed'), totals.closed, FLOW_COLORS.closed)}
      {card('overdue', t('dashboard.total.overdue'), totals.overdue, totals.overdue ? FLOW_COLORS.overdue : undefined)}
      {card('penalized', t('dashboard.total.penalized'), totals.penalized)}
      {card('fines', t('dashboard.total.fines'), formatFen(totals.fineFen + totals.confiscationFen))}
    </>
  );
}

function ChartCard({ title, testId, children, extra }: { title: string; testId: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} styles={{ body: { padding: '8px 12px' } }}>
      {children}
    </Card>
  );
}

function Charts({ figures, units }: { figures: PeriodFigures; units: boolean }) {
  const { t } = useI18n();
  const { feedName, regionName, unitName, label } = useTaxonomy();
  const categoryName = (code: string) => (code ? shortName(label('categories', code)) : t('dashboard.unclassified'));
  const options = useMemo(
    () => ({
      flow: flowOption(figures, t),
      feed: rankedOption(figures.byFeed, (k) => `${k} ${shortName(feedName(k))}`.trim(), t),
      region: rankedOption(figures.byRegion, regionName, t),
      category: rankedOption(figures.byCategory, categoryName, t),
      unit: rankedOption(figures.byUnit.slice(0, TOP_UNITS), unitName, t, ['dispatched', 'closed', 'overdue']),
      routing: routingOption(figures, t),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [figures, t],
  );
  const rq = figures.routingQuality;
  const barHeight = (n: number) => Math.max(160, 40 + n * 26);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={16}>
        <ChartCard title={t('dashboard.chart.flow')} testId="chart-flow">
          <EChart option={options.flow} height={280} label={t('dashboard.chart.flow')} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={t('dashboard.chart.byFeed')} testId="chart-by-feed">
          <EChart option={options.feed} height={280} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={units ? 8 : 12}>
        <ChartCard title={t('dashboard.chart.byRegion')} testId="chart-by-region">
          <EChart option={options.region} height={barHeight(figures.byRegion.length)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={units ? 8 : 12}>
        <ChartCard title={t('dashboard.chart.byCategory')} testId="chart-by-category">
          <EChart option={options.category} height={barHeight(figures.byCategory.length)} />
        </ChartCard>
      </Col>
      {units && (
        <Col xs={24} lg={12} xl={8}>
          <ChartCard title={t('dashboard.chart.byUnit', { n: TOP_UNITS })} testId="chart-by-unit">
            <EChart option={options.unit} height={barHeight(Math.min(TOP_UNITS, figures.byUnit.length))} />
          </ChartCard>
        </Col>
      )}
      <Col xs={24} lg={12} xl={24}>
        <ChartCard
          title={t('dashboard.chart.routing')}
          testId="chart-routing"
          extra={
            <Typography.Text type="secondary" data-testid="routing-summary">
              {t('dashboard.routing.summary', { routed: rq.routed, auto: rq.autoRouted, share: percent(rq.autoRouted, rq.routed), corrected: rq.corrected })}
            </Typography.Text>
          }
        >
          <EChart option={options.routing} height={220} />
        </ChartCard>
      </Col>
    </Row>
  );
}

function FilterBar({ units }: { units: boolean }) {
  const { t } = useI18n();
  const { taxonomy, unitName, regionName, label } = useTaxonomy();
  const { filters, setFilter, clear } = useFilters();
  const select = (name: Filter, options: Array<{ value: string; label: string }>, width: number) => (
    <Select
      data-testid={`dash-filter-${name}`}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t(`dashboard.filter.${name}`)}
      style={{ width }}
      value={filters[name]}
      onChange={(value?: string) => setFilter(name, value)}
      options={options}
    />
  );
  return (
    <Space wrap>
      {select('feed', Object.keys(taxonomy.feeds).map((code) => ({ value: code, label: `${code} ${shortName(taxonomy.feeds[code])}` })), 150)}
      {select('region', Object.keys(taxonomy.regions).map((code) => ({ value: code, label: regionName(code) })), 150)}
      {select('category', Object.keys(taxonomy.categories).map((code) => ({ value: code, label: shortName(label('categories', code)) })), 150)}
      {units && select('unit', taxonomy.units.map((u) => ({ value: u.code, label: unitName(u.code) })), 220)}
      {Object.keys(filters).length > 0 && <Button onClick={clear}>{t('dashboard.filter.clear')}</Button>}
    </Space>
  );
}

/**
 * 监管看板: the period's flow by day, hotline, region, category and unit; routing quality; the live
 * triage queue and trend alerts. A unit head sees the same for their own unit (the server holds them to it).
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { unitName } = useTaxonomy();
  const supervisor = useWorkspace() === 'supervisor';
  const me = useMe();
  const { period } = usePeriodParam();
  const { filters } = useFilters();
  const query: DashboardQuery = { ...period, ...filters, unit: supervisor ? filters.unit : undefined };
  const key = JSON.stringify(query);
  const { data, loading, stale, failed, reload } = useLiveFigures(key, () => supervisionApi.dashboard(query));
  const empty = data && data.totals.received + data.totals.dispatched + data.totals.closed === 0;
  return (
    <div className="page page-scroll dashboard" data-testid="dashboard">
      <Space className="page-head" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {supervisor ? t('dashboard.title') : t('dashboard.unitTitle', { unit: unitName(me.unit) })}
        </Typography.Title>
        <PeriodPicker />
      </Space>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <FilterBar units={supervisor} />
        <Space>
          <Typography.Text type="secondary" data-testid="dash-as-of">
            {data?.asOf ? t('dashboard.asOf', { time: new Date(data.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) }) : data ? t('dashboard.notYet') : ''}
          </Typography.Text>
          {supervisor && <Link to={`/assessment?period=custom&from=${period.from}&to=${period.to}`}>{t('dashboard.openAssessment')}</Link>}
        </Space>
      </Space>
      {failed && !data ? (
        <Result status="warning" title={t('error.load')} extra={<Button onClick={reload}>{t('action.retry')}</Button>} />
      ) : (
        <Spin spinning={loading && stale} tip={t('common.loading')} wrapperClassName="dashboard-figures">
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {supervisor && <TriageCards />}
            {data && <Totals figures={data} />}
          </Row>
          {/* trend alerts (定期研判), live: the open ones, acknowledged here or on /trends */}
          {supervisor && (
            <div data-testid="trend-alerts-slot" className="trend-alerts-slot" style={{ marginBottom: 12 }}>
              <TrendAlertsPanel status="OPEN" compact />
            </div>
          )}
          {empty && <Alert type="info" showIcon message={t('dashboard.empty')} style={{ marginBottom: 12 }} data-testid="dash-empty" />}
          {data ? <Charts figures={data} units={supervisor} /> : <div style={{ minHeight: 400 }} />}
        </Spin>
      )}
    </div>
  );
}
