import { Badge, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { consoleApi } from '../api/endpoints';
import type { TriageItem } from '@hub/contracts';
import { Confidence } from '../components/Confidence';
import { ListTable } from '../components/ListTable';
import { ticketColumns } from '../components/ticketColumns';
import { useLive } from '../context/LiveContext';
import { useTaxonomy, type TaxonomyValue } from '../context/TaxonomyContext';
import { useKeysetList } from '../hooks/useKeysetList';
import { useTriageLive } from '../hooks/useLiveList';
import { useNow } from '../hooks/useNow';
import { useFocusId, useOpenTicket } from '../hooks/useOpenTicket';
import { useI18n, type Translate } from '../i18n';
import { shortName } from '../lib/taxonomyNames';
import { beijing, durationWords } from '../lib/time';

function ProposalCell({ row, taxonomy, t }: { row: TriageItem; taxonomy: TaxonomyValue; t: Translate }) {
  const proposal = row.proposal;
  if (!proposal) return <Typography.Text type="secondary">{t('triage.noProposal')}</Typography.Text>;
  const labels = [taxonomy.label('categories', proposal.category), taxonomy.label('violations', proposal.violation), taxonomy.label('stages', proposal.stage)].map(shortName);
  const unit = taxonomy.unitName(proposal.leadUnit);
  return (
    <div className="cell-3" data-testid={`triage-proposal-${row.trackingCode}`}>
      <Typography.Text ellipsis title={labels.join(' / ')}>
        {labels.join(' / ')}
      </Typography.Text>
      <Space size={6} className="cell-3-line">
        <Typography.Text strong ellipsis title={unit} className="cell-unit">
          {unit}
        </Typography.Text>
        <Confidence value={proposal.confidence ?? row.confidence} />
      </Space>
    </div>
  );
}

function triageColumns(t: Translate, taxonomy: TaxonomyValue, now: number): ColumnsType<TriageItem> {
  const common = ticketColumns<TriageItem>(t, taxonomy);
  return [
    {
      key: 'waiting',
      title: t('field.waiting'),
      width: 124,
      render: (_, row) => (
        <div className="cell-2">
          <Typography.Text strong>{durationWords(now - Date.parse(row.receivedAt), t)}</Typography.Text>
          <Typography.Text type="secondary" className="cell-2-sub">
            {beijing(row.receivedAt)}
          </Typography.Text>
        </div>
      ),
    },
    common.code,
    { ...common.subject, width: 200 },
    { key: 'proposal', title: t('field.proposal'), width: 250, render: (_, row) => <ProposalCell row={row} taxonomy={taxonomy} t={t} /> },
    {
      key: 'explanation',
      title: t('field.explanation'),
      render: (_, row) => (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: row.explanation }} className="cell-explanation">
          {row.explanation ?? '—'}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'duplicates',
      title: t('field.duplicates'),
      width: 72,
      align: 'center',
      render: (_, row) => <Badge count={row.duplicateCandidates.length} color="gold" showZero={false} data-testid={`triage-duplicates-${row.trackingCode}`} />,
    },
    common.claim,
  ];
}

export function TriagePage() {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { epoch } = useLive();
  const now = useNow(30_000);
  const list = useKeysetList((cursor) => consoleApi.triage(cursor), 'triage', epoch);
  useTriageLive(list);
  const openTicket = useOpenTicket();
  const focusId = useFocusId();
  const columns = useMemo(() => triageColumns(t, taxonomy, now), [t, taxonomy, now]);

  return (
    <div className="page page-fill">
      <Typography.Title level={4} className="page-head">
        {t('triage.title')}
      </Typography.Title>
      <ListTable
        list={list}
        columns={columns}
        testId="triage-list"
        rowTestId={(row) => `triage-row-${row.trackingCode}`}
        onOpen={(row) => openTicket(row.id)}
        focusId={focusId}
        empty={t('triage.empty')}
      />
    </div>
  );
}
