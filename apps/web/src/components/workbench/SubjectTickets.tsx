import { Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { caseRecordsApi } from '../../api/workbench';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';
import { StatusTag } from '../StatusTag';

/** The subject's record as far as the caller may see it: other tickets about the same business. */
export function SubjectTickets({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { unitName } = useTaxonomy();
  const fetched = useFetched(ticketId, () => caseRecordsApi.subjectTickets(ticketId));
  if (fetched.state === 'loading') return <Spin />;
  const rows = fetched.state === 'ready' ? fetched.data : [];
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.subjectNone')} />;
  return (
    <List
      size="small"
      dataSource={rows}
      data-testid="subject-tickets"
      renderItem={(row) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space size={6} wrap>
              <Link to={`/tickets/${encodeURIComponent(row.id)}`} className="mono">
                {row.trackingCode}
              </Link>
              <StatusTag status={row.status} />
              {row.outcome && <Tag color="green">{t(`outcome.${row.outcome}`)}</Tag>}
              <Typography.Text type="secondary">{t(`kind.${row.kind}`)}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" className="field-note">
              {beijing(row.receivedAt)} · {unitName(row.leadUnit)} · {t(`case.subjectMatched.${row.matchedBy}`)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
