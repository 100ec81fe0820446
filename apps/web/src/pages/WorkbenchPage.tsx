import { Button, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useCallback, useMemo } from 'react';
import type { DeadlineState, WorkbenchItem } from '@hub/contracts';
import { caseApi } from '../api/workbench';
import { DeadlineTag } from '../components/DeadlineTag';
import { FlagTags } from '../components/FlagTags';
import { Kbd } from '../components/Kbd';
import { ListTable } from '../components/ListTable';
import { ticketColumns } from '../components/ticketColumns';
import { useMe } from '../context/AuthContext';
import { useLive } from '../context/LiveContext';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useFreshRows } from '../hooks/useFreshRows';
import { useHotkeys } from '../hooks/useHotkeys';
import { useKeysetList } from '../hooks/useKeysetList';
import { useFocusId, useOpenTicket } from '../hooks/useOpenTicket';
import { useUnitLive } from '../hooks/useUnitLive';
import { WORKBENCH_TABS, useWorkbenchFilters, type WorkbenchTab } from '../hooks/useWorkbenchFilters';
import { useI18n, type Translate } from '../i18n';
import { clockMeasure } from '../lib/clocks';

export function deadlineColumn<T extends Pick<WorkbenchItem, 'nextDeadline' | 'deadlineState' | 'deadlines' | 'paused' | 'trackingCode' | 'kind'>>(t: Translate): ColumnType<T> {
  return {
    key: 'deadline',
    title: t('field.deadline'),
    width: 250,
    render: (_, row) =>
      row.nextDeadline ? (
        <DeadlineTag
          at={row.nextDeadline.at}
          state={row.deadlineState}
          provisional={row.deadlines.provisional}
          paused={row.paused}
          measure={clockMeasure(row.nextDeadline.clock, row.kind)}
          testId={`deadline-${row.trackingCode}`}
        />
      ) : (
        <Typography.Text type="secondary">{t('time.notStarted')}</Typography.Text>
      ),
  };
}

const EMPTY_TEXT: Record<WorkbenchTab, 'workbench.empty.accept' | 'workbench.empty.progress' | 'workbench.empty.assist' | 'workbench.empty.overdue'> = {
  accept: 'workbench.empty.accept',
  progress: 'workbench.empty.progress',
  assist: 'workbench.empty.assist',
  overdue: 'workbench.empty.overdue',
};

export function WorkbenchPage() {
  const { t } = useI18n();
  const me = useMe();
  const taxonomy = useTaxonomy();
  const { epoch } = useLive();
  const filters = useWorkbenchFilters();
  const { tab, deadline, query, key } = filters;
  const list = useKeysetList((cursor) => caseApi.list(query, cursor), key, epoch);
  const { fresh, mark } = useFreshRows();
  useUnitLive(list, () => caseApi.list(query, null), mark);
  const openTicket = useOpenTicket();
  const focusId = useFocusId();

  useHotkeys(Object.fromEntries(WORKBENCH_TABS.map((name, index) => [String(index + 1), () => filters.setTab(name)])));

  const columns = useMemo(() => {
    const c = ticketColumns<WorkbenchItem>(t, taxonomy);
    const kind: ColumnType<WorkbenchItem> = { key: 'kind', title: t('field.kind'), width: 64, render: (_, row) => t(`kind.${row.kind}`) };
    const flags: ColumnType<WorkbenchItem> = { key: 'flags', title: t('field.flags'), width: 120, render: (_, row) => <FlagTags flags={row.flags} /> };
    const tail = tab === 'assist' ? [c.leadUnit] : [flags];
    return [deadlineColumn<WorkbenchItem>(t), c.status, c.code, kind, c.received, c.subject, c.category, ...tail];
  }, [t, taxonomy, tab]);
  const rowClassName = useCallback((row: { id: string }) => (fresh.has(row.id) ? 'row-fresh' : ''), [fresh]);

  return (
    <div className="page page-fill" data-testid="workbench">
      <Space className="page-head" align="center" size={12}>
        <Typography.Title level={4}>{t('workbench.title')}</Typography.Title>
        <Tag>{taxonomy.unitName(me.unit)}</Tag>
      </Space>
      <div className="workbench-bar">
        <Tabs
          activeKey={tab}
          onChange={(next) => filters.setTab(next as WorkbenchTab)}
          size="small"
          items={WORKBENCH_TABS.map((name, index) => ({
            key: name,
            label: (
              <span data-testid={`tab-${name}`}>
                {t(`workbench.tab.${name}`)} <Kbd>{String(index + 1)}</Kbd>
              </span>
            ),
          }))}
        />
        {tab !== 'overdue' && (
          <Space size={8}>
            <Typography.Text type="secondary">{t('field.deadline')}</Typography.Text>
            <Segmented
              size="small"
              value={deadline ?? 'all'}
              onChange={(value) => filters.setDeadline(value === 'all' ? undefined : (value as DeadlineState))}
              options={[
                { value: 'all', label: t('deadline.all') },
                { value: 'ok', label: t('deadline.state.ok') },
                { value: 'warning', label: t('deadline.state.warning') },
                { value: 'overdue', label: t('deadline.state.overdue') },
              ]}
              data-testid="filter-deadline"
            />
          </Space>
        )}
      </div>
      <ListTable
        list={list}
        columns={columns}
        testId="workbench-list"
        rowTestId={(row) => `workbench-row-${row.trackingCode}`}
        onOpen={(row) => openTicket(row.id)}
        focusId={focusId}
        rowClassName={rowClassName}
        hint="workbench.hint"
        empty={
          <Space direction="vertical">
            <span>{t(EMPTY_TEXT[tab])}</span>
            {deadline && <Button onClick={filters.clear}>{t('filter.clear')}</Button>}
          </Space>
        }
      />
    </div>
  );
}
