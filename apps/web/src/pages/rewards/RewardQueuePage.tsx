import { Button, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { rewardsApi } from '../../api/rewards';
import { REWARD_STATES } from '../../api/rewards-types';
import { ListTable } from '../../components/ListTable';
import { rewardColumns } from '../../components/rewards/rewardColumns';
import { DepartmentFilter } from '../../components/rewards/DepartmentFilter';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useI18n } from '../../i18n';

const FILTER_KEYS = ['state', 'department'] as const;
const ALL = 'ALL';

/** The proposals queue (default: waiting for approval, oldest first), or with `payouts` the claimed rewards waiting for payment. */
export function RewardQueuePage({ payouts = false }: { payouts?: boolean }) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const { filters, setFilter, clear, active, key } = useUrlFilters(FILTER_KEYS);
  const state = payouts ? 'CLAIMED' : (filters.state ?? 'PROPOSED');
  const query = { state: state === ALL ? undefined : state, department: filters.department };
  const list = useKeysetList((cursor) => rewardsApi.list(query, cursor), `${payouts}:${key}`);
  const columns = useMemo(() => rewardColumns(t, taxonomy, payouts), [t, taxonomy, payouts]);

  return (
    <div className="page page-fill" data-testid={payouts ? 'payouts-page' : 'rewards-page'}>
      <Space className="page-head" align="center">
        <Typography.Title level={4}>{payouts ? t('reward.payoutTitle') : t('reward.queueTitle')}</Typography.Title>
      </Space>
      <Space className="filter-bar" wrap>
        {!payouts && (
          <Select
            className="filter-wide"
            value={state}
            onChange={(value) => setFilter('state', value === 'PROPOSED' ? undefined : value)}
            options={[{ value: ALL, label: t('reward.allStates') }, ...REWARD_STATES.map((value) => ({ value, label: t(`reward.stateName.${value}`) }))]}
            data-testid="reward-filter-state"
          />
        )}
        <DepartmentFilter value={filters.department} onChange={(department) => setFilter('department', department)} testId="reward-filter-department" />
        {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
      </Space>
      <ListTable
        list={list}
        columns={columns}
        testId="reward-list"
        rowTestId={(row) => `reward-row-${row.trackingCode}`}
        onOpen={(row) => navigate(`/rewards/${row.id}`, { state: { from: `${payouts ? '/payouts' : '/rewards'}?${key}` } })}
        hint="reward.listHint"
        empty={
          <Space direction="vertical">
            <span>{payouts ? t('reward.emptyPayouts') : t('reward.emptyQueue')}</span>
            {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
          </Space>
        }
      />
    </div>
  );
}
