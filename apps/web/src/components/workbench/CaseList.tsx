import type { Clock, Page, WorkbenchItem } from '@hub/contracts';
import { Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useLive } from '../../context/LiveContext';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useFreshRows } from '../../hooks/useFreshRows';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useFocusId, useOpenTicket } from '../../hooks/useOpenTicket';
import { useUnitLive } from '../../hooks/useUnitLive';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { clockMeasure } from '../../lib/clocks';
import { DeadlineTag } from '../DeadlineTag';
import { FlagTags } from '../FlagTags';
import { ListTable } from '../ListTable';
import { ticketColumns } from '../ticketColumns';

type Row = WorkbenchItem;

/** One clock of the row (e.g. the unit head's 3 days), with colour, date and working days left. */
export function clockColumn(t: Translate, clock: Clock | 'next', title: MessageKey): ColumnType<Row> {
  return {
    key: `clock-${clock}`,
    title: t(title),
    width: 250,
    render: (_, row) => {
      const which = clock === 'next' ? row.nextDeadline?.clock : clock;
      const at = which ? row.deadlines[which] : null;
      if (!which || !at) return <Typography.Text type="secondary">{t('time.notStarted')}</Typography.Text>;
      const state = row.nextDeadline?.clock === which ? row.deadlineState : undefined;
      const measure = clockMeasure(which, row.kind);
      return <DeadlineTag at={at} state={state} provisional={row.deadlines.provisional} paused={row.paused} measure={measure} testId={`deadline-${row.trackingCode}`} />;
    },
  };
}

export function transferColumn(t: Translate): ColumnType<Row> {
  return {
    key: 'transfer',
    title: t('case.transferState'),
    width: 150,
    render: (_, row) => (row.transferState ? <Tag color={row.transferState === 'PROPOSED' || row.transferState === 'WITH_POLICE' ? 'blue' : 'default'}>{t(`transferState.${row.transferState}`)}</Tag> : '—'),
  };
}

export function outcomeColumn(t: Translate): ColumnType<Row> {
  return { key: 'outcome', title: t('field.outcome'), width: 100, render: (_, row) => (row.outcome ? <Tag color="green">{t(`outcome.${row.outcome}`)}</Tag> : '—') };
}

export function flagsColumn(t: Translate): ColumnType<Row> {
  return { key: 'flags', title: t('field.flags'), width: 120, render: (_, row) => <FlagTags flags={row.flags} /> };
}

interface CaseListProps {
  title: ReactNode;
  testId: string;
  listKey: string;
  fetchPage: (cursor: string | null) => Promise<Page<Row>>;
  columns: (t: Translate, base: ReturnType<typeof ticketColumns<Row>>) => ColumnType<Row>[];
  empty: MessageKey;
  hint?: MessageKey;
  /** only events about the caller's own unit (police and oversight lists take all the socket sends) */
  scoped?: boolean;
  toolbar?: ReactNode;
}

/** A unit, police or oversight list: keyset pages, kept current by the live socket, opened with Enter. */
export function CaseList({ title, testId, listKey, fetchPage, columns, empty, hint = 'workbench.hint', scoped = true, toolbar }: CaseListProps) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { epoch } = useLive();
  const list = useKeysetList(fetchPage, listKey, epoch);
  const { fresh, mark } = useFreshRows();
  useUnitLive(list, () => fetchPage(null), mark, scoped);
  const openTicket = useOpenTicket();
  const focusId = useFocusId();
  const shown = useMemo(() => columns(t, ticketColumns<Row>(t, taxonomy)), [columns, t, taxonomy]);
  const rowClassName = useCallback((row: { id: string }) => (fresh.has(row.id) ? 'row-fresh' : ''), [fresh]);

  return (
    <div className="page page-fill" data-testid={testId}>
      <Space className="page-head" align="center" size={12} wrap>
        {title}
        {toolbar}
      </Space>
      <ListTable
        list={list}
        columns={shown}
        testId={`${testId}-list`}
        rowTestId={(row) => `${testId}-row-${row.trackingCode}`}
        onOpen={(row) => openTicket(row.id)}
        focusId={focusId}
        rowClassName={rowClassName}
        hint={hint}
        empty={t(empty)}
      />
    </div>
  );
}
