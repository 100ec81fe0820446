import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { rewardsApi } from '../../api/rewards';
import type { LedgerEntry } from '../../api/rewards-types';
import type { Page } from '@hub/contracts';
import { ListTable } from '../../components/ListTable';
import { ReconciliationCard } from '../../components/rewards/ReconciliationCard';
import { useWorkspace } from '../../context/AuthContext';
import { DepartmentFilter } from '../../components/rewards/DepartmentFilter';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { beijing } from '../../lib/time';
import { beijingYear } from './BudgetsPage';

const FILTER_KEYS = ['department', 'year'] as const;

const KIND_COLOR: Record<LedgerEntry['kind'], string> = { GRANT: 'blue', COMMITMENT: 'gold', PAYOUT: 'green', REVERSAL: 'volcano', EXPIRY_RELEASE: 'default' };
/** Money coming into the available budget shows with a plus, money leaving it with a minus. */
const SIGN: Record<LedgerEntry['kind'], string> = { GRANT: '+', COMMITMENT: '−', PAYOUT: '', REVERSAL: '+', EXPIRY_RELEASE: '+' };

export function LedgerPage() {
  const { t } = useI18n();
  const { taxonomy } = useTaxonomy();
  const navigate = useNavigate();
  const canOpenRewards = useWorkspace() === 'rewards';
  const { filters, setFilter, clear, active, key } = useUrlFilters(FILTER_KEYS);
  const thisYear = beijingYear();
  const loaded = useRef(0);

  // The ledger is keyset-paged without a total: count what has arrived.
  const list = useKeysetList<LedgerEntry>(async (cursor) => {
    const page = await rewardsApi.ledger(filters, cursor);
    loaded.current = (cursor ? loaded.current : 0) + page.items.length;
    return { ...page, total: page.total ?? loaded.current } as Page<LedgerEntry>;
  }, key);

  const columns = useMemo<ColumnsType<LedgerEntry>>(
    () => [
      { title: t('ledger.at'), dataIndex: 'at', width: 140, render: beijing },
      { title: t('ledger.kind'), dataIndex: 'kind', width: 110, render: (kind: LedgerEntry['kind']) => <Tag color={KIND_COLOR[kind]} bordered={false}>{t(`ledger.kind.${kind}`)}</Tag> },
      { title: t('budget.department'), dataIndex: 'department', width: 170, ellipsis: true, render: (code: string) => taxonomy.departments[code] ?? code },
      { title: t('budget.year'), dataIndex: 'year', width: 70 },
      {
        title: t('ledger.amount'),
        dataIndex: 'amountFen',
        width: 150,
        align: 'right',
        render: (fen: number, row) => (
          <span className="money">
            {SIGN[row.kind]}
            {formatFen(fen)}
          </span>
        ),
      },
      { title: t('ledger.reward'), dataIndex: 'trackingCode', width: 160, render: (code: string | null) => (code ? <span className="mono">{code}</span> : '—') },
      { title: t('ledger.actor'), dataIndex: 'actor', width: 150, ellipsis: true, render: (actor: string | null) => actor ?? '—' },
      { title: t('ledger.note'), dataIndex: 'note', ellipsis: true, render: (note: string | null) => note ?? '—' },
    ],
    [t, taxonomy],
  );

  return (
    <div className="page page-fill" data-testid="ledger-page">
      <Space className="page-head" align="center">
        <Typography.Title level={4}>{t('ledger.title')}</Typography.Title>
        <Alert type="info" showIcon message={t('ledger.appendOnly')} className="inline-alert" />
      </Space>
      <div className="ledger-top">
        <Space className="filter-bar" wrap>
          <Select
            className="filter-narrow"
            allowClear
            placeholder={t('budget.year')}
            value={filters.year ? Number(filters.year) : undefined}
            onChange={(value?: number) => setFilter('year', value ? String(value) : undefined)}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: String(value) }))}
            data-testid="ledger-filter-year"
          />
          <DepartmentFilter value={filters.department} onChange={(department) => setFilter('department', department)} testId="ledger-filter-department" />
          {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
        </Space>
        <ReconciliationCard compact year={Number(filters.year) || thisYear} />
      </div>
      <ListTable<LedgerEntry>
        list={list}
        columns={columns}
        testId="ledger-list"
        rowTestId={(row) => `ledger-row-${row.id}`}
        onOpen={(row) => canOpenRewards && row.rewardId && navigate(`/rewards/${row.rewardId}`, { state: { from: `/ledger?${key}` } })}
        hint="reward.listHint"
        empty={
          <Space direction="vertical">
            <span>{t('ledger.empty')}</span>
            {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
          </Space>
        }
      />
    </div>
  );
}
