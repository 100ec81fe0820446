import { DownloadOutlined } from '@ant-design/icons';
import { Button, Result, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UnitAssessmentRow } from '@hub/contracts';
import { supervisionApi } from '../api/supervision';
import { PeriodPicker, usePeriodParam } from '../components/PeriodPicker';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useLiveFigures } from '../hooks/useLiveFigures';
import { useI18n, type Translate } from '../i18n';
import { assessmentCsv, CSV_COLUMNS } from '../lib/assessmentCsv';
import { saveBlob } from '../lib/files';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
/** nulls (nothing behind the rate) sort after every number */
const byRate = (pick: (r: UnitAssessmentRow) => number | null) => (a: UnitAssessmentRow, b: UnitAssessmentRow) => (pick(a) ?? -1) - (pick(b) ?? -1);

function RateCell({ rate, figures }: { rate: number | null; figures: string }) {
  return (
    <Tooltip title={figures}>
      <div>{pct(rate)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {figures}
      </Typography.Text>
    </Tooltip>
  );
}

function columnsOf(t: Translate, unitName: (code: string) => string): ColumnsType<UnitAssessmentRow> {
  return [
    { title: t('assessment.col.rank'), dataIndex: 'rank', width: 70, sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
    {
      title: t('assessment.col.unit'),
      dataIndex: 'unit',
      sorter: (a, b) => unitName(a.unit).localeCompare(unitName(b.unit), 'zh-CN'),
      render: (code: string) => (
        <>
          <div>{unitName(code)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('assessment.col.score'),
      dataIndex: 'score',
      width: 90,
      sorter: (a, b) => Number(a.scored) - Number(b.scored) || a.score - b.score,
      render: (score: number, r) =>
        r.scored ? (
          <strong data-testid="assessment-score">{score.toFixed(1)}</strong>
        ) : (
          <Tooltip title={t('assessment.notScored')}>
            <Typography.Text type="secondary" data-testid="assessment-score">
              —
            </Typography.Text>
          </Tooltip>
        ),
    },
    { title: t('assessment.col.dispatched'), dataIndex: 'dispatched', width: 80, sorter: (a, b) => a.dispatched - b.dispatched },
    {
      title: t('assessment.col.acceptOnTime'),
      key: 'accept',
      sorter: byRate((r) => r.acceptOnTimeRate),
      render: (_, r) => <RateCell rate={r.acceptOnTimeRate} figures={t('assessment.figures.accept', { onTime: r.acceptedOnTime, accepted: r.accepted, missed: r.acceptMissed })} />,
    },
    {
      title: t('assessment.col.closeOnTime'),
      key: 'close',
      sorter: byRate((r) => r.closeOnTimeRate),
      render: (_, r) => <RateCell rate={r.closeOnTimeRate} figures={t('assessment.figures.close', { onTime: r.closedOnTime, closed: r.closed, missed: r.closeMissed })} />,
    },
    {
      title: t('assessment.col.returnRate'),
      key: 'return',
      sorter: byRate((r) => r.returnRate),
      render: (_, r) => <RateCell rate={r.returnRate} figures={t('assessment.figures.return', { returned: r.returned, dispatched: r.dispatched })} />,
    },
    {
      title: t('assessment.col.reopenRate'),
      key: 'reopen',
      sorter: byRate((r) => r.reopenRate),
      render: (_, r) => <RateCell rate={r.reopenRate} figures={t('assessment.figures.reopen', { reopened: r.reopened, closed: r.closed })} />,
    },
    {
      title: t('assessment.col.satisfaction'),
      dataIndex: 'satisfaction',
      width: 90,
      render: (s: number | null) => (s === null ? <Typography.Text type="secondary">{t('assessment.notCollected')}</Typography.Text> : pct(s)),
    },
  ];
}

/** 绩效考核: every unit of the period ranked by its score, the figures behind each rate beside it. */
export function AssessmentPage() {
  const { t } = useI18n();
  const { unitName } = useTaxonomy();
  const { period } = usePeriodParam();
  const { data, loading, stale, failed, reload } = useLiveFigures(JSON.stringify(period), () => supervisionApi.assessment(period));
  const exportCsv = () => {
    if (!data) return;
    saveBlob(new Blob([assessmentCsv(data.rows, [...CSV_COLUMNS], unitName)], { type: 'text/csv;charset=utf-8' }), `assessment-${period.from}-${period.to}.csv`);
  };
  return (
    <div className="page page-scroll" data-testid="assessment">
      <Space className="page-head" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assessment.title')}
        </Typography.Title>
        <Space wrap>
          <PeriodPicker />
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!data?.rows.length} data-testid="assessment-export">
            {t('assessment.export')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="assessment-method">
        {t('assessment.method')}
      </Typography.Paragraph>
      {failed && !data ? (
        <Result status="warning" title={t('error.load')} extra={<Button onClick={reload}>{t('action.retry')}</Button>} />
      ) : (
        <Table<UnitAssessmentRow>
          data-testid="assessment-table"
          rowKey="unit"
          size="small"
          loading={loading && stale}
          columns={columnsOf(t, unitName)}
          dataSource={data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: t('assessment.empty') }}
          sticky
        />
      )}
    </div>
  );
}
