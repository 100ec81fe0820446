import { Empty, Space, Spin, Tag, Typography } from 'antd';
import { ticketsApi } from '../../api/endpoints';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';

export function RawRecord({ ticketId, rawId }: { ticketId: string; rawId: string | null }) {
  const { t } = useI18n();
  const { feedName } = useTaxonomy();
  const fetched = useFetched(`${ticketId}:${rawId}`, () => ticketsApi.raw(ticketId));

  if (fetched.state === 'loading') return <Spin />;
  if (fetched.state === 'failed') return <Empty description={t('error.load')} />;
  const raw = fetched.data;
  return (
    <div className="raw-record">
      <Space size={8} wrap className="raw-meta">
        <Tag>{feedName(raw.feed)}</Tag>
        <Typography.Text type="secondary">{raw.contentType ?? '—'}</Typography.Text>
        <Typography.Text type="secondary">{beijing(raw.receivedAt)}</Typography.Text>
        {raw.revisions.length > 1 &&
          raw.revisions.map((revision) => (
            <Tag key={revision.rawId} color={revision.rawId === raw.rawId ? 'blue' : 'default'}>
              {t('ticket.revision', { n: revision.revision })} · {t(`ticket.revisionKind.${revision.kind}`)} · {beijing(revision.receivedAt)}
            </Tag>
          ))}
      </Space>
      <pre className="raw-preview" data-testid="raw-preview">
        {raw.preview}
      </pre>
    </div>
  );
}
