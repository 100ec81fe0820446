import { Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { feedRecordsApi } from '../api/endpoints';
import { RAW_STATES, type FeedRecord } from '../api/types';
import { ListTable } from '../components/ListTable';
import { FeedRecordDrawer } from '../components/unreadable/FeedRecordDrawer';
import { useLive } from '../context/LiveContext';
import { useTaxonomy, type TaxonomyValue } from '../context/TaxonomyContext';
import { useKeysetList } from '../hooks/useKeysetList';
import { useI18n, type Translate } from '../i18n';
import { fileSize } from '../lib/files';
import { beijing } from '../lib/time';

function columns(t: Translate, { feedName }: TaxonomyValue): ColumnsType<FeedRecord> {
  return [
    { key: 'feed', title: t('field.hotline'), width: 130, ellipsis: true, render: (_, row) => feedName(row.feed) },
    { key: 'receivedAt', title: t('field.receivedAt'), width: 136, render: (_, row) => beijing(row.receivedAt) },
    { key: 'state', title: t('unreadable.state'), width: 100, render: (_, row) => <Tag>{t(`rawState.${row.state}`)}</Tag> },
    {
      key: 'error',
      title: t('unreadable.error'),
      render: (_, row) => (
        <div className="cell-2">
          <Typography.Text code>{row.errorCode ?? '—'}</Typography.Text>
          <Typography.Text type="secondary" ellipsis title={row.errorMessage ?? undefined} className="cell-2-sub">
            {row.errorMessage}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'attempts', title: t('unreadable.attempts'), width: 88, align: 'right', render: (_, row) => row.attempts },
    { key: 'size', title: t('unreadable.size'), width: 96, align: 'right', render: (_, row) => fileSize(row.sizeBytes) },
    { key: 'contentType', title: t('unreadable.contentType'), width: 180, ellipsis: true, render: (_, row) => row.contentType ?? '—' },
  ];
}

export function UnreadablePage() {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { epoch } = useLive();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'UNREADABLE';
  const feed = params.get('feed') ?? undefined;
  const recordId = params.get('record');

  const list = useKeysetList((cursor) => feedRecordsApi.list({ state, feed }, cursor), `${state}:${feed}`, epoch);
  const tableColumns = useMemo(() => columns(t, taxonomy), [t, taxonomy]);

  const setParam = (key: string, value: string | null | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key !== 'record' },
    );

  return (
    <div className="page page-fill">
      <Space className="page-head" align="center" size={12}>
        <Typography.Title level={4}>{t('unreadable.title')}</Typography.Title>
        <Select
          value={state}
          onChange={(value: string) => setParam('state', value === 'UNREADABLE' ? null : value)}
          options={RAW_STATES.map((value) => ({ value, label: t(`rawState.${value}`) }))}
          className="filter-narrow"
          data-testid="raw-filter-state"
        />
        <Select
          allowClear
          placeholder={t('field.hotline')}
          value={feed}
          onChange={(value?: string) => setParam('feed', value)}
          options={Object.entries(taxonomy.taxonomy.feeds)
            .filter(([code]) => /^\d+$/.test(code))
            .map(([value, label]) => ({ value, label }))}
          className="filter-narrow"
          data-testid="raw-filter-feed"
        />
      </Space>
      <ListTable
        list={list}
        columns={tableColumns}
        testId="raw-list"
        rowTestId={(row) => `raw-row-${row.id}`}
        onOpen={(row) => setParam('record', row.id)}
        hotkeys={!recordId}
        empty={t('unreadable.empty')}
      />
      {recordId && (
        <FeedRecordDrawer
          recordId={recordId}
          onChanged={(record) => list.update((items) => items.map((row) => (row.id === record.id ? { ...row, ...record } : row)))}
          onClose={() => setParam('record', null)}
        />
      )}
    </div>
  );
}
