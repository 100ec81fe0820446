import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ClaimView, TicketSummary } from '@hub/contracts';
import type { TaxonomyValue } from '../context/TaxonomyContext';
import type { Translate } from '../i18n';
import { shortName } from '../lib/taxonomyNames';
import { beijing } from '../lib/time';
import { ClaimHolder } from './ClaimHolder';
import { StatusTag } from './StatusTag';

function TwoLines({ top, bottom, strong }: { top: string; bottom?: string | null; strong?: boolean }) {
  return (
    <div className="cell-2">
      <Typography.Text strong={strong} ellipsis title={top}>
        {top}
      </Typography.Text>
      {bottom && (
        <Typography.Text type="secondary" ellipsis title={bottom} className="cell-2-sub">
          {bottom}
        </Typography.Text>
      )}
    </div>
  );
}

type ColumnRow = Pick<
  TicketSummary,
  'id' | 'status' | 'trackingCode' | 'feed' | 'receivedAt' | 'regionCode' | 'subjectName' | 'productName' | 'excerpt' | 'category' | 'violation' | 'leadUnit'
> & { claim?: ClaimView | null };

export function ticketColumns<T extends ColumnRow>(t: Translate, taxonomy: TaxonomyValue) {
  type Column = ColumnType<T>;
  const status: Column = { key: 'status', title: t('field.status'), width: 96, render: (_, row) => <StatusTag status={row.status} /> };
  const code: Column = {
    key: 'code',
    title: `${t('field.trackingCode')} / ${t('field.hotline')}`,
    width: 156,
    render: (_, row) => <TwoLines top={row.trackingCode} bottom={taxonomy.feedName(row.feed)} />,
  };
  const received: Column = { key: 'receivedAt', title: t('field.receivedAt'), width: 128, render: (_, row) => beijing(row.receivedAt) };
  const region: Column = { key: 'region', title: t('field.region'), width: 92, ellipsis: true, render: (_, row) => taxonomy.regionName(row.regionCode) };
  const subject: Column = {
    key: 'subject',
    title: t('field.subjectExcerpt'),
    render: (_, row) => <TwoLines strong top={row.subjectName || row.productName || row.excerpt} bottom={row.subjectName || row.productName ? row.excerpt : null} />,
  };
  const category: Column = {
    key: 'category',
    title: `${t('field.category')} / ${t('field.violation')}`,
    width: 140,
    render: (_, row) =>
      row.category ? (
        <TwoLines top={shortName(taxonomy.label('categories', row.category))} bottom={row.violation ? shortName(taxonomy.label('violations', row.violation)) : null} />
      ) : (
        '—'
      ),
  };
  const leadUnit: Column = { key: 'leadUnit', title: t('field.leadUnit'), width: 168, ellipsis: true, render: (_, row) => taxonomy.unitName(row.leadUnit) };
  const claim: Column = { key: 'claim', title: t('field.claim'), width: 104, render: (_, row) => <ClaimHolder claim={row.claim ?? null} /> };
  return { status, code, received, region, subject, category, leadUnit, claim };
}
