import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { PROVINCE_SCOPE, REPORT_HALVES, type ReportState } from '@hub/contracts';
import { Alert, Button, Card, Empty, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { reportsApi, type ReportFormat, type ReportHalf, type ReportRunView } from '../api/reports';
import { useHasRole, useMe } from '../context/AuthContext';
import { useLive, useLiveEvent } from '../context/LiveContext';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { useI18n } from '../i18n';
import { saveBlob } from '../lib/files';
import { beijing } from '../lib/time';

const STATE_COLORS: Record<ReportState, string> = { QUEUED: 'default', RUNNING: 'processing', DONE: 'success', FAILED: 'error' };
const ACTIVE: readonly ReportState[] = ['QUEUED', 'RUNNING'];
/** while the socket is down, active runs are read again this often */
const POLL_MS = 3000;

/** The half that ended last, in Beijing time: what a report is usually asked for. */
function lastEndedHalf(now = new Date()): { year: number; half: ReportHalf } {
  const beijing = new Date(now.getTime() + 8 * 3600 * 1000);
  const year = beijing.getUTCFullYear();
  return beijing.getUTCMonth() < 6 ? { year: year - 1, half: 'H2' } : { year, half: 'H1' };
}

function halfEnded(year: number, half: ReportHalf, now = new Date()): boolean {
  const end = half === 'H1' ? `${year}-06-30` : `${year}-12-31`;
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10) > end;
}

/** Runs by id, newest first, with a changed run replaced where it stands. */
function upsert(runs: ReportRunView[], run: ReportRunView): ReportRunView[] {
  return runs.some((r) => r.id === run.id) ? runs.map((r) => (r.id === run.id ? run : r)) : [run, ...runs];
}

/** SUPERVISOR (any scope) and UNIT_HEAD (their unit): ask for a half-year report, follow it live, download XLSX and PDF. */
export function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const supervisor = useHasRole('SUPERVISOR');
  const head = useHasRole('UNIT_HEAD');
  const { taxonomy, unitName } = useTaxonomy();
  const onError = useErrorHandler();
  const { connected, epoch } = useLive();
  const [params, setParams] = useSearchParams();
  const fallback = lastEndedHalf();
  const scope = supervisor ? (params.get('scope') ?? PROVINCE_SCOPE) : (me.unit ?? '');
  const year = Number(params.get('year')) || fallback.year;
  const half: ReportHalf = params.get('half') === 'H1' || params.get('half') === 'H2' ? (params.get('half') as ReportHalf) : fallback.half;
  const [runs, setRuns] = useState<ReportRunView[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState(false);

  const load = useCallback(() => {
    reportsApi.list().then(
      (page) => {
        setRuns(page.items);
        setNextCursor(page.nextCursor);
        setFailed(false);
      },
      (error) => {
        setFailed(true);
        onError(error);
      },
    );
  }, [onError]);
  useEffect(load, [load, epoch]);
  useLiveEvent('report.progress', (run) => setRuns((current) => (current ? upsert(current, run) : current)));
  const anyActive = !!runs?.some((run) => ACTIVE.includes(run.state));
  useEffect(() => {
    if (connected || !anyActive) return;
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [connected, anyActive, load]);

  const setChoice = (change: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...change }, { replace: true });
  const ask = async () => {
    setAsking(true);
    try {
      const run = await reportsApi.request({ scope, year, half });
      setRuns((current) => upsert(current ?? [], run));
    } catch (error) {
      onError(error);
    } finally {
      setAsking(false);
    }
  };
  const more = () => nextCursor && reportsApi.list(nextCursor).then((page) => {
    setRuns((current) => [...(current ?? []), ...page.items]);
    setNextCursor(page.nextCursor);
  }, onError);
  const download = (run: ReportRunView, format: ReportFormat) => {
    const file = run.files.find((f) => f.format === format);
    reportsApi.file(run.id, format).then((blob) => saveBlob(blob, file?.fileName ?? `report.${format}`), onError);
  };

  const scopeOptions = useMemo(
    () => [
      { value: PROVINCE_SCOPE, label: t('reports.scope.province') },
      ...taxonomy.units.map((unit) => ({ value: unit.code, label: unit.name })),
    ],
    [taxonomy.units, t],
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const scopeText = (code: string) => (code === PROVINCE_SCOPE ? t('reports.scope.province') : unitName(code));

  const columns: ColumnsType<ReportRunView> = [
    {
      title: t('reports.col.report'),
      key: 'report',
      render: (_, run) => (
        <Space size={4} wrap>
          <Typography.Text strong>{scopeText(run.scope)}</Typography.Text>
          <span>{t('reports.period', { year: run.year, half: t(`reports.half.${run.half}`) })}</span>
          {run.version > 1 && <Tag>{t('reports.version', { n: run.version })}</Tag>}
          {run.provisional && <Tag color="orange">{t('reports.provisional')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('reports.col.state'),
      key: 'state',
      width: 220,
      render: (_, run) =>
        ACTIVE.includes(run.state) ? (
          <Progress percent={run.progress} size="small" status="active" format={(p) => `${t(`reports.state.${run.state}`)} ${p}%`} data-testid={`report-progress-${run.id}`} />
        ) : (
          <Tag color={STATE_COLORS[run.state]} title={run.error ?? undefined} data-testid={`report-state-${run.id}`}>
            {t(`reports.state.${run.state}`)}
          </Tag>
        ),
    },
    { title: t('reports.col.requestedBy'), dataIndex: 'requestedByName', width: 180 },
    { title: t('reports.col.requestedAt'), key: 'requestedAt', width: 150, render: (_, run) => beijing(run.requestedAt) },
    { title: t('reports.col.finishedAt'), key: 'finishedAt', width: 150, render: (_, run) => beijing(run.finishedAt) },
    {
      title: t('reports.col.files'),
      key: 'files',
      width: 200,
      render: (_, run) =>
        run.state === 'DONE' ? (
          <Space size={4}>
            <Button size="small" icon={<FileExcelOutlined />} onClick={() => download(run, 'xlsx')} data-testid={`report-xlsx-${run.id}`}>
              XLSX
            </Button>
            <Button size="small" icon={<FilePdfOutlined />} onClick={() => download(run, 'pdf')} data-testid={`report-pdf-${run.id}`}>
              PDF
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  if (!supervisor && !head) return <Navigate to="/" replace />;
  return (
    <div className="page page-scroll" data-testid="reports">
      <Typography.Title level={4} className="page-head">
        {t('reports.title')}
      </Typography.Title>
      <Card size="small" className="reports-ask">
        <Space wrap align="center">
          <Select
            showSearch
            optionFilterProp="label"
            className="reports-scope"
            value={scope}
            disabled={!supervisor}
            options={supervisor ? scopeOptions : [{ value: scope, label: unitName(scope) }]}
            onChange={(value) => setChoice({ scope: value })}
            aria-label={t('reports.scope')}
            data-testid="report-scope"
          />
          <Select value={year} options={years.map((y) => ({ value: y, label: t('reports.year', { year: y }) }))} onChange={(value) => setChoice({ year: String(value) })} aria-label={t('reports.yearLabel')} data-testid="report-year" />
          <Radio.Group optionType="button" value={half} onChange={(e) => setChoice({ half: e.target.value as string })} data-testid="report-half">
            {REPORT_HALVES.map((h) => (
              <Radio.Button key={h} value={h}>
                {t(`reports.half.${h}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
          <Button type="primary" icon={<FileTextOutlined />} loading={asking} onClick={() => void ask()} data-testid="report-request">
            {t('reports.request')}
          </Button>
        </Space>
        {!halfEnded(year, half) && <Alert className="reports-hint" type="info" showIcon message={t('reports.provisionalHint')} />}
      </Card>
      <Card
        size="small"
        title={t('reports.runs')}
        extra={<Button size="small" type="text" icon={<ReloadOutlined />} onClick={load} aria-label={t('action.retry')} />}
      >
        {failed && !runs ? (
          <Alert type="error" showIcon message={t('error.load')} action={<Button size="small" onClick={load}>{t('action.retry')}</Button>} />
        ) : (
          <Table<ReportRunView>
            size="small"
            rowKey="id"
            loading={runs === null}
            dataSource={runs ?? []}
            columns={columns}
            pagination={false}
            locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
            footer={nextCursor ? () => <Button onClick={() => void more()}>{t('reports.more')}</Button> : undefined}
          />
        )}
      </Card>
    </div>
  );
}
