import type { TicketSummary } from '@hub/contracts';
import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { consoleApi } from '../api/endpoints';
import { ListTable } from '../components/ListTable';
import { QueueFilterBar } from '../components/QueueFilterBar';
import { ticketColumns } from '../components/ticketColumns';
import { useWorkspace } from '../context/AuthContext';
import { useLive } from '../context/LiveContext';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useFreshRows } from '../hooks/useFreshRows';
import { useKeysetList } from '../hooks/useKeysetList';
import { useQueueLive } from '../hooks/useLiveList';
import { useFocusId, useOpenTicket } from '../hooks/useOpenTicket';
import { useQueueFilters } from '../hooks/useQueueFilters';
import { useI18n } from '../i18n';

export function QueuePage() {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { epoch } = useLive();
  const readOnly = useWorkspace() === 'supervisor';
  const filterState = useQueueFilters();
  const { filters, key, active, clear } = filterState;
  const list = useKeysetList((cursor) => consoleApi.queue(filters, cursor), key, epoch);
  const { fresh, mark } = useFreshRows();
  useQueueLive(list, filters, mark);
  const openTicket = useOpenTicket();
  const focusId = useFocusId();

  const columns = useMemo(() => {
    const c = ticketColumns<TicketSummary>(t, taxonomy);
    return [c.status, c.code, c.received, c.region, c.subject, c.category, c.leadUnit, c.claim];
  }, [t, taxonomy]);
  const rowClassName = useCallback((row: { id: string }) => (fresh.has(row.id) ? 'row-fresh' : ''), [fresh]);

  return (
    <div className="page page-fill">
      <Space className="page-head" align="center">
        <Typography.Title level={4}>{t('queue.title')}</Typography.Title>
        {readOnly && <Alert type="info" showIcon message={t('queue.readOnly')} className="inline-alert" />}
      </Space>
      <QueueFilterBar {...filterState} />
      <ListTable
        list={list}
        columns={columns}
        testId="queue-list"
        rowTestId={(row) => `queue-row-${row.trackingCode}`}
        onOpen={(row) => openTicket(row.id)}
        focusId={focusId}
        rowClassName={rowClassName}
        empty={
          <Space direction="vertical">
            <span>{t('queue.empty')}</span>
            {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
          </Space>
        }
      />
    </div>
  );
}
